package wire

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func utc(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
	return time.Date(y, mo, d, h, mi, s, ns, time.UTC)
}

type goodTime struct {
	name   string
	in     string
	want   time.Time
	offset int // seconds east of UTC that Time().Zone() must report
	layout Layout
}

// goodTimes are accepted JSON string contents; each also seeds the fuzz
// targets.
var goodTimes = []goodTime{
	// RFC 3339, the fast path.
	{name: "rfc3339 Z", in: "2014-12-01T22:00:35Z", want: utc(2014, 12, 1, 22, 0, 35, 0), layout: RFC3339},
	{name: "rfc3339 millis", in: "2014-12-01T22:00:35.123Z", want: utc(2014, 12, 1, 22, 0, 35, 123e6), layout: RFC3339},
	{name: "rfc3339 one digit fraction", in: "2014-12-01T22:00:35.5Z", want: utc(2014, 12, 1, 22, 0, 35, 5e8), layout: RFC3339},
	{name: "rfc3339 nine digit fraction", in: "2017-03-30T07:03:49.123456789Z", want: utc(2017, 3, 30, 7, 3, 49, 123456789), layout: RFC3339},
	{name: "rfc3339 trailing zero fraction", in: "2014-12-01T22:00:35.000Z", want: utc(2014, 12, 1, 22, 0, 35, 0), layout: RFC3339},
	{name: "rfc3339 offset +05:30", in: "2014-12-01T22:00:35+05:30", want: utc(2014, 12, 1, 16, 30, 35, 0), offset: 19800, layout: RFC3339},
	{name: "rfc3339 offset -08:00", in: "2014-12-01T14:00:35-08:00", want: utc(2014, 12, 1, 22, 0, 35, 0), offset: -28800, layout: RFC3339},
	{name: "rfc3339 offset +00:00", in: "2014-12-01T22:00:35+00:00", want: utc(2014, 12, 1, 22, 0, 35, 0), layout: RFC3339},
	{name: "rfc3339 lower case t and z", in: "2014-12-01t22:00:35z", want: utc(2014, 12, 1, 22, 0, 35, 0), layout: RFC3339},
	{name: "rfc3339 leap day", in: "2016-02-29T23:59:59Z", want: utc(2016, 2, 29, 23, 59, 59, 0), layout: RFC3339},
	{name: "rfc3339 leap day 2000", in: "2000-02-29T00:00:00Z", want: utc(2000, 2, 29, 0, 0, 0, 0), layout: RFC3339},
	{name: "rfc3339 year 0", in: "0000-01-01T00:00:00Z", want: utc(0, 1, 1, 0, 0, 0, 0), layout: RFC3339},
	{name: "rfc3339 year 0 negative offset", in: "0000-01-01T00:00:00-01:00", want: utc(0, 1, 1, 1, 0, 0, 0), offset: -3600, layout: RFC3339},
	{name: "rfc3339 year 9999", in: "9999-12-31T23:59:59.999999999Z", want: utc(9999, 12, 31, 23, 59, 59, 999999999), layout: RFC3339},

	// Other ISO 8601 extended forms.
	{name: "iso space no zone", in: "2019-07-03 20:14:09", want: utc(2019, 7, 3, 20, 14, 9, 0), layout: ISO8601},
	{name: "iso space Z", in: "2019-07-03 20:14:09Z", want: utc(2019, 7, 3, 20, 14, 9, 0), layout: ISO8601},
	{name: "iso space fraction", in: "2019-07-03 20:14:09.25", want: utc(2019, 7, 3, 20, 14, 9, 25e7), layout: ISO8601},
	{name: "iso no zone", in: "2014-12-01T22:00:35", want: utc(2014, 12, 1, 22, 0, 35, 0), layout: ISO8601},
	{name: "iso offset without colon", in: "2014-12-01T22:00:35+0530", want: utc(2014, 12, 1, 16, 30, 35, 0), offset: 19800, layout: ISO8601},
	{name: "iso offset hours only", in: "2014-12-01T22:00:35-03", want: utc(2014, 12, 2, 1, 0, 35, 0), offset: -10800, layout: ISO8601},

	// ISO 8601 basic.
	{name: "basic Z", in: "20131102T010628Z", want: utc(2013, 11, 2, 1, 6, 28, 0), layout: ISO8601Basic},
	{name: "basic no zone", in: "20131102T010628", want: utc(2013, 11, 2, 1, 6, 28, 0), layout: ISO8601Basic},
	{name: "basic fraction offset", in: "20131102T010628.5+0100", want: utc(2013, 11, 2, 0, 6, 28, 5e8), offset: 3600, layout: ISO8601Basic},

	// Gson, as in the seed's cacheClusterCreateTime.
	{name: "gson seed", in: "Dec 1, 2014 10:16:06 PM", want: utc(2014, 12, 1, 22, 16, 6, 0), layout: GsonDate},
	{name: "gson 12 AM is midnight", in: "Jan 1, 2015 12:00:00 AM", want: utc(2015, 1, 1, 0, 0, 0, 0), layout: GsonDate},
	{name: "gson 12:59:59 AM", in: "Jan 1, 2015 12:59:59 AM", want: utc(2015, 1, 1, 0, 59, 59, 0), layout: GsonDate},
	{name: "gson 12 PM is noon", in: "Jan 1, 2015 12:00:00 PM", want: utc(2015, 1, 1, 12, 0, 0, 0), layout: GsonDate},
	{name: "gson 11:59:59 PM", in: "Dec 31, 2015 11:59:59 PM", want: utc(2015, 12, 31, 23, 59, 59, 0), layout: GsonDate},
	{name: "gson 1 AM single digit hour", in: "Mar 9, 2016 1:02:03 AM", want: utc(2016, 3, 9, 1, 2, 3, 0), layout: GsonDate},
	{name: "gson 1 PM", in: "Mar 9, 2016 1:02:03 PM", want: utc(2016, 3, 9, 13, 2, 3, 0), layout: GsonDate},
	{name: "gson two digit day", in: "Oct 23, 2013 02:36:48 PM", want: utc(2013, 10, 23, 14, 36, 48, 0), layout: GsonDate},
	{name: "gson leap day", in: "Feb 29, 2016 6:00:00 AM", want: utc(2016, 2, 29, 6, 0, 0, 0), layout: GsonDate},
	{name: "gson lower case", in: "dec 1, 2014 10:16:06 pm", want: utc(2014, 12, 1, 22, 16, 6, 0), layout: GsonDate},
	{name: "gson full month", in: "September 5, 2014 10:16:06 AM", want: utc(2014, 9, 5, 10, 16, 6, 0), layout: GsonDate},
	{name: "gson Sept", in: "Sept 5, 2014 10:16:06 AM", want: utc(2014, 9, 5, 10, 16, 6, 0), layout: GsonDate},
	{name: "gson no-break space", in: "Dec 1, 2014 10:16:06\u00a0PM", want: utc(2014, 12, 1, 22, 16, 6, 0), layout: GsonDate},
	{name: "gson comma", in: "Dec 1, 2014, 10:16:06 PM", want: utc(2014, 12, 1, 22, 16, 6, 0), layout: GsonDateComma},
	{name: "gson comma narrow no-break space", in: "Dec 1, 2014, 10:16:06\u202fPM", want: utc(2014, 12, 1, 22, 16, 6, 0), layout: GsonDateComma},
	{name: "gson comma no-break space", in: "Jul 4, 2023, 9:05:00\u00a0AM", want: utc(2023, 7, 4, 9, 5, 0, 0), layout: GsonDateComma},

	// Java Date.toString.
	{name: "java UTC", in: "Wed Oct 23 14:36:48 UTC 2013", want: utc(2013, 10, 23, 14, 36, 48, 0), layout: JavaDateString},
	{name: "java GMT", in: "Sat Nov 02 01:06:28 GMT 2013", want: utc(2013, 11, 2, 1, 6, 28, 0), layout: JavaDateString},
	{name: "java single digit day", in: "Sat Nov 2 01:06:28 UTC 2013", want: utc(2013, 11, 2, 1, 6, 28, 0), layout: JavaDateString},
	{name: "java GMT offset", in: "Wed Oct 23 20:06:48 GMT+05:30 2013", want: utc(2013, 10, 23, 14, 36, 48, 0), offset: 19800, layout: JavaDateString},
	{name: "java bare offset", in: "Wed Oct 23 09:36:48 -0500 2013", want: utc(2013, 10, 23, 14, 36, 48, 0), offset: -18000, layout: JavaDateString},
	{name: "java leap day", in: "Mon Feb 29 00:00:00 UTC 2016", want: utc(2016, 2, 29, 0, 0, 0, 0), layout: JavaDateString},

	// Epoch numbers written as strings.
	{name: "epoch seconds string", in: "1417471566", want: utc(2014, 12, 1, 22, 6, 6, 0), layout: EpochSeconds},
	{name: "epoch millis string", in: "1417471566123", want: utc(2014, 12, 1, 22, 6, 6, 123e6), layout: EpochMillis},
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	for _, tc := range goodTimes {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseTime(tc.in)
			require.NoError(t, err)
			assert.True(t, got.Time().Equal(tc.want), "Time() = %v, want %v", got.Time(), tc.want)
			_, off := got.Time().Zone()
			assert.Equal(t, tc.offset, off, "zone offset")
			assert.Equal(t, tc.layout, got.Layout())
			assert.Equal(t, tc.in, got.Raw())
			assert.False(t, got.IsNumber())
			assert.False(t, got.IsZero())
			assert.Equal(t, tc.want.UTC().Format(time.RFC3339Nano), got.String())
		})
	}
}

func TestParseTimeUTCLocation(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"2014-12-01T22:00:35Z", "2014-12-01T22:00:35+00:00", "2014-12-01T22:00:35", "Dec 1, 2014 10:16:06 PM"} {
		got, err := ParseTime(in)
		require.NoError(t, err)
		assert.Same(t, time.UTC, got.Time().Location(), in)
	}
}

type goodNumber struct {
	name   string
	in     string
	want   time.Time
	layout Layout
}

var goodNumbers = []goodNumber{
	{name: "seconds", in: "1417471566", want: utc(2014, 12, 1, 22, 6, 6, 0), layout: EpochSeconds},
	{name: "seconds zero", in: "0", want: utc(1970, 1, 1, 0, 0, 0, 0), layout: EpochSeconds},
	{name: "seconds negative zero", in: "-0", want: utc(1970, 1, 1, 0, 0, 0, 0), layout: EpochSeconds},
	{name: "seconds fraction", in: "1453844532.0", want: utc(2016, 1, 26, 21, 42, 12, 0), layout: EpochSeconds},
	{name: "seconds nine digit fraction", in: "1453844532.123456789", want: utc(2016, 1, 26, 21, 42, 12, 123456789), layout: EpochSeconds},
	{name: "seconds negative fraction", in: "-1.5", want: utc(1969, 12, 31, 23, 59, 58, 5e8), layout: EpochSeconds},
	{name: "seconds largest", in: "99999999999", want: time.Unix(99999999999, 0).UTC(), layout: EpochSeconds},
	{name: "seconds year 0", in: "-62167219200", want: utc(0, 1, 1, 0, 0, 0, 0), layout: EpochSeconds},
	{name: "millis smallest", in: "100000000000", want: utc(1973, 3, 3, 9, 46, 40, 0), layout: EpochMillis},
	{name: "millis", in: "1417471566123", want: utc(2014, 12, 1, 22, 6, 6, 123e6), layout: EpochMillis},
	{name: "millis fraction", in: "1417471566123.456789", want: utc(2014, 12, 1, 22, 6, 6, 123456789), layout: EpochMillis},
	{name: "millis year 9999", in: "253402300799999", want: utc(9999, 12, 31, 23, 59, 59, 999e6), layout: EpochMillis},
	{name: "millis negative", in: "-100000000000", want: time.UnixMilli(-1e11).UTC(), layout: EpochMillis},
}

func TestParseTimeNumber(t *testing.T) {
	t.Parallel()
	for _, tc := range goodNumbers {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseTimeNumber(tc.in)
			require.NoError(t, err)
			assert.True(t, got.Time().Equal(tc.want), "Time() = %v, want %v", got.Time(), tc.want)
			assert.Same(t, time.UTC, got.Time().Location())
			assert.Equal(t, tc.layout, got.Layout())
			assert.Equal(t, tc.in, got.Raw())
			assert.True(t, got.IsNumber())
		})
	}
}

type badTime struct {
	name string
	in   string
	want string
}

var badTimes = []badTime{
	{name: "empty", in: "", want: `wire: cannot parse "" as a timestamp: empty`},
	{name: "unknown month", in: "Smarch 1, 2014", want: `wire: cannot parse "Smarch 1, 2014" as a timestamp: unknown month`},
	{name: "month prefix", in: "Junk 1, 2014 10:16:06 PM", want: `wire: cannot parse "Junk 1, 2014 10:16:06 PM" as a timestamp: unknown month`},
	{name: "two letter month", in: "Ja 1, 2014 10:16:06 PM", want: `wire: cannot parse "Ja 1, 2014 10:16:06 PM" as a timestamp: unknown month`},
	{name: "unknown weekday", in: "Xyz Oct 23 14:36:48 UTC 2013", want: `wire: cannot parse "Xyz Oct 23 14:36:48 UTC 2013" as a timestamp: unknown weekday`},
	{name: "java unknown month", in: "Wed Smarch 23 14:36:48 UTC 2013", want: `wire: cannot parse "Wed Smarch 23 14:36:48 UTC 2013" as a timestamp: unknown month`},
	{name: "java zone abbreviation", in: "Wed Oct 23 14:36:48 PDT 2013", want: `wire: cannot parse "Wed Oct 23 14:36:48 PDT 2013" as a timestamp: unknown time zone "PDT"`},
	{name: "java offset out of range", in: "Wed Oct 23 14:36:48 GMT+24:00 2013", want: `wire: cannot parse "Wed Oct 23 14:36:48 GMT+24:00 2013" as a timestamp: zone offset out of range`},
	{name: "java no year", in: "Wed Oct 23 14:36:48 UTC", want: `wire: cannot parse "Wed Oct 23 14:36:48 UTC" as a timestamp: bad date`},
	{name: "punctuation", in: "@2014", want: `wire: cannot parse "@2014" as a timestamp: unknown format`},
	{name: "slashes", in: "12/01/2014", want: `wire: cannot parse "12/01/2014" as a timestamp: unknown format`},
	{name: "leading space", in: " 2014-12-01T22:00:35Z", want: `wire: cannot parse " 2014-12-01T22:00:35Z" as a timestamp: unknown format`},
	{name: "date only", in: "2014-12-01", want: `wire: cannot parse "2014-12-01" as a timestamp: missing time`},
	{name: "bad date", in: "2014-1-01T22:00:35Z", want: `wire: cannot parse "2014-1-01T22:00:35Z" as a timestamp: bad date`},
	{name: "bad separator", in: "2014-12-01_22:00:35Z", want: `wire: cannot parse "2014-12-01_22:00:35Z" as a timestamp: bad separator between date and time`},
	{name: "no seconds", in: "2014-12-01T22:00Z", want: `wire: cannot parse "2014-12-01T22:00Z" as a timestamp: bad time`},
	{name: "month 13", in: "2014-13-01T22:00:35Z", want: `wire: cannot parse "2014-13-01T22:00:35Z" as a timestamp: month out of range`},
	{name: "month 0", in: "2014-00-01T22:00:35Z", want: `wire: cannot parse "2014-00-01T22:00:35Z" as a timestamp: month out of range`},
	{name: "day 0", in: "2014-12-00T22:00:35Z", want: `wire: cannot parse "2014-12-00T22:00:35Z" as a timestamp: day out of range`},
	{name: "not a leap day", in: "2015-02-29T22:00:35Z", want: `wire: cannot parse "2015-02-29T22:00:35Z" as a timestamp: day out of range`},
	{name: "not a leap day 1900", in: "1900-02-29T22:00:35Z", want: `wire: cannot parse "1900-02-29T22:00:35Z" as a timestamp: day out of range`},
	{name: "April 31", in: "2014-04-31T22:00:35Z", want: `wire: cannot parse "2014-04-31T22:00:35Z" as a timestamp: day out of range`},
	{name: "hour 24", in: "2014-12-01T24:00:00Z", want: `wire: cannot parse "2014-12-01T24:00:00Z" as a timestamp: hour out of range`},
	{name: "minute 60", in: "2014-12-01T22:60:00Z", want: `wire: cannot parse "2014-12-01T22:60:00Z" as a timestamp: minute out of range`},
	{name: "leap second", in: "2016-12-31T23:59:60Z", want: `wire: cannot parse "2016-12-31T23:59:60Z" as a timestamp: second out of range`},
	{name: "empty fraction", in: "2014-12-01T22:00:35.Z", want: `wire: cannot parse "2014-12-01T22:00:35.Z" as a timestamp: bad fraction`},
	{name: "ten digit fraction", in: "2014-12-01T22:00:35.1234567890Z", want: `wire: cannot parse "2014-12-01T22:00:35.1234567890Z" as a timestamp: fraction has more than 9 digits`},
	{name: "zone name", in: "2014-12-01T22:00:35 UTC", want: `wire: cannot parse "2014-12-01T22:00:35 UTC" as a timestamp: bad zone`},
	{name: "offset half", in: "2014-12-01T22:00:35+05:3", want: `wire: cannot parse "2014-12-01T22:00:35+05:3" as a timestamp: bad zone`},
	{name: "offset hour 24", in: "2014-12-01T22:00:35+24:00", want: `wire: cannot parse "2014-12-01T22:00:35+24:00" as a timestamp: zone offset out of range`},
	{name: "offset minute 60", in: "2014-12-01T22:00:35+05:60", want: `wire: cannot parse "2014-12-01T22:00:35+05:60" as a timestamp: zone offset out of range`},
	{name: "trailing text", in: "2014-12-01T22:00:35Zabc", want: `wire: cannot parse "2014-12-01T22:00:35Zabc" as a timestamp: extra text after timestamp`},
	{name: "trailing space", in: "2014-12-01T22:00:35Z ", want: `wire: cannot parse "2014-12-01T22:00:35Z " as a timestamp: extra text after timestamp`},
	{name: "basic bad time", in: "20131102T0106Z", want: `wire: cannot parse "20131102T0106Z" as a timestamp: bad time`},
	{name: "basic month 13", in: "20131302T010628Z", want: `wire: cannot parse "20131302T010628Z" as a timestamp: month out of range`},
	{name: "gson 13 PM", in: "Dec 1, 2014 13:16:06 PM", want: `wire: cannot parse "Dec 1, 2014 13:16:06 PM" as a timestamp: hour out of range`},
	{name: "gson 0 AM", in: "Dec 1, 2014 0:16:06 AM", want: `wire: cannot parse "Dec 1, 2014 0:16:06 AM" as a timestamp: hour out of range`},
	{name: "gson no AM/PM", in: "Dec 1, 2014 10:16:06", want: `wire: cannot parse "Dec 1, 2014 10:16:06" as a timestamp: missing AM or PM`},
	{name: "gson bad marker", in: "Dec 1, 2014 10:16:06 XM", want: `wire: cannot parse "Dec 1, 2014 10:16:06 XM" as a timestamp: missing AM or PM`},
	{name: "gson Dec 32", in: "Dec 32, 2014 10:16:06 PM", want: `wire: cannot parse "Dec 32, 2014 10:16:06 PM" as a timestamp: day out of range`},
	{name: "gson Feb 29 2015", in: "Feb 29, 2015 10:16:06 PM", want: `wire: cannot parse "Feb 29, 2015 10:16:06 PM" as a timestamp: day out of range`},
	{name: "gson no comma", in: "Dec 1 2014 10:16:06 PM", want: `wire: cannot parse "Dec 1 2014 10:16:06 PM" as a timestamp: bad date`},
	{name: "gson two digit year", in: "Dec 1, 14 10:16:06 PM", want: `wire: cannot parse "Dec 1, 14 10:16:06 PM" as a timestamp: bad date`},
	{name: "gson other space", in: "Dec 1, 2014 10:16:06\u2009PM", want: `wire: cannot parse "Dec 1, 2014 10:16:06\u2009PM" as a timestamp: bad time`},
	{name: "year 0 moved to year -1 by offset", in: "0000-01-01 00:00:00+0001", want: `wire: cannot parse "0000-01-01 00:00:00+0001" as a timestamp: out of range`},
	{name: "year 9999 moved to 10000 by offset", in: "9999-12-31T23:59:59-00:01", want: `wire: cannot parse "9999-12-31T23:59:59-00:01" as a timestamp: out of range`},
	{name: "epoch string exponent", in: "1.4e9", want: `wire: cannot parse "1.4e9" as a timestamp: exponent not supported`},
	{name: "epoch string out of range", in: "99999999999999999999", want: `wire: cannot parse "99999999999999999999" as a timestamp: out of range`},
}

func TestParseTimeErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range badTimes {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseTime(tc.in)
			require.Error(t, err)
			assert.EqualError(t, err, tc.want)
			assert.True(t, got.IsZero())
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "timestamp", pe.Type)
			assert.Equal(t, tc.in, pe.Input)
		})
	}
}

var badNumbers = []badTime{
	{name: "empty", in: "", want: `wire: cannot parse "" as a timestamp: invalid number`},
	{name: "minus only", in: "-", want: `wire: cannot parse "-" as a timestamp: invalid number`},
	{name: "exponent", in: "1.4178e9", want: `wire: cannot parse "1.4178e9" as a timestamp: exponent not supported`},
	{name: "upper exponent", in: "14E8", want: `wire: cannot parse "14E8" as a timestamp: exponent not supported`},
	{name: "leading zero", in: "01417471566", want: `wire: cannot parse "01417471566" as a timestamp: number has a leading zero`},
	{name: "plus sign", in: "+1417471566", want: `wire: cannot parse "+1417471566" as a timestamp: invalid number`},
	{name: "empty fraction", in: "1417471566.", want: `wire: cannot parse "1417471566." as a timestamp: bad fraction`},
	{name: "no integer part", in: ".5", want: `wire: cannot parse ".5" as a timestamp: invalid number`},
	{name: "ten digit fraction", in: "1417471566.1234567890", want: `wire: cannot parse "1417471566.1234567890" as a timestamp: fraction has more than 9 digits`},
	{name: "seven digit millis fraction", in: "1417471566123.1234567", want: `wire: cannot parse "1417471566123.1234567" as a timestamp: fraction of milliseconds has more than 6 digits`},
	{name: "overflows int64", in: "9223372036854775808", want: `wire: cannot parse "9223372036854775808" as a timestamp: out of range`},
	{name: "after year 9999", in: "253402300800000", want: `wire: cannot parse "253402300800000" as a timestamp: out of range`},
	{name: "before year 0", in: "-62167219201", want: `wire: cannot parse "-62167219201" as a timestamp: out of range`},
	{name: "before year 0 by a fraction", in: "-62167219200.5", want: `wire: cannot parse "-62167219200.5" as a timestamp: out of range`},
	{name: "text", in: "12abc", want: `wire: cannot parse "12abc" as a timestamp: invalid number`},
}

func TestParseTimeNumberErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range badNumbers {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseTimeNumber(tc.in)
			assert.EqualError(t, err, tc.want)
		})
	}
}

// jsonTimeInputs are JSON texts UnmarshalJSON accepts; MarshalJSON must give
// each back byte for byte.
func jsonTimeInputs() []string {
	var in []string
	for _, tc := range goodTimes {
		in = append(in, string(appendQuoted(nil, tc.in)))
	}
	for _, tc := range goodNumbers {
		in = append(in, tc.in)
	}
	return append(in,
		`"\u0032014-12-01T22:00:35Z"`,     // an escape must survive
		`"Dec 1, 2014, 10:16:06\u202fPM"`, // the escaped form of U+202F
		`"Dec 1, 2014, 10:16:06\u202FPM"`, // upper-case hex too
		`"2014\u002d12-01T22:00:35Z"`,     // an escaped hyphen
	)
}

func TestTimeJSONRoundTrip(t *testing.T) {
	t.Parallel()
	for _, in := range jsonTimeInputs() {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			var got Time
			require.NoError(t, json.Unmarshal([]byte(in), &got))
			out, err := json.Marshal(got)
			require.NoError(t, err)
			assert.Equal(t, in, string(out))
			assert.Equal(t, in, string(got.AppendJSON(nil)))
			assert.Equal(t, in[0] != '"', got.IsNumber())
		})
	}
}

func TestTimeUnmarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    time.Time
		raw     string
		wantErr string
	}{
		{name: "string", in: `"Dec 1, 2014 10:16:06 PM"`, want: utc(2014, 12, 1, 22, 16, 6, 0), raw: "Dec 1, 2014 10:16:06 PM"},
		{name: "escaped string", in: `"Dec 1, 2014, 10:16:06\u202fPM"`, want: utc(2014, 12, 1, 22, 16, 6, 0), raw: "Dec 1, 2014, 10:16:06\u202fPM"},
		{name: "number", in: `1417471566`, want: utc(2014, 12, 1, 22, 6, 6, 0), raw: "1417471566"},
		{name: "whitespace", in: " \t\"2014-12-01T22:00:35Z\"\n", want: utc(2014, 12, 1, 22, 0, 35, 0), raw: "2014-12-01T22:00:35Z"},
		{name: "bad string", in: `"Smarch 1, 2014"`, wantErr: `wire: cannot parse "Smarch 1, 2014" as a timestamp: unknown month`},
		{name: "bad number", in: `1.4e9`, wantErr: `wire: cannot parse "1.4e9" as a timestamp: exponent not supported`},
		{name: "true", in: `true`, wantErr: `wire: cannot parse "true" as a timestamp: not a JSON string or number`},
		{name: "object", in: `{}`, wantErr: `wire: cannot parse "{}" as a timestamp: not a JSON string or number`},
		{name: "empty", in: ``, wantErr: `wire: cannot parse "" as a timestamp: empty JSON value`},
		{name: "unterminated", in: `"2014`, wantErr: `wire: cannot parse "\"2014" as a timestamp: invalid JSON string`},
		{name: "bad escape", in: `"2014\x"`, wantErr: `wire: cannot parse "\"2014\\x\"" as a timestamp: invalid JSON string`},
		{name: "raw quote inside", in: `"20"14"`, wantErr: `wire: cannot parse "\"20\"14\"" as a timestamp: invalid JSON string`},
		{name: "control character", in: "\"2014-12-01T22:00:35Z\t\"", wantErr: `wire: cannot parse "\"2014-12-01T22:00:35Z\t\"" as a timestamp: invalid JSON string`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			before := TimeOf(utc(2001, 2, 3, 4, 5, 6, 0))
			got := before
			err := got.UnmarshalJSON([]byte(tc.in))
			if tc.wantErr != "" {
				assert.EqualError(t, err, tc.wantErr)
				assert.Equal(t, before, got, "an error must leave the Time unchanged")
				return
			}
			require.NoError(t, err)
			assert.True(t, got.Time().Equal(tc.want), "Time() = %v, want %v", got.Time(), tc.want)
			assert.Equal(t, tc.raw, got.Raw())
		})
	}
}

func TestTimeNull(t *testing.T) {
	t.Parallel()
	var zero Time
	out, err := json.Marshal(zero)
	require.NoError(t, err)
	assert.Equal(t, "null", string(out))
	assert.Equal(t, "null", string(zero.AppendJSON(nil)))

	var v struct{ T Time }
	require.NoError(t, json.Unmarshal([]byte(`{"T":null}`), &v))
	assert.True(t, v.T.IsZero())

	got := TimeOf(utc(2014, 12, 1, 22, 0, 35, 0))
	require.NoError(t, got.UnmarshalJSON([]byte("null")))
	assert.Equal(t, "2014-12-01T22:00:35Z", got.Raw(), "null leaves the value unchanged, as encoding/json does")
}

func TestTimeZero(t *testing.T) {
	t.Parallel()
	var z Time
	assert.True(t, z.IsZero())
	assert.True(t, z.Time().IsZero())
	assert.Equal(t, "", z.Raw())
	assert.Equal(t, "", z.String())
	assert.Equal(t, LayoutNone, z.Layout())
	assert.False(t, z.IsNumber())
	assert.True(t, z.Equal(Time{}))
	assert.Equal(t, z, TimeOf(time.Time{}))
}

func TestTimeOf(t *testing.T) {
	t.Parallel()
	in := time.Date(2014, 12, 1, 23, 30, 35, 120000000, time.FixedZone("X", 3600))
	got := TimeOf(in)
	assert.Equal(t, "2014-12-01T22:30:35.12Z", got.Raw())
	assert.Equal(t, RFC3339, got.Layout())
	assert.Same(t, time.UTC, got.Time().Location())
	assert.True(t, got.Time().Equal(in))
	out, err := got.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `"2014-12-01T22:30:35.12Z"`, string(out))

	back, err := ParseTime(got.Raw())
	require.NoError(t, err)
	assert.Equal(t, got, back, "TimeOf must agree with ParseTime of its own text")

	mono := TimeOf(time.Now())
	assert.Equal(t, mono.Time(), mono.Time().Round(0), "TimeOf strips the monotonic reading")
}

func TestTimeEqual(t *testing.T) {
	t.Parallel()
	a, err := ParseTime("Dec 1, 2014 10:16:06 PM")
	require.NoError(t, err)
	b, err := ParseTime("2014-12-02T03:46:06+05:30")
	require.NoError(t, err)
	c, err := ParseTime("2014-12-01T22:16:07Z")
	require.NoError(t, err)

	assert.True(t, a.Equal(b))
	assert.False(t, a.Equal(c))
	assert.False(t, a.Equal(Time{}))
	assert.False(t, Time{}.Equal(a))
	// go-cmp uses Equal, so only Raw tells the two apart.
	assert.True(t, cmp.Equal(a, b))
	assert.NotEqual(t, a.Raw(), b.Raw())
}

func TestLayoutString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		l    Layout
		want string
	}{
		{LayoutNone, "none"},
		{RFC3339, "RFC3339"},
		{ISO8601, "ISO8601"},
		{ISO8601Basic, "ISO8601Basic"},
		{GsonDate, "GsonDate"},
		{GsonDateComma, "GsonDateComma"},
		{JavaDateString, "JavaDateString"},
		{EpochSeconds, "EpochSeconds"},
		{EpochMillis, "EpochMillis"},
		{Layout(200), "layout(200)"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.l.String())
	}
}

// TestParseTimeAgreesWithTimePackage checks the hand-written RFC 3339 path
// against time.Parse on inputs both accept.
func TestParseTimeAgreesWithTimePackage(t *testing.T) {
	t.Parallel()
	for _, tc := range goodTimes {
		if tc.layout != RFC3339 || strings.ContainsAny(tc.in, "tz") {
			continue
		}
		want, err := time.Parse(time.RFC3339Nano, tc.in)
		require.NoError(t, err, tc.in)
		got, err := ParseTime(tc.in)
		require.NoError(t, err, tc.in)
		assert.True(t, want.Equal(got.Time()), tc.in)
		_, wo := want.Zone()
		_, go_ := got.Time().Zone()
		assert.Equal(t, wo, go_, tc.in)
	}
}

func BenchmarkParseTime(b *testing.B) {
	for _, in := range []string{"2014-12-01T22:00:35Z", "2017-03-30T07:03:49.555+05:30", "Dec 1, 2014 10:16:06 PM", "Wed Oct 23 14:36:48 UTC 2013"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseTime(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("time.Parse/2014-12-01T22:00:35Z", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := time.Parse(time.RFC3339Nano, "2014-12-01T22:00:35Z"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkTimeUnmarshalJSON(b *testing.B) {
	in := []byte(`"2014-12-01T22:00:35Z"`)
	b.ReportAllocs()
	var t Time
	for b.Loop() {
		if err := t.UnmarshalJSON(in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDaysFromCivil checks the date arithmetic of the fast path against
// time.Date on every day of the years 0 to 9999.
func TestDaysFromCivil(t *testing.T) {
	t.Parallel()
	want := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
	for d := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 10000; d = d.AddDate(0, 0, 1) {
		if got := daysFromCivil(d.Year(), int(d.Month()), d.Day()); got != want {
			t.Fatalf("daysFromCivil(%v) = %d, want %d", d.Format(time.DateOnly), got, want)
		}
		want++
	}
}

func TestFixedZoneShared(t *testing.T) {
	t.Parallel()
	a, err := ParseTime("2014-12-01T22:00:35+05:30")
	require.NoError(t, err)
	b, err := ParseTime("Wed Oct 23 20:06:48 GMT+05:30 2013")
	require.NoError(t, err)
	assert.Same(t, a.Time().Location(), b.Time().Location())
	name, off := a.Time().Zone()
	assert.Equal(t, "", name)
	assert.Equal(t, 19800, off)
}
