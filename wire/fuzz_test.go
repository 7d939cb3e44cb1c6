package wire

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// maxFuzzInput keeps fuzz inputs to the size of a real timestamp, with room.
const maxFuzzInput = 1 << 10

func FuzzParseTime(f *testing.F) {
	for _, tc := range goodTimes {
		f.Add(tc.in)
	}
	for _, tc := range badTimes {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzInput {
			return
		}
		got, err := ParseTime(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Input != s || !got.IsZero() {
				t.Fatalf("ParseTime(%q) = %#v, %v; want zero Time and *ParseError for the input", s, got, err)
			}
			return
		}
		checkTime(t, got)
		if got.Raw() != s || got.IsNumber() {
			t.Fatalf("ParseTime(%q): Raw() = %q, IsNumber() = %v", s, got.Raw(), got.IsNumber())
		}
		// Marshal gives the JSON string of s, which reads back to the same
		// Time and marshals to the same bytes.
		out, err := got.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var str string
		if err := json.Unmarshal(out, &str); err != nil || str != s {
			t.Fatalf("MarshalJSON() = %s, which decodes to %q, %v; want %q", out, str, err, s)
		}
		var back Time
		if err := back.UnmarshalJSON(out); err != nil {
			t.Fatalf("UnmarshalJSON(%s): %v", out, err)
		}
		if !sameTime(back, got) {
			t.Fatalf("UnmarshalJSON(%s) = %#v, want %#v", out, back, got)
		}
	})
}

func FuzzTimeUnmarshalJSON(f *testing.F) {
	for _, in := range jsonTimeInputs() {
		f.Add([]byte(in))
	}
	for _, tc := range badNumbers {
		f.Add([]byte(tc.in))
	}
	for _, in := range []string{`null`, `true`, `{}`, `"`, `"Smarch 1, 2014"`, ` "2014-12-01T22:00:35Z" `} {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > maxFuzzInput {
			return
		}
		var got Time
		if err := got.UnmarshalJSON(in); err != nil {
			if !got.IsZero() {
				t.Fatalf("UnmarshalJSON(%q) failed but changed the Time: %#v", in, got)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("UnmarshalJSON(%q): error %T, want *ParseError", in, err)
			}
			return
		}
		if got.IsZero() {
			return // null
		}
		checkTime(t, got)
		value := trimJSONSpace(in)
		if !json.Valid(value) {
			t.Fatalf("UnmarshalJSON accepted %q, which is not JSON", in)
		}
		out, err := got.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != string(value) {
			t.Fatalf("MarshalJSON() = %q, want the input %q", out, value)
		}
		// Strings agree with encoding/json on the text.
		if value[0] == '"' {
			var s string
			if err := json.Unmarshal(value, &s); err != nil || s != got.Raw() {
				t.Fatalf("Raw() = %q, encoding/json reads %q (%v)", got.Raw(), s, err)
			}
		}
		var back Time
		if err := back.UnmarshalJSON(out); err != nil || !sameTime(back, got) {
			t.Fatalf("UnmarshalJSON(MarshalJSON()) = %#v, %v; want %#v", back, err, got)
		}
	})
}

// checkTime checks what holds for every successfully read Time.
func checkTime(t *testing.T, got Time) {
	t.Helper()
	if got.IsZero() || got.Layout() == LayoutNone {
		t.Fatalf("parsed Time is zero: %#v", got)
	}
	norm := got.String()
	back, err := time.Parse(time.RFC3339Nano, norm)
	if err != nil {
		t.Fatalf("String() = %q does not parse: %v", norm, err)
	}
	if !back.Equal(got.Time()) {
		t.Fatalf("String() = %q is %v, want %v", norm, back, got.Time())
	}
	again, err := ParseTime(norm)
	if err != nil || !again.Equal(got) || again.Layout() != RFC3339 {
		t.Fatalf("ParseTime(String()) = %#v, %v; want the same instant as RFC3339", again, err)
	}
}

// sameTime reports whether a and b hold the same text, layout, instant and
// offset. == is too strict: each non-hourly offset gets its own
// *time.Location.
func sameTime(a, b Time) bool {
	_, ao := a.Time().Zone()
	_, bo := b.Time().Zone()
	return a.Raw() == b.Raw() && a.Layout() == b.Layout() && a.IsNumber() == b.IsNumber() &&
		a.Time().Equal(b.Time()) && ao == bo &&
		string(a.AppendJSON(nil)) == string(b.AppendJSON(nil))
}
