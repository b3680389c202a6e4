package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sahifa/corpus/collection"
	"unicode/utf8"
	"unsafe"

	"sahifa/bidi"
	"sahifa/ui/lang"
)

// render implements `sahifa render`: each input line is one paragraph,
// printed as the screen lines bidi.Paragraph makes of it, so that Arabic
// reads right through any pager.
func render(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("render", stderr,
		"usage: sahifa render [-w N] [--dir auto|rtl|ltr] [--pad] [--no-shape] [--bidi app|terminal] [FILE...]",
		"Prints each line of the files (standard input without files) as terminal lines in visual order.",
	)
	width := fs.Int("w", 0, "wrap to `N` cells (0: no wrapping)")
	dir := fs.String("dir", "auto", "paragraph direction: auto (first strong letter), rtl or ltr")
	pad := fs.Bool("pad", false, "right-align right-to-left lines to the width")
	noShape := fs.Bool("no-shape", false, "do not join Arabic letters")
	strip := fs.Bool("strip-tashkeel", false, "drop harakat")
	mode := fs.String("bidi", "app", "app: reorder and shape here; terminal: keep logical order for a terminal that reorders")
	if status, done := parseFlags(fs, args); done {
		return status
	}
	opt := bidi.Options{Width: *width, Pad: *pad, NoShape: *noShape, StripTashkeel: *strip}
	switch *dir {
	case "auto":
	case "rtl":
		opt.Dir = bidi.RTL
	case "ltr":
		opt.Dir = bidi.LTR
	default:
		fs.say("--dir must be auto, rtl or ltr, not %q", *dir)
		return 2
	}
	switch *mode {
	case "app":
	case "terminal":
		opt.Logical = true
	default:
		fs.say("--bidi must be app or terminal, not %q", *mode)
		return 2
	}
	if *width < 0 {
		fs.say("-w must not be negative")
		return 2
	}

	status := 0
	fail := func(err error) {
		fs.fail(err)
		status = 1
	}
	lr := lineRenderer{opt: opt, w: stdout, stderr: stderr, tr: fs.tr}
	if fs.NArg() == 0 {
		if err := lr.render(stdin, fs.tr.Text("standard input")); err != nil {
			fail(err)
		}
	}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err == nil {
			err = lr.render(f, name)
			f.Close()
		}
		if err != nil {
			fail(err)
		}
	}
	if err := lr.flush(); err != nil {
		fail(err)
		return 1
	}
	return status
}

// renderLineLimit is the longest line render lays out as one paragraph.
// Laying out takes about 22 bytes of memory per byte of a paragraph (15
// for Arabic prose: bidi's BenchmarkLong), so a longer line is laid out
// in pieces of at most this size (cut after a space where there is one in
// the piece's second half): memory stays bounded whatever the input,
// /dev/zero included. It is the articles' longest paragraph, so that
// render shows a long line as the reader does; the longest SaudiNewsNet
// paragraph is 36 KB.
const renderLineLimit = collection.MaxParagraphSize

// lineRenderer renders lines to w, through one output buffer that it
// reuses, so that a line costs no allocation once the buffers have grown.
type lineRenderer struct {
	bidi   bidi.Renderer
	opt    bidi.Options
	w      io.Writer
	stderr io.Writer
	tr     *lang.Printer // the language of messages; nil is English
	out    []byte        // rendered lines not yet written to w
	long   []byte        // the start of a line longer than the reader's buffer
	err    error         // the first error writing to w
	limit  int           // renderLineLimit; smaller in fuzzing, to reach the pieces with small inputs
}

func (lr *lineRenderer) render(r io.Reader, name string) error {
	if lr.limit == 0 {
		lr.limit = renderLineLimit
	}
	in := bufio.NewReaderSize(r, min(64<<10, lr.limit))
	number := 0     // of the line being read
	warned := false // about the line being read
	for {
		chunk, err := in.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A line longer than the buffer: gather it up to the limit,
			// and lay out a piece each time the limit is reached.
			lr.long = append(lr.long, chunk...)
			for len(lr.long) > lr.limit {
				if !warned {
					fmt.Fprintf(lr.stderr, "sahifa render: %s\n", lr.tr.Sprintf("%s: line %d is longer than %d KiB: laid out in pieces", shown(name), number+1, lr.limit>>10))
					warned = true
				}
				cut := pieceEnd(lr.long, lr.limit)
				lr.paragraph(lr.long[:cut])
				lr.long = lr.long[:copy(lr.long, lr.long[cut:])]
			}
			continue
		}
		line := chunk
		if len(lr.long) > 0 {
			lr.long = append(lr.long, chunk...)
			line = lr.long
		}
		if len(line) > 0 {
			line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
			lr.paragraph(line)
		}
		lr.long = lr.long[:0]
		number++
		warned = false
		if lr.err != nil {
			return lr.err
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// pieceEnd returns where to cut the first piece of a line of more than
// limit bytes: after the last space in the second half of the limit, else
// at the last UTF-8 character boundary before it.
func pieceEnd(line []byte, limit int) int {
	if i := bytes.LastIndexByte(line[limit/2:limit], ' '); i >= 0 {
		return limit/2 + i + 1
	}
	cut := limit
	for cut > limit-utf8.UTFMax && !utf8.RuneStart(line[cut]) {
		cut--
	}
	return cut
}

// paragraph renders one paragraph into lr.out, writing lr.out out when it
// is full.
func (lr *lineRenderer) paragraph(p []byte) {
	// The bytes are read only while AppendLines runs, and not changed
	// meanwhile: a string that shares them is safe and saves a copy.
	lr.out = lr.bidi.AppendLines(lr.out, unsafe.String(unsafe.SliceData(p), len(p)), lr.opt)
	if len(lr.out) >= 64<<10 {
		lr.flush()
	}
}

// flush writes out what is rendered and returns the first write error.
func (lr *lineRenderer) flush() error {
	if len(lr.out) > 0 && lr.err == nil {
		_, lr.err = lr.w.Write(lr.out)
	}
	lr.out = lr.out[:0]
	return lr.err
}
