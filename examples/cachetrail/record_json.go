package main

import (
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/userid"
)

// appendRecord appends rec and a newline to b exactly as newEncoder's
// Encode writes it, without its walk of the fields by reflection and its
// second pass over request and response, which compacts and validates
// them: they must be compactJSON, as elasticache's encoder writes them
// when it redacts (its Redact says so), so the caller checks only output
// that is not redacted.
func appendRecord(b []byte, rec *Record) []byte {
	b = append(b, `{"source":`...)
	b = appendJSONString(b, rec.Source)
	b = append(b, `,"index":`...)
	b = strconv.AppendInt(b, int64(rec.Index), 10)
	b = append(b, `,"eventID":`...)
	b = appendJSONString(b, rec.EventID)
	b = append(b, `,"eventTime":`...)
	b = appendJSONString(b, rec.EventTime)
	b = append(b, `,"eventName":`...)
	b = appendJSONString(b, rec.EventName)
	b = append(b, `,"awsRegion":`...)
	b = appendJSONString(b, rec.AWSRegion)
	b = append(b, `,"accountId":`...)
	b = appendJSONString(b, rec.AccountID)
	b = append(b, `,"actor":`...)
	b = appendActor(b, &rec.Actor)
	b = append(b, `,"errorCode":`...)
	b = appendJSONStringPtr(b, rec.ErrorCode)
	b = append(b, `,"errorMessage":`...)
	b = appendJSONStringPtr(b, rec.ErrorMessage)
	b = append(b, `,"request":`...)
	b = appendRaw(b, rec.Request)
	b = append(b, `,"response":`...)
	b = appendRaw(b, rec.Response)
	b = append(b, `,"resources":`...)
	if rec.Resources == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, r := range rec.Resources {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"type":`...)
			b = appendJSONString(b, r.Type)
			b = append(b, `,"id":`...)
			b = appendJSONString(b, r.ID)
			b = append(b, `,"arn":`...)
			b = appendJSONString(b, r.ARN)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"unmodeled":`...)
	if rec.Unmodeled == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range rec.Unmodeled {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}
	return append(b, '}', '\n')
}

// appendActor appends p as encoding/json writes it: its members in
// order, those with empty values left out (they are all omitempty).
// TestAppendRecordLikeEncodingJSON fills every member of Person, so a
// member added to it and not here fails it.
func appendActor(b []byte, p *userid.Person) []byte {
	b = append(b, '{')
	first := len(b)
	b = appendOptString(b, first, "type", string(p.Type))
	b = appendOptString(b, first, "name", p.Name)
	b = appendOptString(b, first, "principal", p.Principal)
	b = appendOptString(b, first, "principalId", p.PrincipalID)
	b = appendOptString(b, first, "accountId", p.AccountID)
	b = appendOptString(b, first, "accessKeyId", p.AccessKeyID)
	b = appendOptString(b, first, "userName", p.UserName)
	b = appendOptString(b, first, "role", p.Role)
	b = appendOptString(b, first, "sessionName", p.SessionName)
	b = appendOptString(b, first, "sourceIdentity", p.SourceIdentity)
	b = appendOptString(b, first, "identityCenterUserId", p.IdentityCenterUserID)
	b = appendOptString(b, first, "identityStoreArn", p.IdentityStoreARN)
	b = appendOptString(b, first, "identityProvider", p.IdentityProvider)
	b = appendOptString(b, first, "invokedBy", p.InvokedBy)
	b = appendOptBool(b, first, "mfa", p.MFA)
	b = appendOptBool(b, first, "consoleSession", p.ConsoleSession)
	b = appendOptBool(b, first, "assumedRoot", p.AssumedRoot)
	b = appendOptString(b, first, "ec2RoleDelivery", p.EC2RoleDelivery)
	return append(b, '}')
}

// appendOptString appends the member name: s, after a comma unless it is
// the first of an object whose members start at first; nothing for "".
func appendOptString(b []byte, first int, name, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(appendName(b, first, name), s)
}

// appendOptBool is appendOptString for a *bool, left out when nil.
func appendOptBool(b []byte, first int, name string, v *bool) []byte {
	if v == nil {
		return b
	}
	return strconv.AppendBool(appendName(b, first, name), *v)
}

func appendName(b []byte, first int, name string) []byte {
	if len(b) > first {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':')
}

// appendRaw appends raw JSON as encoding/json writes a json.RawMessage
// that compactJSON accepts: null when empty.
func appendRaw(b, raw []byte) []byte {
	if len(raw) == 0 {
		return append(b, "null"...)
	}
	return append(b, raw...)
}

// compactJSON reports whether raw has no white space outside its strings
// (or is empty), so that encoding/json would write it unchanged.
func compactJSON(raw []byte) bool {
	inStr := false
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case !inStr && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return false
		}
	}
	return !inStr
}

func appendJSONStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *s)
}

const lowerHex = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json does without HTML
// escaping: \" \\ \b \f \n \r \t, other control bytes as \u00XX, invalid
// UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i = plainJSON(s, i); i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', lowerHex[c>>4], lowerHex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', lowerHex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainJSON returns the index of the first byte of s at or after i that
// appendJSONString does not copy as it is: a quote, a backslash, a
// control byte or a byte past ASCII. It reads 8 bytes at a time: in
// each, (v-0x01..)&^v has the high bit of the first zero byte of v set
// (a borrow may set later ones, never an earlier one).
func plainJSON(s string, i int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		q, bs := x^(ones*'"'), x^(ones*'\\')
		if m := ((q-ones)&^q | (bs-ones)&^bs | (x-ones*0x20)&^x | x) & high; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			return i
		}
	}
	return i
}
