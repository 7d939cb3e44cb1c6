package userid_test

import (
	"encoding/json"
	"fmt"

	"github.com/cachetrail/cachetrail/userid"
)

const assumed = `{"type":"AssumedRole","principalId":"AROAIDPPEZS35WEXAMPLE:alice","arn":"arn:aws:sts::123456789012:assumed-role/cache-operator/alice","accountId":"123456789012","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/ops/cache-operator"},"attributes":{"creationDate":"20131102T010628Z","mfaAuthenticated":"true"}}}`

func ExampleIdentity_Variant() {
	var id userid.Identity
	if err := json.Unmarshal([]byte(assumed), &id); err != nil {
		fmt.Println(err)
		return
	}
	switch v := id.Variant().(type) {
	case *userid.AssumedRole:
		fmt.Println(v.RoleName, v.SessionName, v.MFA, v.CreationDate)
	case *userid.IAMUser:
		fmt.Println(v.UserName)
	}
	// Output:
	// cache-operator alice true 2013-11-02 01:06:28 +0000 UTC
}

func ExampleIdentity_Actor() {
	var id userid.Identity
	_ = json.Unmarshal([]byte(assumed), &id)
	fmt.Println(id.Actor())
	// Output:
	// arn:aws:iam::123456789012:role/ops/cache-operator
}

func ExampleIdentity_Person() {
	var id userid.Identity
	_ = json.Unmarshal([]byte(`{"type":"AssumedRole","principalId":"AROAEXAMPLEID1234567:alice@example.com",
		"arn":"arn:aws:sts::123456789012:assumed-role/CacheAdmin/alice@example.com","accountId":"123456789012",
		"sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/CacheAdmin"},
		"attributes":{"mfaAuthenticated":"true"}}}`), &id)
	p := id.Person()
	fmt.Println(p)
	fmt.Println(p.Name, p.Role, p.Principal, *p.MFA)
	fmt.Println(p.Match("cacheadmin"), p.Match("bob"))
	b, _ := json.Marshal(p)
	fmt.Println(string(b))
	// Output:
	// alice@example.com (CacheAdmin)
	// alice@example.com CacheAdmin arn:aws:iam::123456789012:role/CacheAdmin true
	// true false
	// {"type":"AssumedRole","name":"alice@example.com","principal":"arn:aws:iam::123456789012:role/CacheAdmin","principalId":"AROAEXAMPLEID1234567:alice@example.com","accountId":"123456789012","role":"CacheAdmin","sessionName":"alice@example.com","mfa":true}
}
