package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
)

// call is one API call to render as a CloudTrail record in the current
// (eventVersion 1.08) format. req and resp are JSON text; empty means null.
type call struct {
	at       string // eventTime, RFC 3339
	source   string // eventSource
	name     string // eventName
	region   string
	who      string // userIdentity, JSON text
	ip       string
	agent    string
	req      string
	resp     string
	errCode  string
	errMsg   string
	readOnly bool
	account  string // recipientAccountId; default the caller's account
	res      string // resources, JSON text, optional
}

// render writes the record as compact JSON, members in CloudTrail's order.
// Ids derive from the call's content, so the output is reproducible.
func (c call) render() (string, error) {
	account := c.account
	if account == "" {
		var id struct {
			AccountID string `json:"accountId"`
		}
		if err := json.Unmarshal([]byte(c.who), &id); err != nil {
			return "", fmt.Errorf("%s %s: userIdentity: %w", c.at, c.name, err)
		}
		account = id.AccountID
	}
	var b bytes.Buffer
	member := func(name, raw string) {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:%s", name, raw)
	}
	str := func(name, s string) { member(name, quote(s)) }
	b.WriteByte('{')
	str("eventVersion", "1.08")
	member("userIdentity", c.who)
	str("eventTime", c.at)
	str("eventSource", c.source)
	str("eventName", c.name)
	str("awsRegion", c.region)
	str("sourceIPAddress", c.ip)
	str("userAgent", c.agent)
	if c.errCode != "" {
		str("errorCode", c.errCode)
		str("errorMessage", c.errMsg)
	}
	member("requestParameters", orNull(c.req))
	member("responseElements", orNull(c.resp))
	str("requestID", uuid("request", c.at, c.name, c.region))
	str("eventID", uuid("event", c.at, c.name, c.region))
	member("readOnly", fmt.Sprint(c.readOnly))
	if c.res != "" {
		member("resources", c.res)
	}
	str("eventType", "AwsApiCall")
	member("managementEvent", "true")
	str("recipientAccountId", account)
	str("eventCategory", "Management")
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Compact(&out, b.Bytes()); err != nil {
		return "", fmt.Errorf("%s %s: %w", c.at, c.name, err)
	}
	return out.String(), nil
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// uuid returns a version 4 style UUID derived from parts.
func uuid(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	s := h.Sum(nil)
	s[6] = s[6]&0x0f | 0x40
	s[8] = s[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}
