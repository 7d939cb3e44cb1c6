package elasticache

// Ptr returns a pointer to v, for filling pointer fields in literals.
func Ptr[T any](v T) *T { return &v }
