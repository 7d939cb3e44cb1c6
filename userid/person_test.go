package userid

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func yes() *bool { v := true; return &v }
func no() *bool  { v := false; return &v }

// people are userIdentity elements of every identity type, as CloudTrail
// records them, with the Person each one gives and its label.
var people = []struct {
	name   string
	json   string
	person Person
	label  string
}{
	{
		name: "root",
		json: `{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333","accessKeyId":"ASIAQNZGKIQY56JQ7WML",
			"sessionContext":{"sessionIssuer":{},"webIdFederationData":{},"attributes":{"creationDate":"2024-11-05T10:00:00Z","mfaAuthenticated":"true"}}}`,
		person: Person{Type: TypeRoot, Name: "root", Principal: "arn:aws:iam::111122223333:root", PrincipalID: "111122223333",
			AccountID: "111122223333", AccessKeyID: "ASIAQNZGKIQY56JQ7WML", MFA: yes()},
		label: "root",
	},
	{
		name: "assumed root",
		json: `{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333","accessKeyId":"ASIAEXAMPLEROOT",
			"sessionContext":{"attributes":{"creationDate":"2024-11-15T10:00:00Z","mfaAuthenticated":"false"},"assumedRoot":"true"}}`,
		person: Person{Type: TypeRoot, Name: "root", Principal: "arn:aws:iam::111122223333:root", PrincipalID: "111122223333",
			AccountID: "111122223333", AccessKeyID: "ASIAEXAMPLEROOT", MFA: no(), AssumedRoot: yes()},
		label: "root",
	},
	{
		name: "iam user",
		json: `{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/bob","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"bob"}`,
		person: Person{Type: TypeIAMUser, Name: "bob", Principal: "arn:aws:iam::123456789012:user/bob", PrincipalID: "AIDAJ45Q7YFFAREXAMPLE",
			AccountID: "123456789012", AccessKeyID: "AKIAIOSFODNN7EXAMPLE", UserName: "bob"},
		label: "bob",
	},
	{
		name: "iam user in the console, called through a service, name from the arn",
		json: `{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/ops/carol","accountId":"123456789012","accessKeyId":"ASIAEXAMPLECONSOLE",
			"sessionContext":{"attributes":{"creationDate":"2024-11-05T09:00:00Z","mfaAuthenticated":"true"}},"invokedBy":"cloudformation.amazonaws.com"}`,
		person: Person{Type: TypeIAMUser, Name: "carol", Principal: "arn:aws:iam::123456789012:user/ops/carol", PrincipalID: "AIDAJ45Q7YFFAREXAMPLE",
			AccountID: "123456789012", AccessKeyID: "ASIAEXAMPLECONSOLE", UserName: "carol", InvokedBy: "cloudformation.amazonaws.com", MFA: yes()},
		label: "carol",
	},
	{
		name: "assumed role",
		json: `{"type":"AssumedRole","principalId":"AROAEXAMPLEID1234567:alice@example.com","arn":"arn:aws:sts::123456789012:assumed-role/CacheAdmin/alice@example.com","accountId":"123456789012","accessKeyId":"ASIAIOSFODNN7EXAMPLE",
			"sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLEID1234567","arn":"arn:aws:iam::123456789012:role/CacheAdmin","accountId":"123456789012","userName":"CacheAdmin"},
			"webIdFederationData":{},"attributes":{"creationDate":"2024-11-05T14:58:12Z","mfaAuthenticated":"false"}}}`,
		person: Person{Type: TypeAssumedRole, Name: "alice@example.com", Principal: "arn:aws:iam::123456789012:role/CacheAdmin",
			PrincipalID: "AROAEXAMPLEID1234567:alice@example.com", AccountID: "123456789012", AccessKeyID: "ASIAIOSFODNN7EXAMPLE",
			Role: "CacheAdmin", SessionName: "alice@example.com", MFA: no()},
		label: "alice@example.com (CacheAdmin)",
	},
	{
		name: "assumed role with source identity, role path, EC2 delivery and assumed root",
		json: `{"type":"AssumedRole","principalId":"AROAEXAMPLEID1234567:i-0abc","arn":"arn:aws:sts::123456789012:assumed-role/Admin/i-0abc","accountId":"123456789012","accessKeyId":"ASIAIOSFODNN7EXAMPLE",
			"sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLEID1234567","arn":"arn:aws:iam::123456789012:role/ops/Admin","accountId":"123456789012","userName":"Admin"},
			"webIdFederationData":{},"attributes":{"creationDate":"2024-11-05T14:58:12Z","mfaAuthenticated":"true"},
			"sourceIdentity":"alice@example.com","ec2RoleDelivery":"2.0","assumedRoot":"false"}}`,
		person: Person{Type: TypeAssumedRole, Name: "alice@example.com", Principal: "arn:aws:iam::123456789012:role/ops/Admin",
			PrincipalID: "AROAEXAMPLEID1234567:i-0abc", AccountID: "123456789012", AccessKeyID: "ASIAIOSFODNN7EXAMPLE",
			Role: "Admin", SessionName: "i-0abc", SourceIdentity: "alice@example.com", MFA: yes(), AssumedRoot: no(), EC2RoleDelivery: "2.0"},
		label: "alice@example.com (Admin)",
	},
	{
		name: "assumed role without issuer, aws-cn",
		json: `{"type":"AssumedRole","principalId":"AROAEXAMPLE:build","arn":"arn:aws-cn:sts::123456789012:assumed-role/builder/build","accountId":"123456789012",
			"sessionContext":{"attributes":{"creationDate":"20131102T010628Z","mfaAuthenticated":"false"}}}`,
		person: Person{Type: TypeAssumedRole, Name: "build", Principal: "arn:aws-cn:iam::123456789012:role/builder", PrincipalID: "AROAEXAMPLE:build",
			AccountID: "123456789012", Role: "builder", SessionName: "build", MFA: no()},
		label: "build (builder)",
	},
	{
		name: "assumed role through web identity",
		json: `{"type":"AssumedRole","principalId":"AROAEXAMPLE:GitHubActions","arn":"arn:aws:sts::123456789012:assumed-role/deploy/GitHubActions","accountId":"123456789012","accessKeyId":"ASIAEXAMPLEGH",
			"sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::123456789012:role/deploy","accountId":"123456789012","userName":"deploy"},
			"webIdFederationData":{"federatedProvider":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com","attributes":{}},
			"attributes":{"creationDate":"2024-11-05T14:58:12Z","mfaAuthenticated":"false"}}}`,
		person: Person{Type: TypeAssumedRole, Name: "GitHubActions", Principal: "arn:aws:iam::123456789012:role/deploy", PrincipalID: "AROAEXAMPLE:GitHubActions",
			AccountID: "123456789012", AccessKeyID: "ASIAEXAMPLEGH", Role: "deploy", SessionName: "GitHubActions",
			IdentityProvider: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", MFA: no()},
		label: "GitHubActions (deploy)",
	},
	{
		name: "assumed role for an identity center user",
		json: `{"type":"AssumedRole","principalId":"AROAEXAMPLE:alice@example.com","arn":"arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/alice@example.com","accountId":"123456789012",
			"sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef"}},
			"onBehalfOf":{"userId":"544894e8-80c1-707f-60e3-3ba6510dfac1","identityStoreArn":"arn:aws:identitystore::123456789012:identitystore/d-9067642ac7"}}`,
		person: Person{Type: TypeAssumedRole, Name: "544894e8-80c1-707f-60e3-3ba6510dfac1",
			Principal:   "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef",
			PrincipalID: "AROAEXAMPLE:alice@example.com", AccountID: "123456789012", Role: "AWSReservedSSO_Admin_0123456789abcdef", SessionName: "alice@example.com",
			IdentityCenterUserID: "544894e8-80c1-707f-60e3-3ba6510dfac1", IdentityStoreARN: "arn:aws:identitystore::123456789012:identitystore/d-9067642ac7"},
		label: "544894e8-80c1-707f-60e3-3ba6510dfac1 (AWSReservedSSO_Admin_0123456789abcdef)",
	},
	{
		name:   "assumed role with malformed arn",
		json:   `{"type":"AssumedRole","principalId":"AROAEXAMPLE:sess","arn":"not-an-arn"}`,
		person: Person{Type: TypeAssumedRole, Name: "sess", Principal: "not-an-arn", PrincipalID: "AROAEXAMPLE:sess", SessionName: "sess"},
		label:  "sess (not-an-arn)",
	},
	{
		name: "role",
		json: `{"type":"Role","principalId":"AROAEXAMPLEROLEID123","arn":"arn:aws:iam::123456789012:role/service-role/cache-maintenance","accountId":"123456789012","userName":"cache-maintenance"}`,
		person: Person{Type: TypeRole, Name: "cache-maintenance", Principal: "arn:aws:iam::123456789012:role/service-role/cache-maintenance",
			PrincipalID: "AROAEXAMPLEROLEID123", AccountID: "123456789012", UserName: "cache-maintenance", Role: "cache-maintenance"},
		label: "cache-maintenance",
	},
	{
		name: "role without user name",
		json: `{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::123456789012:role/service-role/Lambda","accountId":"123456789012"}`,
		person: Person{Type: TypeRole, Principal: "arn:aws:iam::123456789012:role/service-role/Lambda", PrincipalID: "AROAEXAMPLE",
			AccountID: "123456789012", Role: "Lambda"},
		label: "arn:aws:iam::123456789012:role/service-role/Lambda",
	},
	{
		name: "federated user",
		json: `{"type":"FederatedUser","principalId":"123456789012:Bob","arn":"arn:aws:sts::123456789012:federated-user/Bob","accountId":"123456789012","accessKeyId":"ASIAEXAMPLE",
			"sessionContext":{"sessionIssuer":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","userName":"Alice"},
			"attributes":{"creationDate":"2024-11-05T15:04:05Z","mfaAuthenticated":"false"}}}`,
		person: Person{Type: TypeFederatedUser, Name: "Bob", Principal: "arn:aws:sts::123456789012:federated-user/Bob", PrincipalID: "123456789012:Bob",
			AccountID: "123456789012", AccessKeyID: "ASIAEXAMPLE", UserName: "Bob", MFA: no()},
		label: "Bob",
	},
	{
		name:   "directory",
		json:   `{"type":"Directory","principalId":"d-926708eaa2","accountId":"123456789012","userName":"ana"}`,
		person: Person{Type: TypeDirectory, Name: "ana", PrincipalID: "d-926708eaa2", AccountID: "123456789012", UserName: "ana"},
		label:  "ana",
	},
	{
		name:   "aws account",
		json:   `{"type":"AWSAccount","principalId":"AIDAEXAMPLEOTHERACCT","accountId":"111122223333","invokedBy":"AWS Internal"}`,
		person: Person{Type: TypeAWSAccount, PrincipalID: "AIDAEXAMPLEOTHERACCT", AccountID: "111122223333", InvokedBy: "AWS Internal"},
		label:  "AIDAEXAMPLEOTHERACCT",
	},
	{
		name: "aws service",
		json: `{"type":"AWSService","invokedBy":"elasticache.amazonaws.com","inScopeOf":{"sourceArn":"arn:aws:elasticache:us-east-1:123456789012:cluster:c1",
			"sourceAccount":"123456789012","issuerType":"AWS::ElastiCache::CacheCluster","credentialsIssuedTo":"arn:aws:iam::123456789012:role/svc"}}`,
		person: Person{Type: TypeAWSService, Name: "elasticache.amazonaws.com", Principal: "elasticache.amazonaws.com", InvokedBy: "elasticache.amazonaws.com"},
		label:  "elasticache.amazonaws.com",
	},
	{
		name: "identity center user",
		json: `{"type":"IdentityCenterUser","accountId":"123456789012","onBehalfOf":{"userId":"544894e8-80c1-707f-60e3-3ba6510dfac1",
			"identityStoreArn":"arn:aws:identitystore::123456789012:identitystore/d-9067642ac7"},"credentialId":"EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"}`,
		person: Person{Type: TypeIdentityCenterUser, Name: "544894e8-80c1-707f-60e3-3ba6510dfac1", AccountID: "123456789012",
			IdentityCenterUserID: "544894e8-80c1-707f-60e3-3ba6510dfac1", IdentityStoreARN: "arn:aws:identitystore::123456789012:identitystore/d-9067642ac7"},
		label: "544894e8-80c1-707f-60e3-3ba6510dfac1",
	},
	{
		name: "saml user",
		json: `{"type":"SAMLUser","principalId":"SampleUkh1i4+ExamplexL/jEvs=:SamlExample","userName":"SamlExample","identityProvider":"bdGOnTesti4+ExamplexL/jEvs="}`,
		person: Person{Type: TypeSAMLUser, Name: "SamlExample", PrincipalID: "SampleUkh1i4+ExamplexL/jEvs=:SamlExample", UserName: "SamlExample",
			IdentityProvider: "bdGOnTesti4+ExamplexL/jEvs="},
		label: "SamlExample",
	},
	{
		name: "web identity user",
		json: `{"type":"WebIdentityUser","principalId":"accounts.google.com:application-id.apps.googleusercontent.com:user-id","userName":"user-id","identityProvider":"accounts.google.com"}`,
		person: Person{Type: TypeWebIdentityUser, Name: "user-id", PrincipalID: "accounts.google.com:application-id.apps.googleusercontent.com:user-id",
			UserName: "user-id", IdentityProvider: "accounts.google.com"},
		label: "user-id",
	},
	{
		name:   "unknown",
		json:   `{"type":"Unknown","principalId":"","accountId":"123456789012","userName":""}`,
		person: Person{Type: TypeUnknown, AccountID: "123456789012"},
		label:  "123456789012",
	},
	{
		name:   "unknown with a user name",
		json:   `{"type":"Unknown","principalId":"EXAMPLE","accountId":"123456789012","userName":"dave"}`,
		person: Person{Type: TypeUnknown, Name: "dave", PrincipalID: "EXAMPLE", AccountID: "123456789012", UserName: "dave"},
		label:  "dave",
	},
	{
		name: "undocumented type",
		json: `{"type":"FutureType","principalId":"FUTUREEXAMPLE","arn":"arn:aws:iam::123456789012:future/example","accountId":"123456789012","newField":{"a":[1,2]}}`,
		person: Person{Type: "FutureType", Principal: "arn:aws:iam::123456789012:future/example", PrincipalID: "FUTUREEXAMPLE",
			AccountID: "123456789012"},
		label: "arn:aws:iam::123456789012:future/example",
	},
	{
		name:   "empty",
		json:   `{}`,
		person: Person{},
		label:  "",
	},
}

func TestPerson(t *testing.T) {
	t.Parallel()
	for _, tt := range people {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var id Identity
			require.NoError(t, json.Unmarshal([]byte(tt.json), &id))
			p := id.Person()
			if diff := cmp.Diff(tt.person, p); diff != "" {
				t.Errorf("Person() mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, tt.label, p.String())
			if !id.IsZero() {
				assert.NotEmpty(t, p.String(), "never empty for an identity holding something")
			}
			if p.Name == "" {
				assert.Equal(t, id.Actor(), p.String(), "without a name, the label is the actor")
			}
		})
	}
}

// TestPersonEveryType checks that people holds an identity of every
// documented type.
func TestPersonEveryType(t *testing.T) {
	t.Parallel()
	seen := map[Type]bool{}
	for _, tt := range people {
		seen[tt.person.Type] = true
	}
	for _, typ := range Types() {
		assert.True(t, seen[typ], "no identity of type %s", typ)
	}
}

func TestPersonNil(t *testing.T) {
	t.Parallel()
	var id *Identity
	assert.Equal(t, Person{}, id.Person())
	assert.Equal(t, "", id.Person().String())
}

// TestPersonJSON checks the members of a Person: camelCase, each present
// only when the record says so, booleans as JSON booleans.
func TestPersonJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(Person{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))

	b, err = json.Marshal(personOf(t, "assumed role with source identity, role path, EC2 delivery and assumed root"))
	require.NoError(t, err)
	assert.Equal(t, `{"type":"AssumedRole","name":"alice@example.com","principal":"arn:aws:iam::123456789012:role/ops/Admin",`+
		`"principalId":"AROAEXAMPLEID1234567:i-0abc","accountId":"123456789012","accessKeyId":"ASIAIOSFODNN7EXAMPLE","role":"Admin",`+
		`"sessionName":"i-0abc","sourceIdentity":"alice@example.com","mfa":true,"assumedRoot":false,"ec2RoleDelivery":"2.0"}`, string(b))

	p := Person{ConsoleSession: no()}
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, `{"consoleSession":false}`, string(b))
}

// An empty mfaAuthenticated or assumedRoot says nothing.
func TestPersonEmptyBools(t *testing.T) {
	t.Parallel()
	var id Identity
	require.NoError(t, json.Unmarshal([]byte(`{"type":"AssumedRole","sessionContext":{"attributes":{"mfaAuthenticated":""},"assumedRoot":""}}`), &id))
	p := id.Person()
	assert.Nil(t, p.MFA)
	assert.Nil(t, p.AssumedRoot)
}

// personOf returns the Person of the identity of people named name.
func personOf(t *testing.T, name string) Person {
	t.Helper()
	for _, tt := range people {
		if tt.name == name {
			var id Identity
			require.NoError(t, json.Unmarshal([]byte(tt.json), &id))
			return id.Person()
		}
	}
	t.Fatalf("no identity %q", name)
	return Person{}
}

func TestPersonMatch(t *testing.T) {
	t.Parallel()
	root, bob, alice := personOf(t, "root"), personOf(t, "iam user"), personOf(t, "assumed role")
	admin := personOf(t, "assumed role with source identity, role path, EC2 delivery and assumed root")
	ic, service, unknown := personOf(t, "identity center user"), personOf(t, "aws service"), personOf(t, "unknown")
	for _, tt := range []struct {
		p    Person
		s    string
		want bool
	}{
		{alice, "alice@example.com", true},                         // session name
		{alice, "ALICE", true},                                     // letter case ignored
		{alice, "CacheAdmin", true},                                // role ARN
		{alice, "arn:aws:iam::123456789012:role/CacheAdmin", true}, // role ARN, whole
		{alice, "arn:aws:sts::123456789012:assumed-role/CacheAdmin/alice@example.com", true}, // session ARN
		{alice, "AROAEXAMPLEID1234567", true},                                                // principal id
		{alice, "ASIAIOSFODNN7EXAMPLE", true},                                                // access key id
		{alice, "bob", false},
		{alice, "123456789012", true},      // in the ARN
		{admin, "alice@example.com", true}, // source identity
		{admin, "i-0abc", true},            // session name
		{admin, "ops/Admin", true},
		{bob, "bob", true},
		{bob, "user/bob", true},
		{bob, "AKIAIOSFODNN7EXAMPLE", true},
		{bob, "alice", false},
		{bob, "CacheAdmin", false},
		{root, "root", true},
		{root, ":root", true},
		{ic, "544894e8", true}, // Identity Center user id
		{ic, "d-9067642ac7", false},
		{service, "elasticache", true},
		{unknown, "123456789012", false}, // the account is not a person
		{unknown, "", true},
		{Person{}, "", true},
		{Person{}, "x", false},
	} {
		assert.Equal(t, tt.want, tt.p.Match(tt.s), "%s matching %q", tt.p, tt.s)
	}
}
