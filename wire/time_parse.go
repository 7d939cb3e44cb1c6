package wire

import (
	"strconv"
	"strings"
	"sync"
	"time"
)

// ParseTime parses s, the contents of a JSON string (unquoted and
// unescaped), as a timestamp in any accepted [Layout]:
//
//	2014-12-01T22:00:35Z            RFC3339 (fraction up to 9 digits, "Z" or "+05:30")
//	2019-07-03 20:14:09             ISO8601 (space for "T", no zone, or "+0530")
//	20131102T010628Z                ISO8601Basic
//	Dec 1, 2014 10:16:06 PM         GsonDate
//	Dec 1, 2014, 10:16:06 PM        GsonDateComma (also U+202F or U+00A0 before PM)
//	Wed Oct 23 14:36:48 UTC 2013    JavaDateString (zones UTC, GMT, UT, Z, or an offset)
//	1417471566                      EpochSeconds or EpochMillis, as for ParseTimeNumber
//
// Forms without a zone, the Gson forms and epoch numbers are UTC. Month
// names are English, as a full name or abbreviated ("Sept" too), in any
// letter case; so are AM and PM. The weekday of a JavaDateString is checked
// to be a weekday name but not checked against the date. Fractions longer
// than 9 digits and leap seconds (second 60) are rejected.
//
// RFC 3339 is parsed first and fastest. The error is a [*ParseError].
func ParseTime(s string) (Time, error) {
	t, layout, reason := parseText(s)
	if reason != "" {
		return Time{}, &ParseError{Type: "timestamp", Input: s, Reason: reason}
	}
	return Time{t: t, raw: s, layout: layout}, nil
}

// ParseTimeNumber parses s, the text of a JSON number, as a time since the
// Unix epoch. The integer part decides the unit: below 100000000000 (1e11)
// it counts seconds, from 1e11 on milliseconds. 1e11 seconds is in the year
// 5138 and 1e11 milliseconds is in March 1973, so neither unit is misread
// for CloudTrail's dates.
//
// The digits are read exactly with strconv, never through float64. A
// decimal fraction is allowed (up to 9 digits for seconds, 6 for
// milliseconds), as in the "1453844532.0" that CLI output shows; an exponent
// is not. The instant must fall in the years 0 to 9999. The error is a
// [*ParseError].
func ParseTimeNumber(s string) (Time, error) {
	t, layout, reason := parseEpoch(s)
	if reason != "" {
		return Time{}, &ParseError{Type: "timestamp", Input: s, Reason: reason}
	}
	return Time{t: t, raw: s, layout: layout, number: true}, nil
}

// The reasons that parsing reports. Each is a short phrase after
// "cannot parse ... as a timestamp: ".
const (
	errEmpty          = "empty"
	errFormat         = "unknown format"
	errDate           = "bad date"
	errTime           = "bad time"
	errMissingTime    = "missing time"
	errSeparator      = "bad separator between date and time"
	errFraction       = "bad fraction"
	errZone           = "bad zone"
	errOffsetRange    = "zone offset out of range"
	errExtra          = "extra text after timestamp"
	errMonth          = "unknown month"
	errWeekday        = "unknown weekday"
	errAMPM           = "missing AM or PM"
	errMonthRange     = "month out of range"
	errDayRange       = "day out of range"
	errHourRange      = "hour out of range"
	errMinuteRange    = "minute out of range"
	errSecondRange    = "second out of range"
	errNumber         = "invalid number"
	errLeadingZero    = "number has a leading zero"
	errExponent       = "exponent not supported"
	errNumberRange    = "out of range"
	errFracTooLong    = "fraction has more than 9 digits"
	errMilliFracLong  = "fraction of milliseconds has more than 6 digits"
	errUnknownZonePre = "unknown time zone "
)

func parseText(s string) (time.Time, Layout, string) {
	if s == "" {
		return time.Time{}, 0, errEmpty
	}
	// The fast path: RFC 3339 and its ISO 8601 relatives.
	if len(s) > 4 && s[4] == '-' {
		return parseExtended(s)
	}
	c := s[0]
	switch {
	case isDigit(c) || c == '-':
		if len(s) > 8 && (s[8] == 'T' || s[8] == 't') {
			return parseBasic(s)
		}
		t, l, reason := parseEpoch(s)
		if reason == errNumber {
			reason = errFormat
		}
		return t, l, reason
	case isLetter(c):
		return parseWords(s)
	}
	return time.Time{}, 0, errFormat
}

// parseExtended reads "2006-01-02T15:04:05.999999999Z07:00" and the ISO 8601
// variants with a space for T, no zone, or an offset without colon.
func parseExtended(s string) (time.Time, Layout, string) {
	y, ok1 := num(s, 0, 4)
	mo, ok2 := num(s, 5, 2)
	d, ok3 := num(s, 8, 2)
	if !ok1 || !ok2 || !ok3 || s[7] != '-' {
		return time.Time{}, 0, errDate
	}
	if len(s) == 10 {
		return time.Time{}, 0, errMissingTime
	}
	sep := s[10]
	if sep != 'T' && sep != 't' && sep != ' ' {
		return time.Time{}, 0, errSeparator
	}
	h, ok1 := num(s, 11, 2)
	mi, ok2 := num(s, 14, 2)
	sec, ok3 := num(s, 17, 2)
	if !ok1 || !ok2 || !ok3 || s[13] != ':' || s[16] != ':' {
		return time.Time{}, 0, errTime
	}
	ns, i, reason := parseFrac(s, 19)
	if reason != "" {
		return time.Time{}, 0, reason
	}
	loc, off, zone, i, reason := parseZone(s, i)
	if reason != "" {
		return time.Time{}, 0, reason
	}
	if i != len(s) {
		return time.Time{}, 0, errExtra
	}
	t, reason := date(y, mo, d, h, mi, sec, ns, loc, off)
	layout := ISO8601
	if sep != ' ' && (zone == zoneZ || zone == zoneColon) {
		layout = RFC3339
	}
	return t, layout, reason
}

// parseBasic reads "20060102T150405Z" with an optional fraction and zone.
func parseBasic(s string) (time.Time, Layout, string) {
	y, ok1 := num(s, 0, 4)
	mo, ok2 := num(s, 4, 2)
	d, ok3 := num(s, 6, 2)
	if !ok1 || !ok2 || !ok3 {
		return time.Time{}, 0, errDate
	}
	h, ok1 := num(s, 9, 2)
	mi, ok2 := num(s, 11, 2)
	sec, ok3 := num(s, 13, 2)
	if !ok1 || !ok2 || !ok3 {
		return time.Time{}, 0, errTime
	}
	ns, i, reason := parseFrac(s, 15)
	if reason != "" {
		return time.Time{}, 0, reason
	}
	loc, off, _, i, reason := parseZone(s, i)
	if reason != "" {
		return time.Time{}, 0, reason
	}
	if i != len(s) {
		return time.Time{}, 0, errExtra
	}
	t, reason := date(y, mo, d, h, mi, sec, ns, loc, off)
	return t, ISO8601Basic, reason
}

// parseWords reads the forms that start with a month or weekday name.
func parseWords(s string) (time.Time, Layout, string) {
	w := s[:letters(s, 0)]
	if mo := monthNumber(w); mo != 0 {
		return parseGson(s, len(w), mo)
	}
	if isWeekday(w) {
		return parseJava(s, len(w))
	}
	if len(s) > len(w)+1 && s[len(w)] == ' ' && isLetter(s[len(w)+1]) {
		return time.Time{}, 0, errWeekday
	}
	return time.Time{}, 0, errMonth
}

// parseGson reads "Dec 1, 2014 10:16:06 PM" and "Dec 1, 2014, 10:16:06 PM";
// i is just past the month name.
func parseGson(s string, i int, mo int) (time.Time, Layout, string) {
	p := scanner{s: s, i: i}
	if !p.byte(' ') {
		return time.Time{}, 0, errDate
	}
	d, ok := p.digits(1, 2)
	if !ok || !p.byte(',') || !p.byte(' ') {
		return time.Time{}, 0, errDate
	}
	y, ok := p.digits(4, 4)
	if !ok {
		return time.Time{}, 0, errDate
	}
	layout := GsonDate
	if p.byte(',') {
		layout = GsonDateComma
	}
	if !p.byte(' ') {
		return time.Time{}, 0, errDate
	}
	h, ok1 := p.digits(1, 2)
	ok2 := p.byte(':')
	mi, ok3 := p.digits(2, 2)
	ok4 := p.byte(':')
	sec, ok5 := p.digits(2, 2)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
		return time.Time{}, 0, errTime
	}
	if !p.str(" ") && !p.str("\u202f") && !p.str("\u00a0") {
		if p.i == len(s) {
			return time.Time{}, 0, errAMPM
		}
		return time.Time{}, 0, errTime
	}
	var pm bool
	switch rest := s[p.i:]; {
	case strings.EqualFold(rest, "AM"):
	case strings.EqualFold(rest, "PM"):
		pm = true
	default:
		return time.Time{}, 0, errAMPM
	}
	// A 12-hour clock runs 12, 1, ..., 11: 12 AM is midnight, 12 PM noon.
	if h < 1 || h > 12 {
		return time.Time{}, 0, errHourRange
	}
	h %= 12
	if pm {
		h += 12
	}
	t, reason := date(y, mo, d, h, mi, sec, 0, time.UTC, 0)
	return t, layout, reason
}

// parseJava reads "Wed Oct 23 14:36:48 UTC 2013"; i is just past the
// weekday name.
func parseJava(s string, i int) (time.Time, Layout, string) {
	p := scanner{s: s, i: i}
	if !p.byte(' ') {
		return time.Time{}, 0, errDate
	}
	w := s[p.i : p.i+letters(s, p.i)]
	mo := monthNumber(w)
	if mo == 0 {
		return time.Time{}, 0, errMonth
	}
	p.i += len(w)
	if !p.byte(' ') {
		return time.Time{}, 0, errDate
	}
	d, ok := p.digits(1, 2)
	if !ok || !p.byte(' ') {
		return time.Time{}, 0, errDate
	}
	h, ok1 := p.digits(1, 2)
	ok2 := p.byte(':')
	mi, ok3 := p.digits(2, 2)
	ok4 := p.byte(':')
	sec, ok5 := p.digits(2, 2)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !p.byte(' ') {
		return time.Time{}, 0, errTime
	}
	end := strings.IndexByte(s[p.i:], ' ')
	if end < 0 {
		return time.Time{}, 0, errDate
	}
	loc, off, reason := javaZone(s[p.i : p.i+end])
	if reason != "" {
		return time.Time{}, 0, reason
	}
	p.i += end + 1
	y, ok := p.digits(4, 4)
	if !ok {
		return time.Time{}, 0, errDate
	}
	if p.i != len(s) {
		return time.Time{}, 0, errExtra
	}
	t, reason := date(y, mo, d, h, mi, sec, 0, loc, off)
	return t, JavaDateString, reason
}

// javaZone reads the zone of a Java date string: a UTC name or an offset,
// bare or after "GMT" or "UTC". Other names are ambiguous abbreviations.
func javaZone(z string) (*time.Location, int, string) {
	switch {
	case strings.EqualFold(z, "UTC"), strings.EqualFold(z, "GMT"),
		strings.EqualFold(z, "UT"), strings.EqualFold(z, "Z"):
		return time.UTC, 0, ""
	}
	off := z
	if len(off) > 3 && (strings.EqualFold(off[:3], "GMT") || strings.EqualFold(off[:3], "UTC")) {
		off = off[3:]
	}
	if off != "" && (off[0] == '+' || off[0] == '-') {
		loc, secs, _, i, reason := parseZone(off, 0)
		if reason == "" && i == len(off) {
			return loc, secs, ""
		}
		if reason == errOffsetRange {
			return nil, 0, reason
		}
	}
	return nil, 0, errUnknownZonePre + strconv.Quote(z)
}

// The kinds of zone parseZone finds.
const (
	zoneNone  = iota // no zone: UTC
	zoneZ            // "Z"
	zoneColon        // "+05:30"
	zoneOther        // "+0530" or "+05"
)

// parseZone reads an optional zone at s[i:]: "Z", "+hh:mm", "+hhmm" or
// "+hh". It returns the location, its offset in seconds, the kind and the
// index just past it.
func parseZone(s string, i int) (loc *time.Location, off, kind, next int, reason string) {
	if i == len(s) {
		return time.UTC, 0, zoneNone, i, ""
	}
	switch s[i] {
	case 'Z', 'z':
		return time.UTC, 0, zoneZ, i + 1, ""
	case '+', '-':
	default:
		return nil, 0, 0, i, errZone
	}
	hh, ok := num(s, i+1, 2)
	if !ok {
		return nil, 0, 0, i, errZone
	}
	j, mm := i+3, 0
	kind = zoneOther
	if j < len(s) && s[j] == ':' {
		if mm, ok = num(s, j+1, 2); !ok {
			return nil, 0, 0, i, errZone
		}
		j, kind = j+3, zoneColon
	} else if m, ok := num(s, j, 2); ok {
		j, mm = j+2, m
	}
	if hh > 23 || mm > 59 {
		return nil, 0, 0, i, errOffsetRange
	}
	off = (hh*60 + mm) * 60
	if s[i] == '-' {
		off = -off
	}
	return fixedZone(off), off, kind, j, ""
}

// fixedZones caches the locations of offsets that are not whole hours, which
// time.FixedZone would allocate on every call. It holds at most one entry
// per minute of offset, 2879 in all.
var fixedZones sync.Map // int -> *time.Location

// fixedZone returns an unnamed location for off seconds east of UTC, and
// time.UTC for 0.
func fixedZone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	if off%3600 == 0 {
		return time.FixedZone("", off) // cached by the time package
	}
	if loc, ok := fixedZones.Load(off); ok {
		return loc.(*time.Location)
	}
	loc, _ := fixedZones.LoadOrStore(off, time.FixedZone("", off))
	return loc.(*time.Location)
}

// parseFrac reads an optional ".123456789" at s[i:] as nanoseconds.
func parseFrac(s string, i int) (ns, next int, reason string) {
	if i >= len(s) || s[i] != '.' {
		return 0, i, ""
	}
	j := i + 1
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	n := j - i - 1
	switch {
	case n == 0:
		return 0, i, errFraction
	case n > 9:
		return 0, i, errFracTooLong
	}
	return fracNanos(s[i+1:j], 9), j, ""
}

// fracNanos returns the digits of a fraction scaled to width digits: "5"
// with width 9 is 500000000. len(digits) must be at most width.
func fracNanos(digits string, width int) int {
	v := 0
	for i := 0; i < width; i++ {
		v *= 10
		if i < len(digits) {
			v += int(digits[i] - '0')
		}
	}
	return v
}

// The Unix seconds of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
const (
	minUnix = -62167219200
	maxUnix = 253402300799
)

// parseEpoch reads a JSON number of epoch seconds or milliseconds.
func parseEpoch(s string) (time.Time, Layout, string) {
	i, neg := 0, false
	if s != "" && s[0] == '-' {
		i, neg = 1, true
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	whole := s[start:i]
	var frac string
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		frac, i = s[i+1:j], j
		if frac == "" {
			return time.Time{}, 0, errFraction
		}
	}
	switch {
	case whole == "":
		return time.Time{}, 0, errNumber
	case i < len(s) && (s[i] == 'e' || s[i] == 'E'):
		return time.Time{}, 0, errExponent
	case i != len(s):
		return time.Time{}, 0, errNumber
	case len(whole) > 1 && whole[0] == '0':
		return time.Time{}, 0, errLeadingZero
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return time.Time{}, 0, errNumberRange
	}
	layout := EpochSeconds
	var sec, ns int64
	if n >= 1e11 {
		layout = EpochMillis
		if len(frac) > 6 {
			return time.Time{}, 0, errMilliFracLong
		}
		sec, ns = n/1000, n%1000*1e6+int64(fracNanos(frac, 6))
	} else {
		if len(frac) > 9 {
			return time.Time{}, 0, errFracTooLong
		}
		sec, ns = n, int64(fracNanos(frac, 9))
	}
	if neg {
		sec, ns = -sec, -ns
	}
	// Both bounds are whole seconds, so a fraction only matters at the
	// lower one: -62167219200.5 is in the year -1.
	if sec < minUnix || sec > maxUnix || sec == minUnix && ns < 0 {
		return time.Time{}, 0, errNumberRange
	}
	return time.Unix(sec, ns).UTC(), layout, ""
}

// date validates the fields and builds the time.
// off is loc's offset in seconds east of UTC.
func date(y, mo, d, h, mi, sec, ns int, loc *time.Location, off int) (time.Time, string) {
	switch {
	case mo < 1 || mo > 12:
		return time.Time{}, errMonthRange
	case d < 1 || d > daysIn(mo, y):
		return time.Time{}, errDayRange
	case h > 23:
		return time.Time{}, errHourRange
	case mi > 59:
		return time.Time{}, errMinuteRange
	case sec > 59:
		return time.Time{}, errSecondRange
	}
	// time.Date is slower than this arithmetic and it matters on the fast
	// path; TestDaysFromCivil checks the two agree.
	unix := daysFromCivil(y, mo, d)*86400 + int64(h*3600+mi*60+sec-off)
	// An offset can move the first or last day of years 0 to 9999 outside
	// them in UTC, where RFC 3339 cannot write the instant.
	if unix < minUnix || unix > maxUnix {
		return time.Time{}, errNumberRange
	}
	if loc == time.UTC {
		return time.Unix(unix, int64(ns)).UTC(), ""
	}
	return time.Unix(unix, int64(ns)).In(loc), ""
}

// daysFromCivil returns the days from 1970-01-01 to the given proleptic
// Gregorian date, for years from 0 on (after Howard Hinnant's algorithm).
func daysFromCivil(y, mo, d int) int64 {
	if mo <= 2 {
		y--
	}
	y += 400 // keep y positive so that division truncates as floor does
	era := y / 400
	yoe := y - era*400                   // [0, 399]
	doy := (153*((mo+9)%12)+2)/5 + d - 1 // days since March 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era-1)*146097 + int64(doe) - 719468
}

func daysIn(mo, y int) int {
	switch mo {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

var monthNames = [12]string{
	"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
}

// monthNumber returns 1 to 12 for an English month name, full or
// abbreviated to three letters ("Sept" too), in any case; 0 otherwise. w
// holds only ASCII letters.
func monthNumber(w string) int {
	if len(w) < 3 {
		return 0
	}
	m := 0
	switch string([]byte{w[0] | 0x20, w[1] | 0x20, w[2] | 0x20}) {
	case "jan":
		m = 1
	case "feb":
		m = 2
	case "mar":
		m = 3
	case "apr":
		m = 4
	case "may":
		m = 5
	case "jun":
		m = 6
	case "jul":
		m = 7
	case "aug":
		m = 8
	case "sep":
		m = 9
	case "oct":
		m = 10
	case "nov":
		m = 11
	case "dec":
		m = 12
	default:
		return 0
	}
	if len(w) == 3 || strings.EqualFold(w, monthNames[m-1]) || m == 9 && strings.EqualFold(w, "sept") {
		return m
	}
	return 0
}

func isWeekday(w string) bool {
	for _, d := range [...]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		if strings.EqualFold(w, d) {
			return true
		}
	}
	return false
}

// num parses exactly n digits at s[i:].
func num(s string, i, n int) (int, bool) {
	if i < 0 || i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// letters returns the length of the run of ASCII letters at s[i:].
func letters(s string, i int) int {
	n := 0
	for i+n < len(s) && isLetter(s[i+n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// scanner walks a string for the word forms.
type scanner struct {
	s string
	i int
}

func (p *scanner) byte(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *scanner) str(x string) bool {
	if strings.HasPrefix(p.s[p.i:], x) {
		p.i += len(x)
		return true
	}
	return false
}

// digits reads min to max digits.
func (p *scanner) digits(min, max int) (int, bool) {
	v, n := 0, 0
	for n < max && p.i < len(p.s) && isDigit(p.s[p.i]) {
		v = v*10 + int(p.s[p.i]-'0')
		p.i++
		n++
	}
	return v, n >= min
}
