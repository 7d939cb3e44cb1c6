package event

import (
	"errors"
	"strconv"
	"strings"
)

// Version is a record format version, eventVersion "major.minor". Minor
// versions compare as integers: 1.10 is newer than 1.9.
type Version struct {
	Major, Minor int
}

// ParseVersion parses "1.08" or "1.11".
func ParseVersion(s string) (Version, error) {
	maj, min, ok := strings.Cut(s, ".")
	if !ok {
		return Version{}, errors.New("event: bad eventVersion " + strconv.Quote(s) + ": want major.minor")
	}
	a, err1 := strconv.ParseUint(maj, 10, 16)
	b, err2 := strconv.ParseUint(min, 10, 16)
	if err1 != nil || err2 != nil {
		return Version{}, errors.New("event: bad eventVersion " + strconv.Quote(s) + ": want major.minor")
	}
	return Version{int(a), int(b)}, nil
}

// AtLeast reports whether v is w or newer within the same major version,
// as CloudTrail advises applications to check.
func (v Version) AtLeast(w Version) bool { return v.Major == w.Major && v.Minor >= w.Minor }

// String formats v as CloudTrail does: "1.08" for minor versions below 10.
func (v Version) String() string {
	m := strconv.Itoa(v.Minor)
	if v.Minor < 10 {
		m = "0" + m
	}
	return strconv.Itoa(v.Major) + "." + m
}

// Version returns the event's parsed eventVersion; ok is false when it is
// missing or malformed.
func (e *Event) Version() (v Version, ok bool) {
	v, err := ParseVersion(e.EventVersion)
	return v, err == nil
}
