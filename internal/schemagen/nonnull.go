package schemagen

// withoutNull returns a copy of a member schema that rejects null, for list
// elements: cachetrail keeps a list holding null raw instead of decoding it.
func withoutNull(o *Object) *Object {
	c := obj()
	for _, k := range o.keys {
		val := o.vals[k]
		switch x := val.(type) {
		case []string:
			if k == "type" {
				var kept []string
				for _, t := range x {
					if t != "null" {
						kept = append(kept, t)
					}
				}
				if len(kept) == 1 {
					val = kept[0]
				} else {
					val = kept
				}
			}
		case []any:
			var kept []any
			for _, e := range x {
				switch e := e.(type) {
				case nil:
					continue
				case *Object:
					if k == "anyOf" && e.Get("type") == "null" {
						continue
					}
					kept = append(kept, withoutNull(e))
				default:
					kept = append(kept, e)
				}
			}
			val = kept
		}
		c.Set(k, val)
	}
	return c
}
