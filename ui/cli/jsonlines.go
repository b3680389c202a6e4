package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// jsonLines writes one JSON object per line, the single encoder behind
// every --json output. Beyond what encoding/json escapes (C0, U+2028,
// U+2029, invalid UTF-8 made U+FFFD), it writes as \uXXXX escapes DEL, the
// C1 controls (U+0085 included, which Unicode-aware line splitters such as
// Python's splitlines take for a line end) and every bidi control, so that
// a line of output neither moves text nor breaks when a terminal or a
// consumer reads it.
type jsonLines struct {
	w   io.Writer
	buf bytes.Buffer
	out []byte
	enc *json.Encoder
}

func newJSONLines(w io.Writer) *jsonLines {
	j := &jsonLines{w: w}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	return j
}

// Encode writes v as one line of JSON.
func (j *jsonLines) Encode(v any) error {
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		return err
	}
	j.out = appendJSONEscaped(j.out[:0], j.buf.Bytes())
	_, err := j.w.Write(j.out)
	return err
}

// appendJSONEscaped appends encoded JSON to dst with every rune
// jsonEscaped reports written as a \uXXXX escape. Such runes are never
// JSON syntax, so they can only stand inside a string, where the escape
// means the same.
func appendJSONEscaped(dst, encoded []byte) []byte {
	for len(encoded) > 0 {
		r, n := utf8.DecodeRune(encoded)
		if jsonEscaped(r) {
			dst = fmt.Appendf(dst, `\u%04x`, r)
		} else {
			dst = append(dst, encoded[:n]...)
		}
		encoded = encoded[n:]
	}
	return dst
}

// jsonEscaped reports whether r is written escaped in --json output: the
// C0 controls but the line end that closes each object, DEL, the C1
// controls, the line and paragraph separators, and the bidi controls
// (ALM U+061C, LRM/RLM U+200E–U+200F, the embeddings and overrides
// U+202A–U+202E, the isolates U+2066–U+2069; Unicode's Bidi_Control
// property).
func jsonEscaped(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\n'
	case r >= 0x7f && r <= 0x9f:
		return true
	}
	switch r {
	case '\u061c', '\u200e', '\u200f', '\u2028', '\u2029':
		return true
	}
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
