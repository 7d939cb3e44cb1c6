package gen

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// operationSchemas asks the SDK which input and output schemas each
// operation of m serializes with. The schemas package names the shapes but
// not which operation uses which; the client does, when it hands the
// operation's schema to its protocol. So each operation is called, through
// the exported Client API, with a protocol (Options.Protocol) that records
// the schema and stops the call before anything is sent.
func operationSchemas(m *Model) (map[string]*smithy.OperationSchema, error) {
	rec := &recorder{}
	client := elasticache.New(elasticache.Options{Region: "us-east-1"}, func(o *elasticache.Options) {
		o.Protocol = rec
		// Input validation runs before serialization; an empty input
		// must reach the protocol.
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
			_, _ = s.Initialize.Remove("OperationInputValidation")
			return nil
		})
	})
	cv := reflect.ValueOf(client)
	ctx := reflect.ValueOf(context.Background())
	out := map[string]*smithy.OperationSchema{}
	for _, op := range m.Operations {
		method := cv.MethodByName(op.Name)
		if !method.IsValid() || method.Type().NumIn() != 3 || method.Type().In(1).Kind() != reflect.Pointer {
			return nil, fmt.Errorf("gen: Client.%s: not an operation method of the compiled SDK; %s", op.Name, howToProceed)
		}
		rec.got = nil
		res := method.Call([]reflect.Value{ctx, reflect.New(method.Type().In(1).Elem())})
		err, _ := res[1].Interface().(error)
		if rec.got == nil || !errors.Is(err, errRecorded) {
			return nil, fmt.Errorf("gen: Client.%s did not pass its operation schema to Options.Protocol (%v); %s", op.Name, err, howToProceed)
		}
		out[op.Name] = rec.got
	}
	return out, nil
}

var errRecorded = errors.New("gen: operation schema recorded")

// recorder is a client protocol that records the operation schema it is
// asked to serialize with, and fails. Methods other than SerializeRequest
// are never reached.
type recorder struct {
	smithyhttp.ClientProtocol
	got *smithy.OperationSchema
}

func (r *recorder) SerializeRequest(_ context.Context, s *smithy.OperationSchema, _ smithy.Serializable, _ *smithyhttp.Request) error {
	r.got = s
	return errRecorded
}
