package main

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/cachetrail/cachetrail/event"
)

// message formats err for a person: without the library's package
// prefixes, on one line, escaped like a table cell, since records and
// file names choose much of it.
func message(err error) string {
	var b strings.Builder
	writeMessage(&b, err)
	return escape(b.String())
}

func writeMessage(b *strings.Builder, err error) {
	var de *event.DecodeError
	var pe *fs.PathError
	switch e := err.(type) {
	case interface{ Unwrap() []error }:
		for i, x := range e.Unwrap() {
			if i > 0 {
				b.WriteString("; ")
			}
			writeMessage(b, x)
		}
		return
	case *event.DecodeError:
		de = e
	case *fs.PathError:
		pe = e
	}
	switch {
	case de != nil:
		b.WriteString(strings.TrimPrefix(de.Error(), "event: "))
	case pe != nil:
		// "open x: no such file or directory" says x twice over.
		b.WriteString(pe.Path + ": " + pe.Err.Error())
	case errors.As(err, &pe) && strings.HasSuffix(err.Error(), pe.Error()):
		// A path error wrapped with its own name in front.
		prefix := strings.TrimSuffix(err.Error(), pe.Error())
		if strings.TrimSuffix(prefix, ": ") != pe.Path {
			b.WriteString(prefix)
		}
		b.WriteString(pe.Path + ": " + pe.Err.Error())
	default:
		s := err.Error()
		for _, p := range []string{"event: ", "elasticache: "} {
			s = strings.TrimPrefix(s, p)
		}
		b.WriteString(s)
	}
}
