package event

import (
	"net/netip"
	"strconv"
	"strings"
)

// SourceAddr returns sourceIPAddress as an address when it is one. It
// accepts what net/netip rejects but CloudTrail samples contain: IPv4
// octets with leading zeros ("192.0.2.01"), read as decimal. It reports
// false for service names such as "elasticache.amazonaws.com" and for
// "AWS Internal".
func (e *Event) SourceAddr() (netip.Addr, bool) {
	a, _, ok := parseAddr(e.SourceIPAddress)
	return a, ok
}

// parseAddr parses s as an IP address, leniently; canonical reports
// whether net/netip accepts s as it is.
func parseAddr(s string) (a netip.Addr, canonical, ok bool) {
	if a, err := netip.ParseAddr(s); err == nil {
		return a, true, true
	}
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return netip.Addr{}, false, false
	}
	var b [4]byte
	for i, p := range parts {
		if p == "" || len(p) > 3 {
			return netip.Addr{}, false, false
		}
		n, err := strconv.ParseUint(p, 10, 8)
		if err != nil {
			return netip.Addr{}, false, false
		}
		b[i] = byte(n)
	}
	return netip.AddrFrom4(b), false, true
}
