package wire_test

import (
	"encoding/json"
	"fmt"

	"github.com/cachetrail/cachetrail/wire"
)

// A timestamp in the Java form that older ElastiCache records carry reads as
// UTC and encodes back as it was written.
func ExampleTime() {
	var v struct {
		EventTime  wire.Time `json:"eventTime"`
		CreateTime wire.Time `json:"cacheClusterCreateTime"`
	}
	in := `{"eventTime":"2014-12-01T22:00:35Z","cacheClusterCreateTime":"Dec 1, 2014 10:16:06 PM"}`
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range []wire.Time{v.EventTime, v.CreateTime} {
		fmt.Println(t, t.Layout(), t.Layout() == wire.RFC3339)
	}
	fmt.Println(v.CreateTime.Time().Sub(v.EventTime.Time()))

	out, _ := json.Marshal(v)
	fmt.Println(string(out) == in)
	// Output:
	// 2014-12-01T22:00:35Z RFC3339 true
	// 2014-12-01T22:16:06Z GsonDate false
	// 15m31s
	// true
}

func ExampleParseTime() {
	for _, s := range []string{
		"Dec 1, 2014 10:16:06 PM",
		"Dec 1, 2014, 10:16:06\u202fPM",
		"20131102T010628Z",
		"Smarch 1, 2014",
	} {
		t, err := wire.ParseTime(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t, t.Layout())
	}
	// Output:
	// 2014-12-01T22:16:06Z GsonDate
	// 2014-12-01T22:16:06Z GsonDateComma
	// 2013-11-02T01:06:28Z ISO8601Basic
	// wire: cannot parse "Smarch 1, 2014" as a timestamp: unknown month
}

func ExampleParseTimeNumber() {
	for _, s := range []string{"1417471566", "1417471566123", "1453844532.5"} {
		t, err := wire.ParseTimeNumber(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t, t.Layout())
	}
	// Output:
	// 2014-12-01T22:06:06Z EpochSeconds
	// 2014-12-01T22:06:06.123Z EpochMillis
	// 2016-01-26T21:42:12.5Z EpochSeconds
}

// CloudTrail writes mfaAuthenticated as a string; some older samples write a
// JSON literal. Both read, and each encodes back as it came.
func ExampleBool() {
	var attrs []struct {
		MFAAuthenticated wire.Bool `json:"mfaAuthenticated"`
	}
	in := `[{"mfaAuthenticated":"true"},{"mfaAuthenticated":false},{}]`
	if err := json.Unmarshal([]byte(in), &attrs); err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range attrs {
		v, ok := a.MFAAuthenticated.Value()
		fmt.Println(v, ok, a.MFAAuthenticated.IsQuoted())
	}
	out, _ := json.Marshal(attrs)
	fmt.Println(string(out))
	// Output:
	// true true true
	// false true false
	// false false false
	// [{"mfaAuthenticated":"true"},{"mfaAuthenticated":false},{"mfaAuthenticated":null}]
}
