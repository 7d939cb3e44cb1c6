package main

// The people and services making calls in the sample trail, as CloudTrail
// writes their userIdentity.
const (
	// alice works through an assumed role (single sign-on).
	alice = `{"type":"AssumedRole","principalId":"AROAIDPPEZS35WEXAMPLE:alice@example.com",
		"arn":"arn:aws:sts::123456789012:assumed-role/CacheAdmin/alice@example.com",
		"accountId":"123456789012","accessKeyId":"ASIAIOSFODNN7EXAMPLE",
		"sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAIDPPEZS35WEXAMPLE",
			"arn":"arn:aws:iam::123456789012:role/CacheAdmin","accountId":"123456789012","userName":"CacheAdmin"},
			"webIdFederationData":{},
			"attributes":{"creationDate":"2014-12-01T21:50:02Z","mfaAuthenticated":"false"}}}`

	// bob is an IAM user with long-term keys.
	bob = `{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/bob",
		"accountId":"123456789012","accessKeyId":"AKIAI44QH8DHBEXAMPLE","userName":"bob"}`

	// seedUser is the IAM user of the AWS documentation's samples.
	seedUser = `{"type":"IAMUser","principalId":"EXAMPLEEXAMPLEEXAMPLE","arn":"arn:aws:iam::123456789012:user/elasticache-allow",
		"accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"elasticache-allow"}`

	// root is the root user of a second account.
	root = `{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root",
		"accountId":"111122223333","accessKeyId":"ASIAQWERTYUIEXAMPLE",
		"sessionContext":{"attributes":{"creationDate":"2014-12-01T22:30:11Z","mfaAuthenticated":"true"}}}`

	// stack is CloudFormation acting through a service role.
	stack = `{"type":"AssumedRole","principalId":"AROAJ2UCCR6DPCEXAMPLE:AWSCloudFormation",
		"arn":"arn:aws:sts::123456789012:assumed-role/CfnDeployRole/AWSCloudFormation",
		"accountId":"123456789012","accessKeyId":"ASIAJ2UCCR6DPCEXAMPLE",
		"sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAJ2UCCR6DPCEXAMPLE",
			"arn":"arn:aws:iam::123456789012:role/CfnDeployRole","accountId":"123456789012","userName":"CfnDeployRole"},
			"webIdFederationData":{},
			"attributes":{"creationDate":"2014-12-01T22:40:58Z","mfaAuthenticated":"false"}},
		"invokedBy":"cloudformation.amazonaws.com"}`

	// ec2Service is an AWS service calling on its own behalf.
	ec2Service = `{"type":"AWSService","invokedBy":"ec2.amazonaws.com"}`
)

// User agents and addresses the calls come from.
const (
	cli     = "aws-cli/1.6.5 Python/2.7.8 Linux/3.14.19-17.43.amzn1.x86_64"
	console = "console.amazonaws.com"
	sdk     = "aws-sdk-java/1.9.6 Linux/3.14.19-17.43.amzn1.x86_64 Java_HotSpot(TM)_64-Bit_Server_VM/25.25-b02/1.8.0_25"
	cfn     = "cloudformation.amazonaws.com"
	aliceIP = "198.51.100.24"
	bobIP   = "203.0.113.7"
	rootIP  = "198.51.100.201"
)
