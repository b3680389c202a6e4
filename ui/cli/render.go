package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"sahifa/bidi"
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
		fmt.Fprintf(stderr, "sahifa render: --dir must be auto, rtl or ltr, not %q\n", *dir)
		return 2
	}
	switch *mode {
	case "app":
	case "terminal":
		opt.Logical = true
	default:
		fmt.Fprintf(stderr, "sahifa render: --bidi must be app or terminal, not %q\n", *mode)
		return 2
	}
	if *width < 0 {
		fmt.Fprintln(stderr, "sahifa render: -w must not be negative")
		return 2
	}

	out := bufio.NewWriter(stdout)
	status := 0
	if fs.NArg() == 0 {
		if err := renderLines(out, stdin, opt); err != nil {
			fmt.Fprintf(stderr, "sahifa render: %v\n", err)
			status = 1
		}
	}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err == nil {
			err = renderLines(out, f, opt)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(stderr, "sahifa render: %v\n", err)
			status = 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "sahifa render: %v\n", err)
		return 1
	}
	return status
}

func renderLines(w *bufio.Writer, r io.Reader, opt bidi.Options) error {
	in := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := in.ReadString('\n')
		if len(line) > 0 {
			line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			for _, l := range bidi.Paragraph(line, opt) {
				w.WriteString(l.Text)
				w.WriteByte('\n')
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
