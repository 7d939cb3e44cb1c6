package wire

import "strconv"

// Layout names the form a [Time] was written in.
type Layout uint8

// The accepted forms. Forms without a zone are read as UTC.
const (
	// LayoutNone is the layout of the zero Time.
	LayoutNone Layout = iota
	// RFC3339 is "2014-12-01T22:00:35Z", with an optional fraction of up to
	// nine digits and "Z" or a "+05:30" style offset.
	RFC3339
	// ISO8601 is an ISO 8601 extended form that RFC 3339 does not allow: a
	// space for the "T" ("2019-07-03 20:14:09"), no zone
	// ("2014-12-01T22:00:35"), or an offset without a colon ("+0530", "+05").
	ISO8601
	// ISO8601Basic is the compact form "20131102T010628Z" seen in
	// userIdentity creation dates.
	ISO8601Basic
	// GsonDate is Java's medium date-time format as Gson writes it,
	// "Dec 1, 2014 10:16:06 PM" (UTC).
	GsonDate
	// GsonDateComma is the same format as newer JDKs write it, with a comma
	// after the year: "Dec 1, 2014, 10:16:06 PM". The space before AM/PM may
	// be U+202F NARROW NO-BREAK SPACE or U+00A0 NO-BREAK SPACE.
	GsonDateComma
	// JavaDateString is Java's Date.toString form,
	// "Wed Oct 23 14:36:48 UTC 2013".
	JavaDateString
	// EpochSeconds is a count of seconds since 1970-01-01T00:00:00Z.
	EpochSeconds
	// EpochMillis is a count of milliseconds since 1970-01-01T00:00:00Z.
	EpochMillis
)

var layoutNames = [...]string{
	LayoutNone:     "none",
	RFC3339:        "RFC3339",
	ISO8601:        "ISO8601",
	ISO8601Basic:   "ISO8601Basic",
	GsonDate:       "GsonDate",
	GsonDateComma:  "GsonDateComma",
	JavaDateString: "JavaDateString",
	EpochSeconds:   "EpochSeconds",
	EpochMillis:    "EpochMillis",
}

// String returns the constant's name, such as "GsonDate".
func (l Layout) String() string {
	if int(l) < len(layoutNames) {
		return layoutNames[l]
	}
	return "layout(" + strconv.Itoa(int(l)) + ")"
}
