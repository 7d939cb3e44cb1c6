package gen

// The codecs of the record envelope (package event) and of userIdentity
// (package userid) are generated from the tables below: one line per
// member, in the order CloudTrail writes the members, which is the order
// the encoders follow. The types themselves stay hand-written; the
// generator reads their source to check the tables against them.
//
// Type is the member's Go type as the struct declares it. It says how the
// member is decoded and encoded:
//
//   - string, or a named string type: jsonx.StrBit, with a presence bit,
//     so that an empty string read is written back;
//   - *bool, wire.Bool, wire.Time: the jsonx scalar readers;
//   - wire.Members: an object whose members are all kept raw, with a
//     presence bit, so that an empty object read is written back;
//   - *T and []T: a struct of these tables, through its codec;
//   - payload: a json.RawMessage whose offset and text the event keeps for
//     typed decoding (method raw, index raw<Go>); raw: one it does not.
//
// Dec and Enc name hand-written methods for members that need more: Dec,
// func (r *T) Dec(d *jsonx.Decoder) jsonx.Status, replaces the decoding;
// Enc, func (r *T) Enc(e *jsonx.Encoder), writes the member, name
// included, when it should be written. A member with Dec gets a presence
// bit too.
//
// Since, MaxKB and Doc, for the envelope only, become the table behind
// event.Fields. Versions and limits follow the CloudTrail user guide's
// "record contents" page as of eventVersion 1.08
// (awsdocs/aws-cloudtrail-user-guide,
// doc_source/cloudtrail-event-reference-record-contents.md), which gives
// apiVersion as 1.01 where an older revision said 1.02; we keep 1.01. That
// revision says content above a limit "is truncated"; the current page
// adds that a truncated field is flagged with "omitted": true, which we
// have not seen in a record. vpcEndpointAccountId (1.09) and eventContext
// (1.11) postdate it: their versions are the ones issue 8 quotes from the
// current page, not checked against its text here. insightDetails belongs
// to Insights events (1.07).

// CodecMember is one member of a struct whose codec is generated.
type CodecMember struct {
	Go   string // Go field name
	Wire string // JSON member name
	Type string // Go type, or payload or raw for json.RawMessage
	Dec  string // hand-written decoding method, if any
	Enc  string // hand-written encoding method, if any

	Since string // eventVersion that introduced the member, "1.08"
	MaxKB int    // documented size limit in KB, 0 for none
	Doc   string // what the member holds, in a sentence
}

// CodecStruct is a struct whose codec is generated.
type CodecStruct struct {
	Name    string // Go type name
	Members []CodecMember
}

// CodecPackage is a package whose struct codecs are generated.
type CodecPackage struct {
	Name    string   // package name, which is also its directory
	Sources []string // files declaring the structs, for the check
	Structs []CodecStruct
	Fields  string // struct whose members become the package's fields table, if any
}

// CodecPackages lists the packages with generated struct codecs.
var CodecPackages = []CodecPackage{
	{Name: "event", Sources: []string{"event.go"}, Fields: "Event", Structs: []CodecStruct{
		{Name: "Event", Members: []CodecMember{
			{Go: "EventVersion", Wire: "eventVersion", Type: "string", Since: "1.00", Doc: "The record format version, major.minor."},
			{Go: "UserIdentity", Wire: "userIdentity", Type: "userid.Identity", Dec: "decodeUserIdentity", Enc: "encodeUserIdentity", Since: "1.00", Doc: "Who made the call."},
			{Go: "EventTime", Wire: "eventTime", Type: "wire.Time", Since: "1.00", Doc: "When the request completed, in UTC."},
			{Go: "EventSource", Wire: "eventSource", Type: "string", Since: "1.00", Doc: "The service called, such as elasticache.amazonaws.com."},
			{Go: "EventName", Wire: "eventName", Type: "string", Since: "1.00", Doc: "The API action called."},
			{Go: "AWSRegion", Wire: "awsRegion", Type: "string", Since: "1.00", Doc: "The Region the request went to."},
			{Go: "SourceIPAddress", Wire: "sourceIPAddress", Type: "string", Dec: "decodeSourceIPAddress", Since: "1.00", Doc: `The caller's IP address, an AWS service name or "AWS Internal".`},
			{Go: "UserAgent", Wire: "userAgent", Type: "string", Since: "1.00", MaxKB: 1, Doc: "The client that made the call."},
			{Go: "ErrorCode", Wire: "errorCode", Type: "string", Since: "1.00", MaxKB: 1, Doc: "The service error, when the call failed."},
			{Go: "ErrorMessage", Wire: "errorMessage", Type: "string", Since: "1.00", MaxKB: 1, Doc: "The error's description, when the call failed."},
			{Go: "RequestParameters", Wire: "requestParameters", Type: "payload", Since: "1.00", MaxKB: 100, Doc: "The call's parameters; null when it had none."},
			{Go: "ResponseElements", Wire: "responseElements", Type: "payload", Since: "1.00", MaxKB: 100, Doc: "The call's result, for calls that change state; often null for reads."},
			{Go: "AdditionalEventData", Wire: "additionalEventData", Type: "payload", Since: "1.00", MaxKB: 28, Doc: "Service data that is neither request nor response."},
			{Go: "RequestID", Wire: "requestID", Type: "string", Since: "1.01", MaxKB: 1, Doc: "The request ID the service assigned."},
			{Go: "EventID", Wire: "eventID", Type: "string", Since: "1.01", Doc: "The GUID CloudTrail gave the record."},
			{Go: "EventType", Wire: "eventType", Type: "string", Since: "1.02", Doc: "The kind of record, such as AwsApiCall."},
			{Go: "APIVersion", Wire: "apiVersion", Type: "string", Since: "1.01", Doc: "The API version of an AwsApiCall."},
			{Go: "ReadOnly", Wire: "readOnly", Type: "*bool", Since: "1.01", Doc: "Whether the call only reads."},
			{Go: "Resources", Wire: "resources", Type: "[]Resource", Since: "1.01", Doc: "Resources the call touched."},
			{Go: "RecipientAccountID", Wire: "recipientAccountId", Type: "string", Since: "1.02", Doc: "The account that received the record."},
			{Go: "ServiceEventDetails", Wire: "serviceEventDetails", Type: "payload", Since: "1.05", MaxKB: 100, Doc: "What triggered a service event and its result."},
			{Go: "SharedEventID", Wire: "sharedEventID", Type: "string", Since: "1.03", Doc: "A GUID shared by the records of one action delivered to several accounts."},
			{Go: "VPCEndpointID", Wire: "vpcEndpointId", Type: "string", Since: "1.04", Doc: "The VPC endpoint the call came through."},
			{Go: "VPCEndpointAccountID", Wire: "vpcEndpointAccountId", Type: "string", Since: "1.09", Doc: "The account that owns the VPC endpoint."},
			{Go: "ManagementEvent", Wire: "managementEvent", Type: "*bool", Since: "1.06", Doc: "Whether the record is a management event."},
			{Go: "EventCategory", Wire: "eventCategory", Type: "string", Since: "1.07", Doc: "Management, Data, NetworkActivity or Insight."},
			{Go: "Addendum", Wire: "addendum", Type: "*Addendum", Since: "1.08", Doc: "Why the record was delivered late or amended."},
			{Go: "SessionCredentialFromConsole", Wire: "sessionCredentialFromConsole", Type: "wire.Bool", Since: "1.08", Doc: `"true" when the call used console session credentials.`},
			{Go: "EdgeDeviceDetails", Wire: "edgeDeviceDetails", Type: "raw", Since: "1.08", MaxKB: 28, Doc: "The edge device a request targeted."},
			{Go: "TLSDetails", Wire: "tlsDetails", Type: "*TLSDetails", Since: "1.08", Doc: "The TLS version, cipher suite and host header of the call."},
			{Go: "InsightDetails", Wire: "insightDetails", Type: "raw", Since: "1.07", Doc: "What triggered an Insights event."},
			{Go: "EventContext", Wire: "eventContext", Type: "raw", Since: "1.11", Doc: "Context added to enriched events."},
		}},
		{Name: "Resource", Members: []CodecMember{
			{Go: "ARN", Wire: "ARN", Type: "string"},
			{Go: "AccountID", Wire: "accountId", Type: "string"},
			{Go: "Type", Wire: "type", Type: "string"},
		}},
		{Name: "TLSDetails", Members: []CodecMember{
			{Go: "TLSVersion", Wire: "tlsVersion", Type: "string"},
			{Go: "CipherSuite", Wire: "cipherSuite", Type: "string"},
			{Go: "ClientProvidedHostHeader", Wire: "clientProvidedHostHeader", Type: "string"},
			{Go: "KeyExchange", Wire: "keyExchange", Type: "string"},
		}},
		{Name: "Addendum", Members: []CodecMember{
			{Go: "Reason", Wire: "reason", Type: "string"},
			{Go: "UpdatedFields", Wire: "updatedFields", Type: "string"},
			{Go: "OriginalRequestID", Wire: "originalRequestID", Type: "string"},
			{Go: "OriginalEventID", Wire: "originalEventID", Type: "string"},
		}},
	}},
	{Name: "userid", Sources: []string{"identity.go"}, Structs: []CodecStruct{
		{Name: "Identity", Members: []CodecMember{
			{Go: "Type", Wire: "type", Type: "Type"},
			{Go: "PrincipalID", Wire: "principalId", Type: "string"},
			{Go: "ARN", Wire: "arn", Type: "string"},
			{Go: "AccountID", Wire: "accountId", Type: "string"},
			{Go: "AccessKeyID", Wire: "accessKeyId", Type: "string"},
			{Go: "UserName", Wire: "userName", Type: "string"},
			{Go: "SessionContext", Wire: "sessionContext", Type: "*SessionContext"},
			{Go: "InvokedBy", Wire: "invokedBy", Type: "string"},
			{Go: "IdentityProvider", Wire: "identityProvider", Type: "string"},
			{Go: "CredentialID", Wire: "credentialId", Type: "string"},
			{Go: "OnBehalfOf", Wire: "onBehalfOf", Type: "*OnBehalfOf"},
			{Go: "InScopeOf", Wire: "inScopeOf", Type: "*InScopeOf"},
			{Go: "InvokedByDelegate", Wire: "invokedByDelegate", Type: "*InvokedByDelegate"},
		}},
		{Name: "SessionContext", Members: []CodecMember{
			{Go: "SessionIssuer", Wire: "sessionIssuer", Type: "*SessionIssuer"},
			{Go: "WebIDFederationData", Wire: "webIdFederationData", Type: "*WebIDFederationData"},
			{Go: "Attributes", Wire: "attributes", Type: "*SessionAttributes"},
			{Go: "SourceIdentity", Wire: "sourceIdentity", Type: "string"},
			{Go: "EC2RoleDelivery", Wire: "ec2RoleDelivery", Type: "string"},
			{Go: "AssumedRoot", Wire: "assumedRoot", Type: "wire.Bool"},
			{Go: "SignInSessionARN", Wire: "signInSessionArn", Type: "string"},
		}},
		{Name: "SessionAttributes", Members: []CodecMember{
			{Go: "CreationDate", Wire: "creationDate", Type: "wire.Time"},
			{Go: "MFAAuthenticated", Wire: "mfaAuthenticated", Type: "wire.Bool"},
		}},
		{Name: "SessionIssuer", Members: []CodecMember{
			{Go: "Type", Wire: "type", Type: "string"},
			{Go: "PrincipalID", Wire: "principalId", Type: "string"},
			{Go: "ARN", Wire: "arn", Type: "string"},
			{Go: "AccountID", Wire: "accountId", Type: "string"},
			{Go: "UserName", Wire: "userName", Type: "string"},
		}},
		{Name: "WebIDFederationData", Members: []CodecMember{
			{Go: "FederatedProvider", Wire: "federatedProvider", Type: "string"},
			{Go: "Attributes", Wire: "attributes", Type: "wire.Members"},
		}},
		{Name: "OnBehalfOf", Members: []CodecMember{
			{Go: "UserID", Wire: "userId", Type: "string"},
			{Go: "IdentityStoreARN", Wire: "identityStoreArn", Type: "string"},
		}},
		{Name: "InScopeOf", Members: []CodecMember{
			{Go: "SourceARN", Wire: "sourceArn", Type: "string"},
			{Go: "SourceAccount", Wire: "sourceAccount", Type: "string"},
			{Go: "IssuerType", Wire: "issuerType", Type: "string"},
			{Go: "CredentialsIssuedTo", Wire: "credentialsIssuedTo", Type: "string"},
		}},
		{Name: "InvokedByDelegate", Members: []CodecMember{
			{Go: "AccountID", Wire: "accountId", Type: "string"},
		}},
	}},
}
