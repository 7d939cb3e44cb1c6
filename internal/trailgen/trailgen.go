// Package trailgen writes synthetic CloudTrail log files for benchmarks and
// memory tests: realistic records of several services with random ids, a
// given share of them ElastiCache. The output is deterministic for a seed.
package trailgen

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Config describes a trail.
type Config struct {
	Records         int     // number of records
	ElastiCacheRate float64 // share of ElastiCache records, 0..1
	Seed            uint64
	// Resources, when positive, draws the ElastiCache resource ids from a
	// pool of that many; zero gives every record a new random id.
	Resources int
}

// Write writes a CloudTrail log file, {"Records":[...]}, to w.
func Write(w io.Writer, c Config) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	g := newGen(c)
	bw.WriteString(`{"Records":[`)
	for i := 0; i < c.Records; i++ {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.Write(g.record(i))
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// Lines writes the same records as JSON Lines.
func Lines(w io.Writer, c Config) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	g := newGen(c)
	for i := 0; i < c.Records; i++ {
		bw.Write(g.record(i))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Reader returns a reader of the log file Write would write, generated as
// it is read, so a test can read millions of records without holding them.
func Reader(c Config) io.Reader {
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(Write(pw, c)) }()
	return pr
}

type gen struct {
	c    Config
	r    *rand.Rand
	base time.Time
	out  []byte // the record being written, reused
	tmp  []byte // scratch for the pieces, reused
}

func newGen(c Config) *gen {
	return &gen{c: c, r: rand.New(rand.NewPCG(c.Seed, c.Seed^0x9e3779b97f4a7c15)), base: time.Date(2024, 11, 5, 0, 0, 0, 0, time.UTC)}
}

func (g *gen) pick() float64 { return g.r.Float64() }

const hexDigits = "0123456789abcdef"

func (g *gen) hex(n int) string {
	b := g.tmp[:0]
	for range n {
		b = append(b, hexDigits[g.r.IntN(16)])
	}
	g.tmp = b
	return string(b)
}

func (g *gen) upper(n int) string {
	const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b := g.tmp[:0]
	for range n {
		b = append(b, a[g.r.IntN(len(a))])
	}
	g.tmp = b
	return string(b)
}

// fill returns tmpl with each %s replaced by the next of args. It stands
// in for fmt.Sprintf, which took half of a memory test's time.
func (g *gen) fill(tmpl string, args ...string) string {
	g.tmp = appendFill(g.tmp[:0], tmpl, args...)
	return string(g.tmp)
}

func appendFill(b []byte, tmpl string, args ...string) []byte {
	for _, a := range args {
		i := strings.Index(tmpl, "%s")
		b = append(append(b, tmpl[:i]...), a...)
		tmpl = tmpl[i+2:]
	}
	return append(b, tmpl...)
}

func itoa(n int) string { return strconv.Itoa(n) }

func (g *gen) uuid() string {
	return g.hex(8) + "-" + g.hex(4) + "-4" + g.hex(3) + "-a" + g.hex(3) + "-" + g.hex(12)
}

var regions = []string{"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"}

func (g *gen) identity() string {
	role := []string{"Admin", "deploy-pipeline", "ReadOnly", "cache-operator"}[g.r.IntN(4)]
	sess := []string{"alice", "bob", "terraform", "i-0" + g.hex(16)}[g.r.IntN(4)]
	return g.fill(`{"type":"AssumedRole","principalId":"AROA%s:%s","arn":"arn:aws:sts::123456789012:assumed-role/%s/%s","accountId":"123456789012","accessKeyId":"ASIA%s","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROA%s","arn":"arn:aws:iam::123456789012:role/%s","accountId":"123456789012","userName":"%s"},"webIdFederationData":{},"attributes":{"creationDate":"%s","mfaAuthenticated":"false"}}}`,
		g.upper(17), sess, role, sess, g.upper(16), g.upper(17), role, role, g.base.Add(-time.Hour).Format(time.RFC3339))
}

func (g *gen) envelope(i int, source, name, req, resp string, readOnly bool) []byte {
	t := g.base.Add(time.Duration(i) * 1500 * time.Millisecond).Format(time.RFC3339)
	region := regions[g.r.IntN(len(regions))]
	g.out = appendFill(g.out[:0], `{"eventVersion":"1.09","userIdentity":%s,"eventTime":"%s","eventSource":"%s","eventName":"%s","awsRegion":"%s","sourceIPAddress":"198.51.100.%s","userAgent":"aws-cli/2.15.%s md/arch#x86_64 lang/python#3.11.6 os/linux#6.1","requestParameters":%s,"responseElements":%s,"requestID":"%s","eventID":"%s","readOnly":%s,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"123456789012","eventCategory":"Management","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"%s.%s.amazonaws.com"}}`,
		g.identity(), t, source, name, region, itoa(g.r.IntN(254)+1), itoa(g.r.IntN(40)), req, resp, g.uuid(), g.uuid(), strconv.FormatBool(readOnly), strings.TrimSuffix(source, ".amazonaws.com"), region)
	return g.out
}

func (g *gen) record(i int) []byte {
	if g.pick() < g.c.ElastiCacheRate {
		return g.elasticache(i)
	}
	switch g.r.IntN(5) {
	case 0:
		return g.ec2(i)
	case 1:
		return g.s3(i)
	case 2:
		return g.sts(i)
	case 3:
		return g.iam(i)
	}
	return g.ec2Describe(i)
}

func (g *gen) ec2(i int) []byte {
	id := "i-0" + g.hex(16)
	req := g.fill(`{"instancesSet":{"items":[{"imageId":"ami-0%s","minCount":1,"maxCount":1}]},"instanceType":"m7g.large","blockDeviceMapping":{},"monitoring":{"enabled":false},"disableApiTermination":false,"disableApiStop":false,"clientToken":"%s","tagSpecificationSet":{"items":[{"resourceType":"instance","tags":[{"key":"Name","value":"web-%s"},{"key":"team","value":"payments"}]}]}}`, g.hex(16), g.uuid(), itoa(i))
	resp := g.fill(`{"requestId":"%s","reservationId":"r-0%s","ownerId":"123456789012","groupSet":{},"instancesSet":{"items":[{"instanceId":"%s","imageId":"ami-0%s","instanceState":{"code":0,"name":"pending"},"privateDnsName":"ip-10-0-%s-%s.ec2.internal","amiLaunchIndex":0,"productCodes":{},"instanceType":"m7g.large","launchTime":1730800000000,"placement":{"availabilityZone":"us-east-1a","tenancy":"default"},"monitoring":{"state":"disabled"},"subnetId":"subnet-0%s","vpcId":"vpc-0%s","privateIpAddress":"10.0.%s.%s","stateReason":{"code":"pending","message":"pending"},"architecture":"arm64","rootDeviceType":"ebs","rootDeviceName":"/dev/xvda","blockDeviceMapping":{},"virtualizationType":"hvm","hypervisor":"xen","groupSet":{"items":[{"groupId":"sg-0%s","groupName":"web"}]},"networkInterfaceSet":{"items":[{"networkInterfaceId":"eni-0%s","subnetId":"subnet-0%s","vpcId":"vpc-0%s","status":"in-use","privateIpAddress":"10.0.%s.%s","sourceDestCheck":true}]},"ebsOptimized":true}]}}`,
		g.uuid(), g.hex(16), id, g.hex(16), itoa(g.r.IntN(255)), itoa(g.r.IntN(255)), g.hex(16), g.hex(16), itoa(g.r.IntN(255)), itoa(g.r.IntN(255)), g.hex(16), g.hex(16), g.hex(16), g.hex(16), itoa(g.r.IntN(255)), itoa(g.r.IntN(255)))
	return g.envelope(i, "ec2.amazonaws.com", "RunInstances", req, resp, false)
}

func (g *gen) ec2Describe(i int) []byte {
	req := g.fill(`{"instancesSet":{"items":[{"instanceId":"i-0%s"}]},"filterSet":{},"includeAllInstances":false}`, g.hex(16))
	return g.envelope(i, "ec2.amazonaws.com", "DescribeInstanceStatus", req, "null", true)
}

func (g *gen) s3(i int) []byte {
	req := g.fill(`{"bucketName":"logs-%s","Host":"logs-%s.s3.us-east-1.amazonaws.com","key":"app/2024/11/05/%s.json.gz","x-id":"GetObject"}`, g.hex(6), g.hex(6), g.uuid())
	return g.envelope(i, "s3.amazonaws.com", "GetObject", req, "null", true)
}

func (g *gen) sts(i int) []byte {
	req := g.fill(`{"roleArn":"arn:aws:iam::123456789012:role/deploy-%s","roleSessionName":"session-%s","durationSeconds":3600}`, g.hex(4), g.hex(8))
	resp := g.fill(`{"credentials":{"accessKeyId":"ASIA%s","sessionToken":"%s","expiration":"Nov 5, 2024, 1:00:00 PM"},"assumedRoleUser":{"assumedRoleId":"AROA%s:session","arn":"arn:aws:sts::123456789012:assumed-role/deploy/session"}}`, g.upper(16), g.hex(120), g.upper(17))
	return g.envelope(i, "sts.amazonaws.com", "AssumeRole", req, resp, false)
}

func (g *gen) iam(i int) []byte {
	req := g.fill(`{"roleName":"svc-%s","maxItems":100}`, g.hex(6))
	return g.envelope(i, "iam.amazonaws.com", "ListRolePolicies", req, "null", true)
}

func (g *gen) elasticache(i int) []byte {
	id := "cache-" + g.hex(6)
	if g.c.Resources > 0 {
		n := itoa(g.r.IntN(g.c.Resources))
		id = "cache-" + strings.Repeat("0", max(4-len(n), 0)) + n
	}
	switch g.r.IntN(3) {
	case 0:
		req := g.fill(`{"cacheClusterId":"%s","numCacheNodes":1,"cacheNodeType":"cache.t4g.small","engine":"redis","engineVersion":"7.1","cacheSubnetGroupName":"private","securityGroupIds":["sg-0%s"],"snapshotRetentionLimit":7,"tags":[{"key":"team","value":"payments"}]}`, id, g.hex(16))
		resp := g.fill(`{"cacheClusterId":"%s","clientDownloadLandingPage":"https://console.aws.amazon.com/elasticache/home#client-download:","cacheNodeType":"cache.t4g.small","engine":"redis","engineVersion":"7.1","cacheClusterStatus":"creating","numCacheNodes":1,"preferredMaintenanceWindow":"sun:05:00-sun:06:00","pendingModifiedValues":{},"cacheSecurityGroups":[],"cacheParameterGroup":{"cacheParameterGroupName":"default.redis7","parameterApplyStatus":"in-sync","cacheNodeIdsToReboot":[]},"cacheSubnetGroupName":"private","autoMinorVersionUpgrade":true,"securityGroups":[{"securityGroupId":"sg-0%s","status":"active"}],"snapshotRetentionLimit":7,"snapshotWindow":"03:00-04:00","authTokenEnabled":false,"transitEncryptionEnabled":false,"atRestEncryptionEnabled":false,"aRN":"arn:aws:elasticache:us-east-1:123456789012:cluster:%s","replicationGroupLogDeliveryEnabled":false,"logDeliveryConfigurations":[],"networkType":"ipv4","ipDiscovery":"ipv4"}`, id, g.hex(16), id)
		return g.envelope(i, "elasticache.amazonaws.com", "CreateCacheCluster", req, resp, false)
	case 1:
		req := g.fill(`{"replicationGroupId":"%s","applyImmediately":true,"cacheNodeType":"cache.r7g.large"}`, id)
		resp := g.fill(`{"replicationGroupId":"%s","description":"sessions","status":"modifying","pendingModifiedValues":{},"memberClusters":["%s-001","%s-002"],"automaticFailover":"enabled","multiAZ":"enabled","snapshotRetentionLimit":1,"clusterEnabled":false,"cacheNodeType":"cache.r7g.large","authTokenEnabled":false,"transitEncryptionEnabled":true,"atRestEncryptionEnabled":true,"aRN":"arn:aws:elasticache:us-east-1:123456789012:replicationgroup:%s","replicationGroupCreateTime":"Nov 4, 2024, 9:12:44 AM"}`, id, id, id, id)
		return g.envelope(i, "elasticache.amazonaws.com", "ModifyReplicationGroup", req, resp, false)
	}
	req := g.fill(`{"cacheClusterId":"%s","showCacheNodeInfo":true,"maxRecords":100}`, id)
	return g.envelope(i, "elasticache.amazonaws.com", "DescribeCacheClusters", req, "null", true)
}
