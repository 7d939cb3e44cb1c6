package lambdatest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// Build compiles the Lambda function in dir for this machine, named
// bootstrap and with the lambda.norpc tag, as Lambda's custom runtime
// runs it. It returns the binary's path, under t.TempDir(). The deploy
// command's other flags (static, trimmed, arm64) change no behaviour and
// would rebuild every dependency: deploytest builds with them.
func Build(t testing.TB, dir string) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	out := filepath.Join(t.TempDir(), "bootstrap")
	cmd := exec.Command(goTool, "build", "-tags", "lambda.norpc", "-o", out, ".")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return out
}

// Process is a running function binary.
type Process struct {
	cmd    *exec.Cmd
	stdout syncBuffer
	stderr syncBuffer
}

// Start runs binary against the runtime with the Lambda environment plus
// env, and kills it when the test ends.
func Start(t testing.TB, binary string, rt *Runtime, env ...string) *Process {
	t.Helper()
	p := &Process{}
	p.cmd = exec.Command(binary)
	p.cmd.Dir = t.TempDir()
	p.cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"),
		"AWS_LAMBDA_RUNTIME_API=" + rt.Addr,
		"AWS_LAMBDA_FUNCTION_NAME=cachetrail-test",
		"AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
		"AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/cachetrail-test",
		"AWS_LAMBDA_LOG_STREAM_NAME=2024/01/01/[$LATEST]0123456789abcdef",
		"LAMBDA_TASK_ROOT=" + filepath.Dir(binary),
		"TZ=UTC",
	}, env...)
	p.cmd.Stdout = &p.stdout
	p.cmd.Stderr = &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", binary, err)
	}
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		p.cmd.Wait()
	})
	return p
}

// Stdout returns what the function wrote to standard output so far
// (in Lambda, its CloudWatch Logs stream).
func (p *Process) Stdout() string { return p.stdout.String() }

// Stderr returns what the function wrote to standard error so far.
func (p *Process) Stderr() string { return p.stderr.String() }

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
