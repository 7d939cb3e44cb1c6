package main

const ec = "elasticache.amazonaws.com"

// elastiCacheCalls are the ElastiCache calls of the gzipped log file,
// besides the three seed records: several operations, users, regions and
// accounts, one failed call and two read-only ones.
var elastiCacheCalls = []call{
	{
		at: "2014-12-01T22:05:12Z", source: ec, name: "CreateReplicationGroup", region: "us-west-2",
		who: alice, ip: aliceIP, agent: console,
		req: `{"replicationGroupId":"sessions","replicationGroupDescription":"web sessions",
			"engine":"redis","engineVersion":"2.8.19","cacheNodeType":"cache.m3.medium",
			"numCacheClusters":2,"automaticFailoverEnabled":true,"cacheSubnetGroupName":"app-private",
			"preferredCacheClusterAZs":["us-west-2a","us-west-2b"]}`,
		resp: `{"replicationGroupId":"sessions","description":"web sessions","status":"creating",
			"pendingModifiedValues":{},"memberClusters":["sessions-001","sessions-002"],
			"automaticFailover":"enabling","cacheNodeType":"cache.m3.medium","snapshotRetentionLimit":0}`,
	},
	{
		at: "2014-12-01T22:09:33Z", source: ec, name: "ListTagsForResource", region: "us-west-2",
		who: bob, ip: bobIP, agent: cli, readOnly: true,
		req: `{"resourceName":"arn:aws:elasticache:us-west-2:123456789012:cluster:test-memcached"}`,
	},
	{
		at: "2014-12-01T22:12:03Z", source: ec, name: "CreateSnapshot", region: "us-west-2",
		who: bob, ip: bobIP, agent: cli,
		req: `{"cacheClusterId":"sessions-001","snapshotName":"sessions-before-upgrade"}`,
		resp: `{"snapshotName":"sessions-before-upgrade","cacheClusterId":"sessions-001","snapshotStatus":"creating",
			"snapshotSource":"manual","cacheNodeType":"cache.m3.medium","engine":"redis","engineVersion":"2.8.19",
			"numCacheNodes":1,"preferredAvailabilityZone":"us-west-2a",
			"cacheClusterCreateTime":"Dec 1, 2014 10:05:14 PM","preferredMaintenanceWindow":"sun:10:00-sun:11:00",
			"port":6379,"cacheParameterGroupName":"default.redis2.8","cacheSubnetGroupName":"app-private",
			"vpcId":"vpc-1a2b3c4d","autoMinorVersionUpgrade":true,"snapshotRetentionLimit":0,
			"snapshotWindow":"06:30-07:30","nodeSnapshots":[{"cacheNodeId":"0001",
			"cacheNodeCreateTime":"Dec 1, 2014 10:05:14 PM"}]}`,
	},
	{
		at: "2014-12-01T22:18:44Z", source: ec, name: "ModifyCacheParameterGroup", region: "us-east-1",
		who: alice, ip: aliceIP, agent: console,
		req: `{"cacheParameterGroupName":"redis28-sessions","parameterNameValues":[
			{"parameterName":"maxmemory-policy","parameterValue":"allkeys-lru"},
			{"parameterName":"timeout","parameterValue":"300"}]}`,
		resp: `{"cacheParameterGroupName":"redis28-sessions"}`,
	},
	{
		at: "2014-12-01T22:21:30Z", source: ec, name: "RebootCacheCluster", region: "us-west-2",
		who: seedUser, ip: "192.0.2.1", agent: "AWS CLI/ElastiCache 1.10 API 2014-12-01",
		req: `{"cacheClusterId":"test-memcached","cacheNodeIdsToReboot":["0001"]}`,
		resp: `{"cacheClusterId":"test-memcached","cacheClusterStatus":"rebooting cache cluster nodes",
			"engine":"memcached","engineVersion":"1.4.14","cacheNodeType":"cache.m1.small","numCacheNodes":2,
			"preferredAvailabilityZone":"Multiple","cacheClusterCreateTime":"Dec 1, 2014 10:16:06 PM",
			"preferredMaintenanceWindow":"thu:05:00-thu:06:00","autoMinorVersionUpgrade":true,
			"cacheParameterGroup":{"cacheParameterGroupName":"default.memcached1.4","parameterApplyStatus":"in-sync","cacheNodeIdsToReboot":[]},
			"cacheSecurityGroups":[{"cacheSecurityGroupName":"default","status":"active"}],
			"configurationEndpoint":{"address":"test-memcached.example.cfg.usw2.cache.amazonaws.com","port":11211},
			"clientDownloadLandingPage":"https://console.aws.amazon.com/elasticache/home#client-download:",
			"pendingModifiedValues":{}}`,
	},
	{
		at: "2014-12-01T22:24:10Z", source: ec, name: "AddTagsToResource", region: "us-west-2",
		who: bob, ip: bobIP, agent: cli,
		req: `{"resourceName":"arn:aws:elasticache:us-west-2:123456789012:cluster:test-memcached",
			"tags":[{"key":"team","value":"payments"},{"key":"env","value":"staging"}]}`,
		resp: `{"tagList":[{"key":"team","value":"payments"},{"key":"env","value":"staging"}]}`,
	},
	{
		at: "2014-12-01T22:27:55Z", source: ec, name: "DeleteReplicationGroup", region: "us-west-2",
		who: bob, ip: bobIP, agent: cli,
		errCode: "ReplicationGroupNotFoundFault", errMsg: "ReplicationGroup sessions-old not found.",
		req: `{"replicationGroupId":"sessions-old","retainPrimaryCluster":false}`,
	},
	{
		at: "2014-12-01T22:35:02Z", source: ec, name: "CreateCacheCluster", region: "eu-west-1",
		who: root, ip: rootIP, agent: console,
		req: `{"cacheClusterId":"eu-cache","engine":"redis","engineVersion":"2.8.19","cacheNodeType":"cache.m3.medium",
			"numCacheNodes":1,"preferredAvailabilityZone":"eu-west-1a","snapshotRetentionLimit":7,
			"tags":[{"key":"owner","value":"platform"}]}`,
		resp: `{"cacheClusterId":"eu-cache","cacheClusterStatus":"creating","engine":"redis","engineVersion":"2.8.19",
			"cacheNodeType":"cache.m3.medium","numCacheNodes":1,"preferredAvailabilityZone":"eu-west-1a",
			"preferredMaintenanceWindow":"wed:03:30-wed:04:30","autoMinorVersionUpgrade":true,
			"snapshotRetentionLimit":7,"snapshotWindow":"01:00-02:00",
			"cacheParameterGroup":{"cacheParameterGroupName":"default.redis2.8","parameterApplyStatus":"in-sync","cacheNodeIdsToReboot":[]},
			"cacheSecurityGroups":[{"cacheSecurityGroupName":"default","status":"active"}],
			"clientDownloadLandingPage":"https://console.aws.amazon.com/elasticache/home#client-download:",
			"pendingModifiedValues":{}}`,
	},
	{
		at: "2014-12-01T22:38:47Z", source: ec, name: "DescribeReplicationGroups", region: "us-east-1",
		who: stack, ip: cfn, agent: cfn, readOnly: true,
		req: `{"replicationGroupId":"catalog"}`,
	},
	{
		at: "2014-12-01T22:41:19Z", source: ec, name: "CreateCacheSubnetGroup", region: "us-east-1",
		who: stack, ip: cfn, agent: cfn,
		req: `{"cacheSubnetGroupName":"catalog-private","cacheSubnetGroupDescription":"catalog cache subnets",
			"subnetIds":["subnet-0a1b2c3d","subnet-4e5f6a7b"]}`,
		resp: `{"cacheSubnetGroupName":"catalog-private","cacheSubnetGroupDescription":"catalog cache subnets",
			"vpcId":"vpc-9f8e7d6c","subnets":[
			{"subnetIdentifier":"subnet-0a1b2c3d","subnetAvailabilityZone":{"name":"us-east-1a"}},
			{"subnetIdentifier":"subnet-4e5f6a7b","subnetAvailabilityZone":{"name":"us-east-1c"}}]}`,
	},
	{
		at: "2014-12-01T22:44:00Z", source: ec, name: "DeleteCacheCluster", region: "us-west-2",
		who: seedUser, ip: "192.0.2.1", agent: "AWS CLI/ElastiCache 1.10 API 2014-12-01",
		req: `{"cacheClusterId":"test-memcached"}`,
		resp: `{"cacheClusterId":"test-memcached","cacheClusterStatus":"deleting","engine":"memcached",
			"engineVersion":"1.4.14","cacheNodeType":"cache.m1.small","numCacheNodes":3,
			"preferredAvailabilityZone":"Multiple","cacheClusterCreateTime":"Dec 1, 2014 10:16:06 PM",
			"preferredMaintenanceWindow":"thu:05:00-thu:06:00","autoMinorVersionUpgrade":true,
			"cacheSecurityGroups":[{"cacheSecurityGroupName":"default","status":"active"}],
			"pendingModifiedValues":{}}`,
	},
}

// exportCalls are the ElastiCache calls of the JSON Lines export, the next
// day.
var exportCalls = []call{
	{
		at: "2014-12-02T09:14:27Z", source: ec, name: "ModifyReplicationGroup", region: "us-west-2",
		who: alice, ip: aliceIP, agent: console,
		req: `{"replicationGroupId":"sessions","applyImmediately":true,"snapshotRetentionLimit":5,
			"snapshotWindow":"05:00-06:00"}`,
		resp: `{"replicationGroupId":"sessions","description":"web sessions","status":"available",
			"pendingModifiedValues":{},"memberClusters":["sessions-001","sessions-002"],
			"automaticFailover":"enabled","snapshottingClusterId":"sessions-002","snapshotRetentionLimit":5,
			"snapshotWindow":"05:00-06:00","cacheNodeType":"cache.m3.medium",
			"nodeGroups":[{"nodeGroupId":"0001","status":"available",
			"primaryEndpoint":{"address":"sessions.abc123.ng.0001.usw2.cache.amazonaws.com","port":6379},
			"nodeGroupMembers":[
			{"cacheClusterId":"sessions-001","cacheNodeId":"0001","currentRole":"primary","preferredAvailabilityZone":"us-west-2a",
				"readEndpoint":{"address":"sessions-001.abc123.0001.usw2.cache.amazonaws.com","port":6379}},
			{"cacheClusterId":"sessions-002","cacheNodeId":"0001","currentRole":"replica","preferredAvailabilityZone":"us-west-2b",
				"readEndpoint":{"address":"sessions-002.abc123.0001.usw2.cache.amazonaws.com","port":6379}}]}]}`,
	},
	{
		at: "2014-12-02T09:30:05Z", source: ec, name: "CopySnapshot", region: "us-west-2",
		who: bob, ip: bobIP, agent: cli,
		req: `{"sourceSnapshotName":"sessions-before-upgrade","targetSnapshotName":"sessions-archive-20141202"}`,
		resp: `{"snapshotName":"sessions-archive-20141202","cacheClusterId":"sessions-001","snapshotStatus":"creating",
			"snapshotSource":"manual","cacheNodeType":"cache.m3.medium","engine":"redis","engineVersion":"2.8.19",
			"numCacheNodes":1,"port":6379,"vpcId":"vpc-1a2b3c4d"}`,
	},
	{
		at: "2014-12-02T09:31:40Z", source: ec, name: "DescribeSnapshots", region: "us-west-2",
		who: bob, ip: bobIP, agent: cli, readOnly: true,
		req: `{"snapshotName":"sessions-archive-20141202"}`,
	},
	{
		at: "2014-12-02T10:02:18Z", source: ec, name: "DeleteSnapshot", region: "us-west-2",
		who: bob, ip: bobIP, agent: cli,
		req: `{"snapshotName":"sessions-before-upgrade"}`,
		resp: `{"snapshotName":"sessions-before-upgrade","cacheClusterId":"sessions-001","snapshotStatus":"deleting",
			"snapshotSource":"manual","engine":"redis","engineVersion":"2.8.19"}`,
	},
}

// eventBridgeCall is the record of the EventBridge sample.
var eventBridgeCall = call{
	at: "2014-12-02T11:45:09Z", source: ec, name: "CreateCacheParameterGroup", region: "us-west-2",
	who: alice, ip: aliceIP, agent: console,
	req:  `{"cacheParameterGroupName":"redis28-orders","cacheParameterGroupFamily":"redis2.8","description":"orders cache"}`,
	resp: `{"cacheParameterGroupName":"redis28-orders","cacheParameterGroupFamily":"redis2.8","description":"orders cache"}`,
}
