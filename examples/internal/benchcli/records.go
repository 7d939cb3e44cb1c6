package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// ElastiCacheSource is the eventSource the command and every baseline
// select.
const ElastiCacheSource = "elasticache.amazonaws.com"

// needle marks an ElastiCache record in the inflated text: the generator
// writes eventSource this way and never elsewhere, so the inflate-only
// baselines count records by it.
const needle = `"eventSource":"` + ElastiCacheSource + `"`

// elastiCacheRate is the share of ElastiCache records, as in a trail of a
// busy account where ElastiCache is one service among many.
const elastiCacheRate = 0.036

// rec generates the records of one log file: its account and region, and
// times in the five minutes before the file's.
type rec struct {
	r       *rand.Rand
	account string
	region  string
	end     time.Time
	callers []caller
	pools   map[string][]string
}

func (g *rec) n(k int) int { return g.r.IntN(k) }

func (g *rec) pick(s ...string) string { return s[g.r.IntN(len(s))] }

const hexDigits = "0123456789abcdef"

func (g *rec) hex(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = hexDigits[g.r.IntN(16)]
	}
	return string(b)
}

func (g *rec) upper(n int) string {
	const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[g.r.IntN(len(a))]
	}
	return string(b)
}

func (g *rec) alnum(n int) string {
	const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[g.r.IntN(len(a))]
	}
	return string(b)
}

func (g *rec) uuid() string {
	return g.hex(8) + "-" + g.hex(4) + "-4" + g.hex(3) + "-a" + g.hex(3) + "-" + g.hex(12)
}

func (g *rec) ip() string {
	return fmt.Sprintf("%d.%d.%d.%d", 3+g.n(200), g.n(256), g.n(256), 1+g.n(254))
}

func (g *rec) time() string {
	return g.end.Add(-time.Duration(g.r.Int64N(int64(5 * time.Minute)))).Format(time.RFC3339)
}

var (
	roles    = []string{"Admin", "deploy-pipeline", "ReadOnly", "cache-operator", "eks-node", "lambda-exec", "OrganizationAccountAccessRole"}
	users    = []string{"alice", "bob", "carol", "terraform", "ci-runner", "dave.ops"}
	agents   = []string{"aws-cli/2.15.%d md/arch#x86_64 lang/python#3.11.6 os/linux#6.1", "aws-sdk-go-v2/1.30.%d os/linux lang/go#1.22.5 md/GOOS#linux api/ec2#1.170", "Boto3/1.34.%d md/Botocore#1.34.1 ua/2.0 os/linux#5.10 lang/python#3.12.2", "Terraform/1.9.%d (+https://www.terraform.io) terraform-provider-aws/5.60.0", "AWS Internal", "console.amazonaws.com"}
	services = []string{"lambda.amazonaws.com", "ec2.amazonaws.com", "autoscaling.amazonaws.com", "cloudformation.amazonaws.com", "config.amazonaws.com"}
)

// caller is who makes a call: its userIdentity, and the address and
// agent it calls from.
type caller struct {
	ident, invokedBy, ip, agent string
}

// caller returns one of the file's few callers: a log file covers five
// minutes of one account and region, where the same sessions make most
// calls.
func (g *rec) caller() caller {
	if g.callers == nil {
		for range 3 + g.n(10) {
			c := caller{ip: g.ip(), agent: g.pick(agents...)}
			if strings.Contains(c.agent, "%d") {
				c.agent = fmt.Sprintf(c.agent, g.n(40))
			}
			c.ident, c.invokedBy = g.identity()
			if c.invokedBy != "" {
				c.ip, c.agent = c.invokedBy, c.invokedBy
			}
			g.callers = append(g.callers, c)
		}
	}
	// A few callers make most calls.
	return g.callers[min(int(g.r.ExpFloat64()*2), len(g.callers)-1)]
}

// pooled returns one of n values made by f, made once for the file: the
// ids a file names repeat.
func (g *rec) pooled(key string, n int, f func() string) string {
	if g.pools == nil {
		g.pools = map[string][]string{}
	}
	p := g.pools[key]
	if len(p) < n && (len(p) == 0 || g.n(4) == 0) {
		p = append(p, f())
		g.pools[key] = p
		return p[len(p)-1]
	}
	return p[g.n(len(p))]
}

// identity writes a userIdentity: mostly assumed roles, some IAM users and
// AWS services.
func (g *rec) identity() (ident, invokedBy string) {
	switch x := g.n(10); {
	case x < 6:
		role, sess := g.pick(roles...), g.pick(users...)
		if g.n(3) == 0 {
			sess = "i-0" + g.hex(16)
		}
		return fmt.Sprintf(`{"type":"AssumedRole","principalId":"AROA%s:%s","arn":"arn:aws:sts::%s:assumed-role/%s/%s","accountId":"%s","accessKeyId":"ASIA%s","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROA%s","arn":"arn:aws:iam::%s:role/%s","accountId":"%s","userName":"%s"},"webIdFederationData":{},"attributes":{"creationDate":"%s","mfaAuthenticated":"%t"}}}`,
			g.upper(17), sess, g.account, role, sess, g.account, g.upper(16), g.upper(17), g.account, role, g.account, role, g.end.Add(-time.Hour).Format(time.RFC3339), g.n(4) == 0), ""
	case x < 8:
		u := g.pick(users...)
		return fmt.Sprintf(`{"type":"IAMUser","principalId":"AIDA%s","arn":"arn:aws:iam::%s:user/%s","accountId":"%s","accessKeyId":"AKIA%s","userName":"%s"}`,
			g.upper(17), g.account, u, g.account, g.upper(16), u), ""
	}
	svc := g.pick(services...)
	return fmt.Sprintf(`{"type":"AWSService","invokedBy":"%s"}`, svc), svc
}

// record writes one record of the given service and call.
func (g *rec) record(source, name, req, resp string, readOnly bool, extra string) string {
	c := g.caller()
	ident, invokedBy, ip, agent := c.ident, c.invokedBy, c.ip, c.agent
	var tls string
	if invokedBy == "" {
		tls = fmt.Sprintf(`,"tlsDetails":{"tlsVersion":"TLSv1.%d","cipherSuite":"%s","clientProvidedHostHeader":"%s.%s.amazonaws.com"}`,
			2+g.n(2), g.pick("TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_256_GCM_SHA384"), strings.TrimSuffix(source, ".amazonaws.com"), g.region)
	}
	return fmt.Sprintf(`{"eventVersion":"1.%02d","userIdentity":%s,"eventTime":"%s","eventSource":"%s","eventName":"%s","awsRegion":"%s","sourceIPAddress":"%s","userAgent":"%s","requestParameters":%s,"responseElements":%s%s,"requestID":"%s","eventID":"%s","readOnly":%t,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"%s","eventCategory":"Management"%s}`,
		8+g.n(3), ident, g.time(), source, name, g.region, ip, agent, req, resp, extra, g.uuid(), g.uuid(), readOnly, g.account, tls)
}

// next returns a record: a service drawn by weight, ElastiCache at
// elastiCacheRate, with sizes from a few hundred bytes to tens of KB.
func (g *rec) next() (string, bool) {
	if g.r.Float64() < elastiCacheRate {
		return g.elastiCache(), true
	}
	switch x := g.n(100); {
	case x < 28:
		return g.kms(), false
	case x < 40:
		return g.sts(), false
	case x < 55:
		return g.ec2Describe(), false
	case x < 63:
		return g.s3(), false
	case x < 70:
		return g.ec2Run(), false
	case x < 78:
		return g.lambda(), false
	case x < 85:
		return g.logs(), false
	case x < 91:
		return g.ssm(), false
	case x < 96:
		return g.dynamodb(), false
	case x < 99:
		return g.cloudformation(), false
	}
	return g.ecs(), false
}

func (g *rec) fn() string {
	return g.pooled("fn", 6, func() string { return g.pick("api", "worker", "etl", "auth") + "-" + g.hex(6) })
}

func (g *rec) bucket() string {
	return g.pooled("bucket", 4, func() string { return g.pick("logs", "assets", "backups", "data") + "-" + g.hex(8) })
}

func (g *rec) instance() string {
	return g.pooled("instance", 30, func() string { return "i-0" + g.hex(16) })
}

func (g *rec) kms() string {
	ctx := fmt.Sprintf(`{"aws:lambda:FunctionArn":"arn:aws:lambda:%s:%s:function:%s"}`, g.region, g.account, g.fn())
	if g.n(2) == 0 {
		ctx = fmt.Sprintf(`{"aws:s3:arn":"arn:aws:s3:::%s/%s"}`, g.bucket(), g.hex(24))
	}
	req := fmt.Sprintf(`{"encryptionContext":%s,"encryptionAlgorithm":"SYMMETRIC_DEFAULT"}`, ctx)
	extra := fmt.Sprintf(`,"resources":[{"accountId":"%s","type":"AWS::KMS::Key","ARN":"arn:aws:kms:%s:%s:key/%s"}]`, g.account, g.region, g.account, g.pooled("key", 3, g.uuid))
	return g.record("kms.amazonaws.com", g.pick("Decrypt", "GenerateDataKey", "Encrypt"), req, "null", true, extra)
}

func (g *rec) sts() string {
	req := fmt.Sprintf(`{"roleArn":"arn:aws:iam::%s:role/%s","roleSessionName":"%s-%s","durationSeconds":%d}`, g.account, g.pick(roles...), g.pick(users...), g.hex(8), 900*(1+g.n(4)))
	resp := fmt.Sprintf(`{"credentials":{"accessKeyId":"ASIA%s","sessionToken":"%s","expiration":"Nov 5, 2024, 1:00:00 PM"},"assumedRoleUser":{"assumedRoleId":"AROA%s:session","arn":"arn:aws:sts::%s:assumed-role/%s/session"}}`,
		g.upper(16), g.alnum(200+g.n(400)), g.upper(17), g.account, g.pick(roles...))
	extra := fmt.Sprintf(`,"resources":[{"accountId":"%s","type":"AWS::IAM::Role","ARN":"arn:aws:iam::%s:role/%s"}],"sharedEventID":"%s"`, g.account, g.account, g.pick(roles...), g.uuid())
	return g.record("sts.amazonaws.com", g.pick("AssumeRole", "AssumeRoleWithWebIdentity", "GetCallerIdentity"), req, resp, false, extra)
}

func (g *rec) ec2Describe() string {
	var ids []string
	for range 1 + g.n(6) {
		ids = append(ids, `{"instanceId":"`+g.instance()+`"}`)
	}
	req := fmt.Sprintf(`{"instancesSet":{"items":[%s]},"filterSet":{},"includeAllInstances":%t}`, strings.Join(ids, ","), g.n(2) == 0)
	return g.record("ec2.amazonaws.com", g.pick("DescribeInstances", "DescribeInstanceStatus", "DescribeVolumes", "DescribeSecurityGroups"), req, "null", true, "")
}

func (g *rec) ami() string    { return g.pooled("ami", 2, func() string { return g.hex(16) }) }
func (g *rec) subnet() string { return g.pooled("subnet", 3, func() string { return g.hex(16) }) }
func (g *rec) vpc() string    { return g.pooled("vpc", 1, func() string { return g.hex(16) }) }
func (g *rec) sg() string     { return g.pooled("sg", 3, func() string { return g.hex(16) }) }

func (g *rec) ec2Run() string {
	n := 1 + int(math.Min(12, math.Floor(g.r.ExpFloat64()*2)))
	var items []string
	for i := range n {
		items = append(items, fmt.Sprintf(`{"instanceId":"i-0%s","imageId":"ami-0%s","instanceState":{"code":0,"name":"pending"},"privateDnsName":"ip-10-0-%d-%d.ec2.internal","amiLaunchIndex":%d,"productCodes":{},"instanceType":"m7g.large","launchTime":1730800000000,"placement":{"availabilityZone":"%sa","tenancy":"default"},"monitoring":{"state":"disabled"},"subnetId":"subnet-0%s","vpcId":"vpc-0%s","privateIpAddress":"10.0.%d.%d","stateReason":{"code":"pending","message":"pending"},"architecture":"arm64","rootDeviceType":"ebs","rootDeviceName":"/dev/xvda","blockDeviceMapping":{},"virtualizationType":"hvm","hypervisor":"xen","groupSet":{"items":[{"groupId":"sg-0%s","groupName":"web"}]},"networkInterfaceSet":{"items":[{"networkInterfaceId":"eni-0%s","subnetId":"subnet-0%s","vpcId":"vpc-0%s","status":"in-use","privateIpAddress":"10.0.%d.%d","sourceDestCheck":true}]},"ebsOptimized":true,"enaSupport":true,"metadataOptions":{"state":"pending","httpTokens":"required","httpPutResponseHopLimit":2,"httpEndpoint":"enabled"}}`,
			g.hex(16), g.ami(), g.n(255), g.n(255), i, g.region, g.subnet(), g.vpc(), g.n(255), g.n(255), g.sg(), g.hex(16), g.subnet(), g.vpc(), g.n(255), g.n(255)))
	}
	req := fmt.Sprintf(`{"instancesSet":{"items":[{"imageId":"ami-0%s","minCount":%d,"maxCount":%d}]},"instanceType":"m7g.large","blockDeviceMapping":{},"monitoring":{"enabled":false},"disableApiTermination":false,"disableApiStop":false,"clientToken":"%s","tagSpecificationSet":{"items":[{"resourceType":"instance","tags":[{"key":"Name","value":"web-%s"},{"key":"team","value":"payments"}]}]}}`, g.hex(16), n, n, g.uuid(), g.hex(4))
	resp := fmt.Sprintf(`{"requestId":"%s","reservationId":"r-0%s","ownerId":"%s","groupSet":{},"instancesSet":{"items":[%s]}}`, g.uuid(), g.hex(16), g.account, strings.Join(items, ","))
	return g.record("ec2.amazonaws.com", "RunInstances", req, resp, false, "")
}

func (g *rec) s3() string {
	bucket := g.bucket()
	key := fmt.Sprintf("app/2024/11/%02d/%s.json.gz", 1+g.n(28), g.uuid())
	req := fmt.Sprintf(`{"bucketName":"%s","Host":"%s.s3.%s.amazonaws.com","key":"%s","x-id":"%s"}`, bucket, bucket, g.region, key, g.pick("GetObject", "PutObject", "HeadObject"))
	extra := fmt.Sprintf(`,"additionalEventData":{"SignatureVersion":"SigV4","CipherSuite":"TLS_AES_128_GCM_SHA256","bytesTransferredIn":%d,"AuthenticationMethod":"AuthHeader","x-amz-id-2":"%s","bytesTransferredOut":%d},"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::%s/%s"},{"accountId":"%s","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::%s"}]`,
		g.n(5000), g.alnum(76), g.n(1<<20), bucket, key, g.account, bucket)
	return g.record("s3.amazonaws.com", g.pick("GetObject", "PutObject", "HeadObject"), req, "null", true, extra)
}

func (g *rec) lambda() string {
	fn := g.fn()
	req := fmt.Sprintf(`{"functionName":"arn:aws:lambda:%s:%s:function:%s","invocationType":"%s"}`, g.region, g.account, fn, g.pick("RequestResponse", "Event"))
	if g.n(4) == 0 {
		var env []string
		for range 2 + g.n(20) {
			env = append(env, fmt.Sprintf(`"%s":"%s"`, strings.ToUpper(g.alnum(8)), g.alnum(10+g.n(60))))
		}
		req = fmt.Sprintf(`{"functionName":"%s","environment":{"variables":{%s}},"runtime":"python3.12","timeout":%d,"memorySize":%d,"handler":"app.handler","role":"arn:aws:iam::%s:role/lambda-exec"}`, fn, strings.Join(env, ","), 3+g.n(900), 128<<g.n(5), g.account)
		return g.record("lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", req, "null", false, "")
	}
	return g.record("lambda.amazonaws.com", "Invoke", req, "null", false, "")
}

func (g *rec) logs() string {
	req := fmt.Sprintf(`{"logGroupName":"/aws/lambda/%s","logStreamName":"2024/11/05/[$LATEST]%s"}`, g.fn(), g.pooled("stream", 10, func() string { return g.hex(32) }))
	return g.record("logs.amazonaws.com", g.pick("CreateLogStream", "DescribeLogStreams", "PutRetentionPolicy"), req, "null", false, "")
}

func (g *rec) ssm() string {
	req := fmt.Sprintf(`{"name":"/app/%s/%s","withDecryption":%t}`, g.pick("prod", "staging"), g.alnum(12), g.n(2) == 0)
	return g.record("ssm.amazonaws.com", g.pick("GetParameter", "GetParameters", "GetParametersByPath"), req, "null", true, "")
}

func (g *rec) dynamodb() string {
	req := fmt.Sprintf(`{"tableName":"%s","key":{"pk":{"S":"ORDER#%s"},"sk":{"S":"ITEM#%d"}},"consistentRead":%t}`, g.pooled("table", 3, func() string { return "orders-" + g.hex(4) }), g.hex(12), g.n(1000), g.n(2) == 0)
	extra := fmt.Sprintf(`,"resources":[{"accountId":"%s","type":"AWS::DynamoDB::Table","ARN":"arn:aws:dynamodb:%s:%s:table/orders"}]`, g.account, g.region, g.account)
	return g.record("dynamodb.amazonaws.com", g.pick("GetItem", "DescribeTable", "UpdateItem"), req, "null", false, extra)
}

// cloudformation writes the largest records: stacks with many parameters.
func (g *rec) cloudformation() string {
	var params []string
	for range 5 + g.n(60) {
		params = append(params, fmt.Sprintf(`{"parameterKey":"%s","parameterValue":"%s"}`, g.alnum(6+g.n(20)), g.alnum(4+g.n(80))))
	}
	req := fmt.Sprintf(`{"stackName":"app-%s","templateURL":"https://s3.amazonaws.com/cf-templates-%s/%s.yaml","parameters":[%s],"capabilities":["CAPABILITY_NAMED_IAM"],"tags":[{"key":"team","value":"platform"}]}`, g.hex(6), g.hex(12), g.hex(20), strings.Join(params, ","))
	resp := fmt.Sprintf(`{"stackId":"arn:aws:cloudformation:%s:%s:stack/app/%s"}`, g.region, g.account, g.uuid())
	return g.record("cloudformation.amazonaws.com", g.pick("CreateStack", "UpdateStack"), req, resp, false, "")
}

func (g *rec) ecs() string {
	var containers []string
	for range 1 + g.n(6) {
		var env []string
		for range g.n(30) {
			env = append(env, fmt.Sprintf(`{"name":"%s","value":"%s"}`, strings.ToUpper(g.alnum(10)), g.alnum(8+g.n(60))))
		}
		containers = append(containers, fmt.Sprintf(`{"name":"c-%s","image":"%s.dkr.ecr.%s.amazonaws.com/app:%s","cpu":%d,"memory":%d,"portMappings":[{"containerPort":8080,"hostPort":8080,"protocol":"tcp"}],"essential":true,"environment":[%s],"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/app","awslogs-region":"%s","awslogs-stream-prefix":"ecs"}}}`,
			g.hex(4), g.account, g.region, g.hex(12), 256<<g.n(3), 512<<g.n(3), strings.Join(env, ","), g.region))
	}
	req := fmt.Sprintf(`{"family":"app-%s","containerDefinitions":[%s],"networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"1024","memory":"2048"}`, g.hex(4), strings.Join(containers, ","))
	return g.record("ecs.amazonaws.com", "RegisterTaskDefinition", req, "null", false, "")
}

// elastiCache writes an ElastiCache call: changes, reads and a few
// failures, with random resource ids.
func (g *rec) elastiCache() string {
	id := g.pooled("cache", 6, func() string { return g.pick("sessions", "orders", "cart", "feed", "rate-limit") + "-" + g.hex(6) })
	arn := func(kind string) string {
		return fmt.Sprintf("arn:aws:elasticache:%s:%s:%s:%s", g.region, g.account, kind, id)
	}
	var name, req, resp string
	readOnly := false
	switch g.n(9) {
	case 0:
		name = "CreateCacheCluster"
		req = fmt.Sprintf(`{"cacheClusterId":"%s","numCacheNodes":1,"cacheNodeType":"cache.t4g.small","engine":"redis","engineVersion":"7.1","cacheSubnetGroupName":"private","securityGroupIds":["sg-0%s"],"snapshotRetentionLimit":7,"tags":[{"key":"team","value":"payments"}]}`, id, g.hex(16))
		resp = fmt.Sprintf(`{"cacheClusterId":"%s","clientDownloadLandingPage":"https://console.aws.amazon.com/elasticache/home#client-download:","cacheNodeType":"cache.t4g.small","engine":"redis","engineVersion":"7.1","cacheClusterStatus":"creating","numCacheNodes":1,"preferredMaintenanceWindow":"sun:05:00-sun:06:00","pendingModifiedValues":{},"cacheSecurityGroups":[],"cacheParameterGroup":{"cacheParameterGroupName":"default.redis7","parameterApplyStatus":"in-sync","cacheNodeIdsToReboot":[]},"cacheSubnetGroupName":"private","autoMinorVersionUpgrade":true,"securityGroups":[{"securityGroupId":"sg-0%s","status":"active"}],"snapshotRetentionLimit":7,"snapshotWindow":"03:00-04:00","authTokenEnabled":false,"transitEncryptionEnabled":false,"atRestEncryptionEnabled":false,"aRN":"%s","replicationGroupLogDeliveryEnabled":false,"logDeliveryConfigurations":[],"networkType":"ipv4","ipDiscovery":"ipv4"}`, id, g.hex(16), arn("cluster"))
	case 1:
		name = "ModifyReplicationGroup"
		req = fmt.Sprintf(`{"replicationGroupId":"%s","applyImmediately":true,"cacheNodeType":"cache.r7g.large"}`, id)
		resp = fmt.Sprintf(`{"replicationGroupId":"%s","description":"sessions","status":"modifying","pendingModifiedValues":{},"memberClusters":["%s-001","%s-002"],"automaticFailover":"enabled","multiAZ":"enabled","snapshotRetentionLimit":1,"clusterEnabled":false,"cacheNodeType":"cache.r7g.large","authTokenEnabled":false,"transitEncryptionEnabled":true,"atRestEncryptionEnabled":true,"aRN":"%s","replicationGroupCreateTime":"Nov 4, 2024, 9:12:44 AM"}`, id, id, id, arn("replicationgroup"))
	case 2:
		name = "CreateReplicationGroup"
		req = fmt.Sprintf(`{"replicationGroupId":"%s","replicationGroupDescription":"%s cache","numNodeGroups":2,"replicasPerNodeGroup":1,"cacheNodeType":"cache.r7g.xlarge","engine":"redis","engineVersion":"7.1","cacheSubnetGroupName":"private-cache","securityGroupIds":["sg-0%s"],"automaticFailoverEnabled":true,"multiAZEnabled":true,"atRestEncryptionEnabled":true,"transitEncryptionEnabled":true,"authToken":"HIDDEN_DUE_TO_SECURITY_REASONS","snapshotRetentionLimit":5,"snapshotWindow":"06:30-07:30","tags":[{"key":"service","value":"%s"}]}`, id, id, g.hex(16), id)
		if g.n(4) == 0 {
			resp = "null"
		} else {
			resp = fmt.Sprintf(`{"replicationGroupId":"%s","description":"%s cache","globalReplicationGroupInfo":{},"status":"creating","pendingModifiedValues":{},"memberClusters":["%s-0001-001","%s-0001-002","%s-0002-001","%s-0002-002"],"automaticFailover":"enabled","multiAZ":"enabled","snapshotRetentionLimit":5,"snapshotWindow":"06:30-07:30","clusterEnabled":true,"cacheNodeType":"cache.r7g.xlarge","authTokenEnabled":true,"transitEncryptionEnabled":true,"atRestEncryptionEnabled":true,"aRN":"%s"}`, id, id, id, id, id, id, arn("replicationgroup"))
		}
	case 3:
		name = "DeleteCacheCluster"
		req = fmt.Sprintf(`{"cacheClusterId":"%s","finalSnapshotIdentifier":"%s-final"}`, id, id)
		resp = fmt.Sprintf(`{"cacheClusterId":"%s","cacheNodeType":"cache.m5.large","engine":"memcached","engineVersion":"1.6.17","cacheClusterStatus":"deleting","numCacheNodes":2,"preferredAvailabilityZone":"Multiple","pendingModifiedValues":{},"cacheSecurityGroups":[],"cacheSubnetGroupName":"default","autoMinorVersionUpgrade":true,"securityGroups":[{"securityGroupId":"sg-0%s","status":"active"}],"aRN":"%s"}`, id, g.hex(16), arn("cluster"))
	case 4:
		name = "AddTagsToResource"
		req = fmt.Sprintf(`{"resourceName":"%s","tags":[{"key":"cost-center","value":"cc-%d"}]}`, arn("cluster"), g.n(10000))
		resp = fmt.Sprintf(`{"tagList":[{"key":"team","value":"payments"},{"key":"cost-center","value":"cc-%d"}]}`, g.n(10000))
	case 5:
		name = "CreateSnapshot"
		req = fmt.Sprintf(`{"cacheClusterId":"%s","snapshotName":"%s-manual-%d"}`, id, id, g.n(100))
		resp = fmt.Sprintf(`{"snapshotName":"%s-manual","cacheClusterId":"%s","snapshotStatus":"creating","snapshotSource":"manual","cacheNodeType":"cache.r7g.large","engine":"redis","engineVersion":"7.1.0","numCacheNodes":1,"port":6379,"cacheParameterGroupName":"default.redis7","cacheSubnetGroupName":"private-cache","vpcId":"vpc-0%s","autoMinorVersionUpgrade":true,"snapshotRetentionLimit":0,"snapshotWindow":"03:00-04:00","nodeSnapshots":[{"cacheNodeId":"0001","cacheSize":""}],"aRN":"%s","dataTiering":"disabled"}`, id, id, g.hex(17), arn("snapshot"))
	case 6:
		name, readOnly = "ListTagsForResource", true
		req = fmt.Sprintf(`{"resourceName":"%s"}`, arn("cluster"))
		resp = "null"
	case 7:
		name, readOnly = "DescribeReplicationGroups", true
		req = fmt.Sprintf(`{"replicationGroupId":"%s"}`, id)
		resp = "null"
	default:
		name, readOnly = "DescribeCacheClusters", true
		req = fmt.Sprintf(`{"cacheClusterId":"%s","showCacheNodeInfo":true,"maxRecords":100}`, id)
		resp = "null"
	}
	extra := ""
	if !readOnly && g.n(25) == 0 {
		resp = "null"
		extra = `,"errorCode":"InvalidParameterCombinationException","errorMessage":"Cannot modify a cluster in state creating."`
	}
	return g.record(ElastiCacheSource, name, req, resp, readOnly, extra)
}
