package userid

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// identities are userIdentity elements as the CloudTrail documentation
// shows them, one per type.
var identities = []struct {
	name    string
	json    string
	variant Variant
	actor   string
}{
	{
		name:    "root",
		json:    `{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333","accessKeyId":"AKIAIOSFODNN7EXAMPLE"}`,
		variant: &RootUser{ARN: "arn:aws:iam::111122223333:root", AccountID: "111122223333", AccessKeyID: "AKIAIOSFODNN7EXAMPLE"},
		actor:   "arn:aws:iam::111122223333:root",
	},
	{
		name:    "iam user",
		json:    `{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"Alice"}`,
		variant: &IAMUser{ARN: "arn:aws:iam::123456789012:user/Alice", AccountID: "123456789012", UserName: "Alice", AccessKeyID: "AKIAIOSFODNN7EXAMPLE"},
		actor:   "arn:aws:iam::123456789012:user/Alice",
	},
	{
		name: "assumed role with issuer path and MFA",
		json: `{"type":"AssumedRole","principalId":"AROAIDPPEZS35WEXAMPLE:AssumedRoleSessionName","arn":"arn:aws:sts::123456789012:assumed-role/RoleToBeAssumed/MySessionName","accountId":"123456789012","accessKeyId":"ASIAIOSFODNN7EXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAIDPPEZS35WEXAMPLE","arn":"arn:aws:iam::123456789012:role/ops/RoleToBeAssumed","accountId":"123456789012","userName":"RoleToBeAssumed"},"webIdFederationData":{},"attributes":{"creationDate":"2019-06-18T22:22:47Z","mfaAuthenticated":"true"},"sourceIdentity":"alice","ec2RoleDelivery":"2.0","assumedRoot":"false"}}`,
		variant: &AssumedRole{
			ARN: "arn:aws:sts::123456789012:assumed-role/RoleToBeAssumed/MySessionName", RoleARN: "arn:aws:iam::123456789012:role/ops/RoleToBeAssumed",
			RoleName: "RoleToBeAssumed", SessionName: "MySessionName", AccountID: "123456789012", AccessKeyID: "ASIAIOSFODNN7EXAMPLE",
			Session: Session{CreationDate: time.Date(2019, 6, 18, 22, 22, 47, 0, time.UTC), MFA: true, SourceIdentity: "alice"},
		},
		actor: "arn:aws:iam::123456789012:role/ops/RoleToBeAssumed",
	},
	{
		name: "assumed role without issuer, basic creation date, aws-cn",
		json: `{"type":"AssumedRole","principalId":"AROAEXAMPLE:build","arn":"arn:aws-cn:sts::123456789012:assumed-role/builder/build","accountId":"123456789012","sessionContext":{"attributes":{"creationDate":"20131102T010628Z","mfaAuthenticated":"false"}}}`,
		variant: &AssumedRole{
			ARN: "arn:aws-cn:sts::123456789012:assumed-role/builder/build", RoleARN: "arn:aws-cn:iam::123456789012:role/builder",
			RoleName: "builder", SessionName: "build", AccountID: "123456789012",
			Session: Session{CreationDate: time.Date(2013, 11, 2, 1, 6, 28, 0, time.UTC)},
		},
		actor: "arn:aws-cn:iam::123456789012:role/builder",
	},
	{
		name:    "assumed role with malformed arn",
		json:    `{"type":"AssumedRole","principalId":"AROAEXAMPLE:sess","arn":"not-an-arn"}`,
		variant: &AssumedRole{ARN: "not-an-arn", SessionName: "sess"},
		actor:   "not-an-arn",
	},
	{
		name:    "role",
		json:    `{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::123456789012:role/service-role/Lambda","accountId":"123456789012"}`,
		variant: &Role{ARN: "arn:aws:iam::123456789012:role/service-role/Lambda", AccountID: "123456789012", RoleName: "Lambda"},
		actor:   "arn:aws:iam::123456789012:role/service-role/Lambda",
	},
	{
		name: "federated user",
		json: `{"type":"FederatedUser","principalId":"123456789012:Bob","arn":"arn:aws:sts::123456789012:federated-user/Bob","accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","userName":"Alice"},"attributes":{"creationDate":"2024-11-05T15:04:05Z","mfaAuthenticated":"false"}}}`,
		variant: &FederatedUser{ARN: "arn:aws:sts::123456789012:federated-user/Bob", AccountID: "123456789012", Name: "Bob", IssuerARN: "arn:aws:iam::123456789012:user/Alice",
			Session: Session{CreationDate: time.Date(2024, 11, 5, 15, 4, 5, 0, time.UTC)}},
		actor: "arn:aws:sts::123456789012:federated-user/Bob",
	},
	{
		name:    "directory",
		json:    `{"type":"Directory","principalId":"d-926708eaa2","accountId":"123456789012","userName":"ana"}`,
		variant: &DirectoryUser{PrincipalID: "d-926708eaa2", AccountID: "123456789012", UserName: "ana"},
		actor:   "d-926708eaa2",
	},
	{
		name:    "aws account",
		json:    `{"type":"AWSAccount","principalId":"AIDAEXAMPLE","accountId":"111122223333","invokedBy":"elasticache.amazonaws.com"}`,
		variant: &AWSAccount{AccountID: "111122223333", PrincipalID: "AIDAEXAMPLE", InvokedBy: "elasticache.amazonaws.com"},
		actor:   "AIDAEXAMPLE",
	},
	{
		name:    "aws service in scope of",
		json:    `{"type":"AWSService","invokedBy":"elasticache.amazonaws.com","inScopeOf":{"sourceArn":"arn:aws:elasticache:us-east-1:123456789012:cluster:c1","sourceAccount":"123456789012","issuerType":"AWS::ElastiCache::CacheCluster","credentialsIssuedTo":"arn:aws:iam::123456789012:role/svc"}}`,
		variant: &AWSService{InvokedBy: "elasticache.amazonaws.com", InScopeOf: &InScopeOf{SourceARN: "arn:aws:elasticache:us-east-1:123456789012:cluster:c1", SourceAccount: "123456789012", IssuerType: "AWS::ElastiCache::CacheCluster", CredentialsIssuedTo: "arn:aws:iam::123456789012:role/svc"}},
		actor:   "elasticache.amazonaws.com",
	},
	{
		name:    "identity center user",
		json:    `{"type":"IdentityCenterUser","accountId":"123456789012","onBehalfOf":{"userId":"544894e8-80c1-707f-60e3-3ba6510dfac1","identityStoreArn":"arn:aws:identitystore::123456789012:identitystore/d-9067642ac7"},"credentialId":"EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"}`,
		variant: &IdentityCenterUser{UserID: "544894e8-80c1-707f-60e3-3ba6510dfac1", IdentityStoreARN: "arn:aws:identitystore::123456789012:identitystore/d-9067642ac7", AccountID: "123456789012", CredentialID: "EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"},
		actor:   "arn:aws:identitystore::123456789012:identitystore/d-9067642ac7/user/544894e8-80c1-707f-60e3-3ba6510dfac1",
	},
	{
		name:    "saml user",
		json:    `{"type":"SAMLUser","principalId":"SampleUkh1i4+ExamplexL/jEvs=:SamlExample","userName":"SamlExample","identityProvider":"bdGOnTesti4+ExamplexL/jEvs="}`,
		variant: &SAMLUser{UserName: "SamlExample", IdentityProvider: "bdGOnTesti4+ExamplexL/jEvs=", PrincipalID: "SampleUkh1i4+ExamplexL/jEvs=:SamlExample"},
		actor:   "bdGOnTesti4+ExamplexL/jEvs=/SamlExample",
	},
	{
		name:    "web identity user",
		json:    `{"type":"WebIdentityUser","principalId":"accounts.google.com:application-id.apps.googleusercontent.com:user-id","userName":"user-id","identityProvider":"accounts.google.com"}`,
		variant: &WebIdentityUser{UserName: "user-id", IdentityProvider: "accounts.google.com", PrincipalID: "accounts.google.com:application-id.apps.googleusercontent.com:user-id"},
		actor:   "accounts.google.com/user-id",
	},
	{
		name:    "unknown",
		json:    `{"type":"Unknown","principalId":"","accountId":"123456789012","userName":""}`,
		variant: &UnknownIdentity{AccountID: "123456789012"},
		actor:   "123456789012",
	},
	{
		name:    "undocumented type is kept",
		json:    `{"type":"FutureType","principalId":"P","arn":"arn:aws:iam::123456789012:future/x","accountId":"123456789012","newField":{"a":[1,2]}}`,
		variant: &Undocumented{Type: "FutureType", PrincipalID: "P", ARN: "arn:aws:iam::123456789012:future/x", AccountID: "123456789012"},
		actor:   "arn:aws:iam::123456789012:future/x",
	},
	{
		name:    "web identity federation data with claims and unknown members",
		json:    `{"type":"AssumedRole","principalId":"AROAEXAMPLE:web","arn":"arn:aws:sts::123456789012:assumed-role/web/web","accountId":"123456789012","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/web","extra":1},"webIdFederationData":{"federatedProvider":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com","attributes":{"sub":"repo:o/r:ref:refs/heads/main","aud":["sts.amazonaws.com"]}},"signInSessionArn":"arn:aws:signin::123456789012:session/x"},"onBehalfOf":{"userId":"u","identityStoreArn":"arn:aws:identitystore::123456789012:identitystore/d-1"},"invokedByDelegate":{"accountId":"444455556666"}}`,
		variant: &AssumedRole{ARN: "arn:aws:sts::123456789012:assumed-role/web/web", RoleARN: "arn:aws:iam::123456789012:role/web", RoleName: "web", SessionName: "web", AccountID: "123456789012"},
		actor:   "arn:aws:iam::123456789012:role/web",
	},
}

func TestVariantsAndActor(t *testing.T) {
	t.Parallel()
	for _, tt := range identities {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var id Identity
			require.NoError(t, json.Unmarshal([]byte(tt.json), &id))
			// InScopeOf's presence bits are not part of the view.
			if diff := cmp.Diff(tt.variant, id.Variant(), cmpopts.IgnoreUnexported(InScopeOf{})); diff != "" {
				t.Errorf("Variant() mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, id.Type, id.Variant().Kind())
			assert.Equal(t, tt.actor, id.Actor())
		})
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tt := range identities {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var id Identity
			require.NoError(t, id.UnmarshalJSON([]byte(tt.json)))
			out, err := id.MarshalJSON()
			require.NoError(t, err)
			assert.JSONEq(t, tt.json, string(out))
			var again Identity
			require.NoError(t, again.UnmarshalJSON(out))
			out2, _ := again.MarshalJSON()
			assert.Equal(t, string(out), string(out2), "second round is byte-identical")
		})
	}
}

func TestAttributesKeepText(t *testing.T) {
	t.Parallel()
	var id Identity
	require.NoError(t, id.UnmarshalJSON([]byte(`{"type":"AssumedRole","sessionContext":{"attributes":{"creationDate":"20131102T010628Z","mfaAuthenticated":"true"},"assumedRoot":"true"}}`)))
	a := id.SessionContext.Attributes
	assert.Equal(t, "20131102T010628Z", a.CreationDate.Raw())
	assert.Equal(t, "2013-11-02T01:06:28Z", a.CreationDate.String())
	assert.True(t, a.MFAAuthenticated.True())
	assert.Equal(t, "true", a.MFAAuthenticated.Raw())
	assert.True(t, id.SessionContext.AssumedRoot.True())
}

func TestUnknownMembersListed(t *testing.T) {
	t.Parallel()
	var id Identity
	require.NoError(t, id.UnmarshalJSON([]byte(identities[len(identities)-2].json)))
	assert.Equal(t, []string{"newField"}, id.Unknown.Names())
}

func TestZeroIdentity(t *testing.T) {
	t.Parallel()
	var id Identity
	assert.True(t, id.IsZero())
	out, err := id.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, "{}", string(out))
	assert.Equal(t, "", id.Actor())
	var nilID *Identity
	assert.Equal(t, "", nilID.Actor())
	assert.Nil(t, nilID.Variant())
}

func TestUnmarshalErrors(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		`{"type":7}`:   `userIdentity.type: want string, got number "7" at offset 8`,
		`{"type":"X",`: `userIdentity: unexpected end of input in object at offset 12`,
		`"HIDDEN"`:     `userIdentity: want an object, got string "HIDDEN" at offset 0`,
		"\x1b[2J":      `userIdentity: unexpected byte 0x1b, want a value at offset 0`,
		`{"sessionContext":{"attributes":{"creationDate":"yesterday"}}}`: `userIdentity.sessionContext.attributes.creationDate: want timestamp, got string "yesterday" at offset 48`,
	} {
		var id Identity
		err := id.UnmarshalJSON([]byte(in))
		require.Error(t, err, in)
		assert.Equal(t, want, err.Error(), in)
	}
}

func TestParseARN(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"arn:aws:iam::123456789012:role/a/b":              "aws iam  123456789012 role/a/b",
		"arn:aws-us-gov:sts::1:assumed-role/r/s":          "aws-us-gov sts  1 assumed-role/r/s",
		"arn:aws:elasticache:us-east-1:1:cluster:c:extra": "aws elasticache us-east-1 1 cluster:c:extra",
		"arn:aws:iam":      "",
		"":                 "",
		"urn:aws:iam::1:x": "",
	} {
		a, ok := ParseARN(in)
		if want == "" {
			assert.False(t, ok, in)
			continue
		}
		require.True(t, ok, in)
		assert.Equal(t, want, fmt.Sprintf("%s %s %s %s %s", a.Partition, a.Service, a.Region, a.AccountID, a.Resource))
		assert.Equal(t, in, a.String())
	}
}

// TestParseARNLikeSplitN compares ParseARN with the strings.SplitN it
// replaced, on random text made of an ARN's bytes.
func TestParseARNLikeSplitN(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		b := make([]byte, r.IntN(16))
		for i := range b {
			b[i] = "arn:x/"[r.IntN(6)]
		}
		s := string(b)
		if r.IntN(2) == 0 {
			s = "arn:" + s
		}
		var want ARN
		parts := strings.SplitN(s, ":", 6)
		wok := len(parts) == 6 && parts[0] == "arn" && parts[1] != "" && parts[2] != ""
		if wok {
			want = ARN{Partition: parts[1], Service: parts[2], Region: parts[3], AccountID: parts[4], Resource: parts[5]}
		}
		got, ok := ParseARN(s)
		require.Equal(t, wok, ok, s)
		require.Equal(t, want, got, s)
	}
}

func FuzzIdentity(f *testing.F) {
	for _, tt := range identities {
		f.Add(tt.json)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var id Identity
		if id.UnmarshalJSON([]byte(s)) != nil {
			return
		}
		_ = id.Variant()
		_ = id.Actor()
		if id.Actor() != "" && id.Person().String() == "" {
			t.Fatalf("empty label for actor %q", id.Actor())
		}
		out, err := id.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var again Identity
		if err := again.UnmarshalJSON(out); err != nil {
			t.Fatalf("re-decode: %v\n%s", err, out)
		}
		out2, _ := again.MarshalJSON()
		if string(out) != string(out2) {
			t.Fatalf("not a fixed point:\n%s\n%s", out, out2)
		}
	})
}
