package elasticache_test

import "time"

// plainRecord is the baseline of BenchmarkEvent: what a hand-written model
// of benchRecord for encoding/json looks like, with the same presence
// (pointers for optional scalars) and time.Time for timestamps.
type plainRecord struct {
	EventVersion string `json:"eventVersion"`
	UserIdentity struct {
		Type           string `json:"type"`
		PrincipalID    string `json:"principalId"`
		ARN            string `json:"arn"`
		AccountID      string `json:"accountId"`
		AccessKeyID    string `json:"accessKeyId"`
		SessionContext *struct {
			SessionIssuer *struct {
				Type        string `json:"type"`
				PrincipalID string `json:"principalId"`
				ARN         string `json:"arn"`
				AccountID   string `json:"accountId"`
				UserName    string `json:"userName"`
			} `json:"sessionIssuer"`
			WebIDFederationData *struct {
				FederatedProvider string            `json:"federatedProvider"`
				Attributes        map[string]string `json:"attributes"`
			} `json:"webIdFederationData"`
			Attributes *struct {
				CreationDate     time.Time `json:"creationDate"`
				MFAAuthenticated string    `json:"mfaAuthenticated"`
			} `json:"attributes"`
		} `json:"sessionContext"`
	} `json:"userIdentity"`
	EventTime          time.Time          `json:"eventTime"`
	EventSource        string             `json:"eventSource"`
	EventName          string             `json:"eventName"`
	AWSRegion          string             `json:"awsRegion"`
	SourceIPAddress    string             `json:"sourceIPAddress"`
	UserAgent          string             `json:"userAgent"`
	RequestParameters  *plainRequest      `json:"requestParameters"`
	ResponseElements   *plainCacheCluster `json:"responseElements"`
	RequestID          string             `json:"requestID"`
	EventID            string             `json:"eventID"`
	ReadOnly           *bool              `json:"readOnly"`
	EventType          string             `json:"eventType"`
	ManagementEvent    *bool              `json:"managementEvent"`
	RecipientAccountID string             `json:"recipientAccountId"`
	EventCategory      string             `json:"eventCategory"`
	TLSDetails         *struct {
		TLSVersion               string `json:"tlsVersion"`
		CipherSuite              string `json:"cipherSuite"`
		ClientProvidedHostHeader string `json:"clientProvidedHostHeader"`
	} `json:"tlsDetails"`
}

type plainRequest struct {
	CacheClusterID             *string            `json:"cacheClusterId"`
	NumCacheNodes              *int32             `json:"numCacheNodes"`
	CacheNodeType              *string            `json:"cacheNodeType"`
	Engine                     *string            `json:"engine"`
	EngineVersion              *string            `json:"engineVersion"`
	CacheParameterGroupName    *string            `json:"cacheParameterGroupName"`
	CacheSubnetGroupName       *string            `json:"cacheSubnetGroupName"`
	SecurityGroupIDs           []string           `json:"securityGroupIds"`
	SnapshotRetentionLimit     *int32             `json:"snapshotRetentionLimit"`
	SnapshotWindow             *string            `json:"snapshotWindow"`
	PreferredMaintenanceWindow *string            `json:"preferredMaintenanceWindow"`
	AutoMinorVersionUpgrade    *bool              `json:"autoMinorVersionUpgrade"`
	TransitEncryptionEnabled   *bool              `json:"transitEncryptionEnabled"`
	NetworkType                *string            `json:"networkType"`
	IPDiscovery                *string            `json:"ipDiscovery"`
	Tags                       []plainTag         `json:"tags"`
	LogDeliveryConfigurations  []plainLogDelivery `json:"logDeliveryConfigurations"`
}

type plainTag struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

type plainLogDelivery struct {
	LogType            *string `json:"logType"`
	DestinationType    *string `json:"destinationType"`
	DestinationDetails *struct {
		CloudWatchLogsDetails *struct {
			LogGroup *string `json:"logGroup"`
		} `json:"cloudWatchLogsDetails"`
	} `json:"destinationDetails"`
	LogFormat *string `json:"logFormat"`
	Enabled   *bool   `json:"enabled"`
	Status    *string `json:"status"`
}

type plainCacheCluster struct {
	CacheClusterID             *string   `json:"cacheClusterId"`
	ClientDownloadLandingPage  *string   `json:"clientDownloadLandingPage"`
	CacheNodeType              *string   `json:"cacheNodeType"`
	Engine                     *string   `json:"engine"`
	EngineVersion              *string   `json:"engineVersion"`
	CacheClusterStatus         *string   `json:"cacheClusterStatus"`
	NumCacheNodes              *int32    `json:"numCacheNodes"`
	PreferredMaintenanceWindow *string   `json:"preferredMaintenanceWindow"`
	PendingModifiedValues      *struct{} `json:"pendingModifiedValues"`
	CacheSecurityGroups        []struct {
		CacheSecurityGroupName *string `json:"cacheSecurityGroupName"`
		Status                 *string `json:"status"`
	} `json:"cacheSecurityGroups"`
	CacheParameterGroup *struct {
		CacheParameterGroupName *string  `json:"cacheParameterGroupName"`
		ParameterApplyStatus    *string  `json:"parameterApplyStatus"`
		CacheNodeIDsToReboot    []string `json:"cacheNodeIdsToReboot"`
	} `json:"cacheParameterGroup"`
	CacheSubnetGroupName    *string `json:"cacheSubnetGroupName"`
	AutoMinorVersionUpgrade *bool   `json:"autoMinorVersionUpgrade"`
	SecurityGroups          []struct {
		SecurityGroupID *string `json:"securityGroupId"`
		Status          *string `json:"status"`
	} `json:"securityGroups"`
	SnapshotRetentionLimit             *int32             `json:"snapshotRetentionLimit"`
	SnapshotWindow                     *string            `json:"snapshotWindow"`
	AuthTokenEnabled                   *bool              `json:"authTokenEnabled"`
	TransitEncryptionEnabled           *bool              `json:"transitEncryptionEnabled"`
	TransitEncryptionMode              *string            `json:"transitEncryptionMode"`
	AtRestEncryptionEnabled            *bool              `json:"atRestEncryptionEnabled"`
	ARN                                *string            `json:"aRN"`
	ReplicationGroupLogDeliveryEnabled *bool              `json:"replicationGroupLogDeliveryEnabled"`
	LogDeliveryConfigurations          []plainLogDelivery `json:"logDeliveryConfigurations"`
	NetworkType                        *string            `json:"networkType"`
	IPDiscovery                        *string            `json:"ipDiscovery"`
}
