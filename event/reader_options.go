package event

import "io"

// DefaultMaxRecordBytes is the default for WithMaxRecordBytes. CloudTrail
// caps a record at about 1 MB (a larger requestParameters is dropped and
// replaced by an "omitted" marker); 16 MiB leaves room for the EventBridge
// and CloudWatch Logs envelopes that enclose a record and for other
// producers, while keeping one reader's buffer bounded.
const DefaultMaxRecordBytes int64 = 16 << 20

// DefaultMaxInputBytes is the default for WithMaxInputBytes: 16 GiB of
// decompressed input. A CloudTrail log file is a few MB and an export
// file rarely more than a few GB, so the limit only bites on corrupt or
// hostile input, such as a small gzip file that inflates without end.
const DefaultMaxInputBytes int64 = 16 << 30

// WithMaxRecordBytes bounds the size of one record, or of the item that
// encloses it (an EventBridge event, a CloudWatch Logs payload), in
// bytes; n <= 0 keeps DefaultMaxRecordBytes. A larger record is reported
// as that record's error wrapping ErrLimit, is skipped without being
// buffered, and reading goes on. Affects NewReader.
func WithMaxRecordBytes(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxRecordBytes = n
		}
	}
}

// WithMaxInputBytes bounds the input a reader consumes, counted after
// decompression; n <= 0 keeps DefaultMaxInputBytes. Going past it ends
// the stream with an error wrapping ErrLimit, after the records that fit.
// Affects NewReader.
func WithMaxInputBytes(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxInputBytes = n
		}
	}
}

// WithEventSources keeps only records whose eventSource is one of
// sources, such as "elasticache.amazonaws.com". Several calls add up.
// The reader finds the top-level eventSource by scanning the record's
// bytes and skips other records without decoding them, so skipped
// records are not checked for errors. Affects NewReader.
func WithEventSources(sources ...string) Option {
	return func(c *config) { c.sources = append(c.sources, sources...) }
}

// WithEventNames keeps only records whose eventName is one of names,
// such as "CreateCacheCluster", the same way WithEventSources does.
// Affects NewReader.
func WithEventNames(names ...string) Option {
	return func(c *config) { c.names = append(c.names, names...) }
}

// WithSourceName names the input, such as a file name or an S3 key, in
// errors and in Event.Origin. Affects Parse and NewReader.
func WithSourceName(name string) Option {
	return func(c *config) { c.origin.Source = name }
}

// WithSkipped makes the reader call f for each item it skips because it
// is not a record (see Skipped), as it meets it. Affects NewReader.
func WithSkipped(f func(Skipped)) Option {
	return func(c *config) { c.skipped = f }
}

// WithDecompressor makes the reader inflate gzip data with f instead of
// compress/gzip, such as with a faster implementation; nil keeps
// compress/gzip. Gzip input is still recognised by its magic bytes. f is
// called with the compressed stream at the start of each gzip member (a
// log file has one) and must read no byte past the member's end (a gzip
// reader given an io.ByteReader, as r is, does not), or else inflate every
// member to the end of r, as a multistream reader does. Its errors end the
// stream like corrupt gzip data (io.ErrUnexpectedEOF as a truncation), with
// the source name and the offset; the reader closes what f returns at the
// end of its member and at Close. Affects NewReader, and the gzip payloads
// of CloudWatch Logs envelopes it reads.
func WithDecompressor(f func(r io.Reader) (io.ReadCloser, error)) Option {
	return func(c *config) { c.decompress = f }
}
