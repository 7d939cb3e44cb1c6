package main

import "fmt"

const (
	ec2Src = "ec2.amazonaws.com"
	s3Src  = "s3.amazonaws.com"
	stsSrc = "sts.amazonaws.com"
	iamSrc = "iam.amazonaws.com"
)

// otherCall is a call of another service, placed at a time by otherCalls.
type otherCall struct {
	source, name, region string
	who, ip, agent       string
	req, resp            string
	readOnly             bool
	res                  string
	account              string // recipientAccountId, for service identities
}

// otherTemplates are the calls of other services that surround the
// ElastiCache ones in a real trail; otherCalls spreads them over the
// window of the log file. Responses CloudTrail leaves out are null.
var otherTemplates = []otherCall{
	{source: ec2Src, name: "DescribeInstances", region: "us-west-2", who: alice, ip: aliceIP, agent: console, readOnly: true,
		req: `{"instancesSet":{},"filterSet":{"items":[{"name":"instance-state-name","valueSet":{"items":[{"value":"running"}]}}]}}`},
	{source: ec2Src, name: "RunInstances", region: "us-west-2", who: bob, ip: bobIP, agent: cli,
		req: `{"instancesSet":{"items":[{"imageId":"ami-b5a7ea85","minCount":1,"maxCount":1}]},"instanceType":"t2.micro",
			"subnetId":"subnet-0a1b2c3d","monitoring":{"enabled":false},"disableApiTermination":false}`,
		resp: `{"reservationId":"r-0d2e3f4a","ownerId":"123456789012","groupSet":{},"instancesSet":{"items":[
			{"instanceId":"i-1a2b3c4d","imageId":"ami-b5a7ea85","instanceState":{"code":0,"name":"pending"},
			"privateDnsName":"ip-10-0-1-17.us-west-2.compute.internal","instanceType":"t2.micro",
			"launchTime":1417471500000,"placement":{"availabilityZone":"us-west-2a","tenancy":"default"},
			"subnetId":"subnet-0a1b2c3d","vpcId":"vpc-1a2b3c4d","privateIpAddress":"10.0.1.17"}]}}`},
	{source: ec2Src, name: "CreateTags", region: "us-west-2", who: bob, ip: bobIP, agent: cli,
		req:  `{"resourcesSet":{"items":[{"resourceId":"i-1a2b3c4d"}]},"tagSet":{"items":[{"key":"Name","value":"cache-client"}]}}`,
		resp: `{"_return":true}`},
	{source: ec2Src, name: "DescribeSecurityGroups", region: "us-west-2", who: alice, ip: aliceIP, agent: console, readOnly: true,
		req: `{"securityGroupSet":{},"securityGroupIdSet":{},"filterSet":{}}`},
	{source: ec2Src, name: "AuthorizeSecurityGroupIngress", region: "us-west-2", who: alice, ip: aliceIP, agent: console,
		req: `{"groupId":"sg-903004f8","ipPermissions":{"items":[{"ipProtocol":"tcp","fromPort":6379,"toPort":6379,
			"groups":{"items":[{"groupId":"sg-1a2b3c4d"}]},"ipRanges":{}}]}}`,
		resp: `{"_return":true}`},
	{source: ec2Src, name: "DescribeVolumes", region: "us-east-1", who: stack, ip: cfn, agent: cfn, readOnly: true,
		req: `{"volumeSet":{},"filterSet":{}}`},
	{source: ec2Src, name: "StopInstances", region: "us-west-2", who: bob, ip: bobIP, agent: cli,
		req: `{"instancesSet":{"items":[{"instanceId":"i-0f1e2d3c"}]},"force":false}`,
		resp: `{"instancesSet":{"items":[{"instanceId":"i-0f1e2d3c","currentState":{"code":64,"name":"stopping"},
			"previousState":{"code":16,"name":"running"}}]}}`},
	{source: ec2Src, name: "CreateNetworkInterface", region: "us-west-2", who: ec2Service, ip: "ec2.amazonaws.com", agent: "ec2.amazonaws.com",
		req: `{"subnetId":"subnet-0a1b2c3d","description":"ElastiCache sessions-002","groupSet":{"items":[{"groupId":"sg-903004f8"}]}}`,
		resp: `{"networkInterface":{"networkInterfaceId":"eni-5e6f7a8b","subnetId":"subnet-0a1b2c3d","vpcId":"vpc-1a2b3c4d",
			"availabilityZone":"us-west-2b","description":"ElastiCache sessions-002","status":"pending",
			"privateIpAddress":"10.0.2.41"}}`, account: "123456789012"},
	{source: s3Src, name: "ListBuckets", region: "us-east-1", who: bob, ip: bobIP, agent: cli, readOnly: true,
		req: `{"host":["s3.amazonaws.com"]}`},
	{source: s3Src, name: "GetBucketLocation", region: "us-east-1", who: alice, ip: aliceIP, agent: console, readOnly: true,
		req: `{"bucketName":"example-trail-bucket","location":[""],"host":["example-trail-bucket.s3.amazonaws.com"]}`,
		res: `[{"type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::example-trail-bucket"}]`},
	{source: s3Src, name: "PutBucketPolicy", region: "us-east-1", who: alice, ip: aliceIP, agent: console,
		req: `{"bucketName":"example-snapshots","policy":[""],"bucketPolicy":{"Version":"2012-10-17","Statement":[
			{"Sid":"ElastiCacheSnapshots","Effect":"Allow","Principal":{"Service":"eu-west-1.elasticache-snapshot.amazonaws.com"},
			"Action":["s3:GetObject","s3:PutObject","s3:ListBucket"],"Resource":["arn:aws:s3:::example-snapshots","arn:aws:s3:::example-snapshots/*"]}]}}`,
		res: `[{"type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::example-snapshots"}]`},
	{source: s3Src, name: "GetBucketAcl", region: "us-east-1", who: bob, ip: bobIP, agent: cli, readOnly: true,
		req: `{"bucketName":"example-snapshots","acl":[""]}`,
		res: `[{"type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::example-snapshots"}]`},
	{source: stsSrc, name: "AssumeRole", region: "us-east-1", who: bob, ip: bobIP, agent: cli,
		req: `{"roleArn":"arn:aws:iam::123456789012:role/CacheAdmin","roleSessionName":"bob-maintenance","durationSeconds":3600}`,
		resp: `{"credentials":{"accessKeyId":"ASIAI44QH8DHBEXAMPLE","expiration":"Dec 1, 2014 11:21:40 PM",
			"sessionToken":"AQoDYXdzEEXAMPLE"},"assumedRoleUser":{"assumedRoleId":"AROAIDPPEZS35WEXAMPLE:bob-maintenance",
			"arn":"arn:aws:sts::123456789012:assumed-role/CacheAdmin/bob-maintenance"}}`,
		res: `[{"ARN":"arn:aws:iam::123456789012:role/CacheAdmin","accountId":"123456789012","type":"AWS::IAM::Role"}]`},
	{source: stsSrc, name: "GetCallerIdentity", region: "us-west-2", who: alice, ip: aliceIP, agent: cli, readOnly: true},
	{source: stsSrc, name: "GetSessionToken", region: "us-east-1", who: bob, ip: bobIP, agent: cli, readOnly: true,
		req:  `{"durationSeconds":43200}`,
		resp: `{"credentials":{"accessKeyId":"ASIAJ3EXAMPLE7QZ2KPA","expiration":"Dec 2, 2014 10:12:55 AM","sessionToken":"AQoDYXdzEJr2EXAMPLE"}}`},
	{source: stsSrc, name: "AssumeRole", region: "us-east-1", who: `{"type":"AWSService","invokedBy":"cloudformation.amazonaws.com"}`,
		ip: cfn, agent: cfn, account: "123456789012",
		req: `{"roleArn":"arn:aws:iam::123456789012:role/CfnDeployRole","roleSessionName":"AWSCloudFormation"}`,
		resp: `{"credentials":{"accessKeyId":"ASIAJ2UCCR6DPCEXAMPLE","expiration":"Dec 1, 2014 11:40:58 PM","sessionToken":"AQoDYXdzEXAMPLE2"},
			"assumedRoleUser":{"assumedRoleId":"AROAJ2UCCR6DPCEXAMPLE:AWSCloudFormation",
			"arn":"arn:aws:sts::123456789012:assumed-role/CfnDeployRole/AWSCloudFormation"}}`,
		res: `[{"ARN":"arn:aws:iam::123456789012:role/CfnDeployRole","accountId":"123456789012","type":"AWS::IAM::Role"}]`},
	{source: iamSrc, name: "ListRoles", region: "us-east-1", who: alice, ip: aliceIP, agent: console, readOnly: true,
		req: `{"maxItems":100}`},
	{source: iamSrc, name: "GetUser", region: "us-east-1", who: bob, ip: bobIP, agent: cli, readOnly: true,
		req: `{"userName":"bob"}`},
	{source: iamSrc, name: "CreateRole", region: "us-east-1", who: alice, ip: aliceIP, agent: console,
		req: `{"roleName":"CacheReader","assumeRolePolicyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}"}`,
		resp: `{"role":{"path":"/","roleName":"CacheReader","roleId":"AROAJ52OTH4H7LEXAMPLE",
			"arn":"arn:aws:iam::123456789012:role/CacheReader","createDate":"Dec 1, 2014 10:19:02 PM",
			"assumeRolePolicyDocument":"%7B%22Version%22%3A%222012-10-17%22%7D"}}`},
	{source: iamSrc, name: "AttachRolePolicy", region: "us-east-1", who: alice, ip: aliceIP, agent: console,
		req: `{"roleName":"CacheReader","policyArn":"arn:aws:iam::aws:policy/AmazonElastiCacheReadOnlyAccess"}`},
	{source: iamSrc, name: "GetAccountSummary", region: "us-east-1", who: root, ip: rootIP, agent: console, readOnly: true},
	{source: iamSrc, name: "ListAccessKeys", region: "us-east-1", who: bob, ip: bobIP, agent: cli, readOnly: true,
		req: `{"userName":"bob"}`},
}

// otherCalls spreads n calls of the templates over the log file's window,
// every 83 seconds from start, cycling through the templates.
func otherCalls(start string, n int, tmpl []otherCall) []call {
	var out []call
	t0 := mustTime(start)
	for i := range n {
		o := tmpl[i%len(tmpl)]
		out = append(out, call{
			at:     t0.Add(timeStep(i)).Format("2006-01-02T15:04:05Z"),
			source: o.source, name: o.name, region: o.region,
			who: o.who, ip: o.ip, agent: o.agent,
			req: o.req, resp: o.resp, readOnly: o.readOnly, res: o.res, account: o.account,
		})
	}
	return out
}

func (o otherCall) String() string { return fmt.Sprintf("%s %s", o.source, o.name) }
