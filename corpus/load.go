package corpus

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sahifa/corpus/background"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// A load runs as a pipeline: one walker lists the files, a pool of readers
// (one per CPU) reads and parses them, and one collector removes duplicates
// and sends Batches. Readers hand over articles in small chunks, so the
// first Batch leaves as soon as the first articles of the first file are
// parsed, however large the collection.
//
// Of several copies of one text, the first in reading order keeps the
// article (its title, ID and place): the paths in the order given, a
// folder's files in the lexical order filepath.WalkDir visits them, then
// position in the file. The collector takes a file's articles in that
// order whichever reader finishes first, holding back those of a file
// until every file before it is read, so the answer never depends on
// timing.

// Batch sizing: a Batch leaves when this many articles are waiting or when
// batchInterval has passed since the last one, whichever comes first.
const (
	batchArticles = 256
	batchInterval = 50 * time.Millisecond
	// chunkArticles is how many articles a reader gathers before handing
	// them to the collector.
	chunkArticles = 64
)

// Load reads the articles in paths, which may be files or folders (read
// recursively), and streams them as Batches on the returned channel. The
// last Batch has Done set; then the channel is closed. Cancelling ctx stops
// the load and closes the channel, perhaps without a Done Batch.
//
// In folders, files are read by extension (.txt, .text, .md, .markdown,
// .json, .jsonl, .ndjson) and hidden files and folders are skipped; a file
// named in paths is read whatever its extension, by its content.
func Load(ctx context.Context, paths []string) <-chan Batch {
	return LoadReusing(ctx, paths, nil)
}

// LoadReusing is Load taking what fc kept of files that have not changed
// since, and giving fc what it reads of the others; fc may be nil.
func LoadReusing(ctx context.Context, paths []string, fc FileCache) <-chan Batch {
	return run(ctx, fc, func(emit func(source) bool, problem func(Problem)) {
		for _, p := range paths {
			fi, err := os.Stat(p)
			if err != nil {
				problem(Problem{Path: p, Reason: osReason(err)})
				continue
			}
			if !fi.IsDir() {
				if !fi.Mode().IsRegular() {
					// A pipe or a device would block or never end.
					problem(Problem{Path: p, Reason: "not a regular file"})
					continue
				}
				if !emit(osSource(p, fi)) {
					return
				}
				continue
			}
			files := 0
			err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
				if err != nil {
					problem(Problem{Path: q, Reason: osReason(err)})
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if q != p && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if d.IsDir() || d.Type().IsRegular() && formatOf(q) == unknownFormat {
					return nil
				}
				info, err := d.Info()
				link := d.Type()&fs.ModeSymlink != 0
				if link {
					// Links to files are followed; links to folders are
					// not, as they may lead round in a loop.
					info, err = os.Stat(q)
				}
				if err != nil {
					problem(Problem{Path: q, Reason: osReason(err)})
					return nil
				}
				if !info.Mode().IsRegular() {
					problem(Problem{Path: q, Reason: skippedReason(info.Mode(), link)})
					return nil
				}
				if formatOf(q) == unknownFormat {
					return nil
				}
				files++
				if !emit(osSource(q, info)) {
					return fs.SkipAll
				}
				return nil
			})
			if err != nil {
				problem(Problem{Path: p, Reason: osReason(err)})
			} else if files == 0 {
				problem(Problem{Path: p, Reason: "no .txt, .md, .json or .jsonl files in this folder"})
			}
		}
	})
}

// skippedReason says why a folder entry that is not a regular file, or a
// link to one, is not read.
func skippedReason(m fs.FileMode, link bool) string {
	var what string
	switch {
	case m.IsDir():
		return "a link to a folder: not followed, as it may lead round in a loop"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	if link {
		what = "a link to " + what
	}
	return what + ": skipped, as reading it could block or never end"
}

// LoadFS reads the articles of every file in fsys with a known extension,
// as Load does for a folder. Paths in the articles are those within fsys.
func LoadFS(ctx context.Context, fsys fs.FS) <-chan Batch {
	return run(ctx, nil, func(emit func(source) bool, problem func(Problem)) {
		err := fs.WalkDir(fsys, ".", func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				problem(Problem{Path: q, Reason: osReason(err)})
				return nil
			}
			if q != "." && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || formatOf(q) == unknownFormat {
				return nil
			}
			size := int64(-1)
			if info, err := d.Info(); err == nil {
				size = info.Size()
			}
			src := source{path: q, size: size, open: func() (io.ReadCloser, error) { return fsys.Open(q) }}
			if !emit(src) {
				return fs.SkipAll
			}
			return nil
		})
		if err != nil {
			problem(Problem{Path: ".", Reason: osReason(err)})
		}
	})
}

// Collect drains ch and returns every article and problem of the load.
// Articles come sorted by path and position in their file, so that the
// result does not depend on the order in which files were read; each
// article's Duplicates holds the places of its copies, in order, and of
// several copies the first in reading order is kept, with its own title,
// ID and place.
func Collect(ch <-chan Batch) ([]*Article, []Problem) {
	var arts []*Article
	var probs []Problem
	dups := map[string][]string{}
	for b := range ch {
		arts = append(arts, b.Articles...)
		probs = append(probs, b.Problems...)
		for _, d := range b.Duplicates {
			dups[d.ID] = append(dups[d.ID], d.Where)
		}
	}
	for _, a := range arts {
		ds, ok := dups[a.ID]
		if !ok {
			continue
		}
		a.Duplicates = Copies(a, ds)
	}
	slices.SortFunc(arts, func(x, y *Article) int {
		return cmp.Or(strings.Compare(x.Path, y.Path), cmp.Compare(x.Index, y.Index), strings.Compare(x.ID, y.ID))
	})
	slices.SortStableFunc(probs, func(x, y Problem) int { return strings.Compare(x.Path, y.Path) })
	return arts, probs
}

// Copies returns the places of a's copies, those it already lists and
// more, in order and without a's own place.
func Copies(a *Article, more []string) []string {
	own := Place(a.Path, a.Index)
	all := slices.Concat(a.Duplicates, more)
	slices.SortFunc(all, ComparePlaces)
	return slices.DeleteFunc(slices.Compact(all), func(p string) bool { return p == own })
}

// Place names where an article was found: its path, or path#index when the
// file holds several.
func Place(p string, index int) string {
	if index < 0 {
		return p
	}
	return p + "#" + strconv.Itoa(index)
}

// ParsePlace splits a Place into the path and the index in the file (-1
// when there is none).
func ParsePlace(s string) (string, int) {
	if i := strings.LastIndexByte(s, '#'); i >= 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil {
			return s[:i], n
		}
	}
	return s, -1
}

// ComparePlaces orders Places by path, then by index in the file.
func ComparePlaces(x, y string) int {
	px, ix := ParsePlace(x)
	py, iy := ParsePlace(y)
	return cmp.Or(strings.Compare(px, py), cmp.Compare(ix, iy))
}

// source is one file to read.
type source struct {
	seq   int // position in reading order
	path  string
	size  int64     // -1 when unknown
	mtime time.Time // zero when unknown
	open  func() (io.ReadCloser, error)
}

func osSource(p string, fi fs.FileInfo) source {
	return source{path: p, size: fi.Size(), mtime: fi.ModTime(), open: func() (io.ReadCloser, error) { return os.Open(p) }}
}

// progressBytes counts the bytes of the files found and read, for
// progress through a collection of a few large files.
type progressBytes struct{ found, read atomic.Int64 }

// countingReader adds the bytes read through it to a shared count, and
// keeps its own.
type countingReader struct {
	r      io.Reader
	shared *atomic.Int64
	n      int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += int64(k)
	c.shared.Add(int64(k))
	return k, err
}

// chunk is what a reader hands the collector: some articles and problems
// of one file; done marks the file's last chunk.
type chunk struct {
	seq      int // the file's source.seq; -1 for the walker's problems
	articles []built
	problems []Problem
	done     bool
}

func run(ctx context.Context, fc FileCache, walk func(emit func(source) bool, problem func(Problem))) <-chan Batch {
	out := make(chan Batch, 1)
	ctx, cancel := context.WithCancel(ctx)
	sources := make(chan source, 256)
	chunks := make(chan chunk, 64)
	var found atomic.Int64
	var progress progressBytes

	send := func(c chunk) bool {
		select {
		case chunks <- c:
			return true
		case <-ctx.Done():
			return false
		}
	}

	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(sources)
		pass := func(s source) bool {
			select {
			case sources <- s:
				return true
			case <-ctx.Done():
				return false
			}
		}
		var listed []source
		walk(func(s source) bool {
			s.seq = int(found.Add(1)) - 1
			progress.found.Add(max(s.size, 0))
			if fc != nil {
				// Listed first, so that the progress knows the whole
				// before the cache's files are handed on.
				listed = append(listed, s)
				return ctx.Err() == nil
			}
			return pass(s)
		}, func(p Problem) { send(chunk{seq: -1, problems: []Problem{p}}) })
		for _, s := range listed {
			if ctx.Err() != nil {
				return
			}
			if !reuse(s, fc, &progress.read, send) && !pass(s) {
				return
			}
		}
	})
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			background.Thread()
			for s := range sources {
				if ctx.Err() != nil {
					continue
				}
				// Reading a file holds a slot of the background's, let go
				// while its chunks wait to be taken.
				slot := background.Take()
				sendOnSlot := func(c chunk) (ok bool) {
					slot.Wait(func() { ok = send(c) })
					return ok
				}
				if fc != nil && s.size >= 0 {
					readKeeping(s, fc, &progress.read, sendOnSlot)
				} else {
					readSource(s, &progress.read, sendOnSlot)
				}
				slot.Release()
			}
		})
	}
	go func() {
		wg.Wait()
		close(chunks)
	}()
	go func() {
		defer cancel()
		defer close(out)
		collect(ctx, chunks, &found, &progress, out)
	}()
	return out
}

// collect is the single owner of the duplicate table and of the Batches.
func collect(ctx context.Context, chunks <-chan chunk, found *atomic.Int64, progress *progressBytes, out chan<- Batch) {
	seen := make(map[[16]byte]*Article, 1024)
	var b Batch
	pending := false
	tick := time.NewTicker(batchInterval)
	defer tick.Stop()
	flush := func() bool {
		b.FilesFound = int(found.Load())
		b.BytesFound, b.BytesRead = progress.found.Load(), progress.read.Load()
		select {
		case out <- b:
		case <-ctx.Done():
			return false
		}
		b = Batch{FilesRead: b.FilesRead, ArticlesRead: b.ArticlesRead, DuplicatesFound: b.DuplicatesFound}
		pending = false
		return true
	}
	first := true
	// take adds articles released in reading order to the batch, sending
	// it whenever it is full, so that a file held back and then released
	// whole still leaves in batches of the promised size.
	take := func(xs []built) bool {
		for _, x := range xs {
			if kept := seen[x.key]; kept != nil {
				b.Duplicates = append(b.Duplicates, Duplicate{ID: kept.ID, Where: Place(x.a.Path, x.a.Index)})
				b.DuplicatesFound++
				continue
			}
			seen[x.key] = x.a
			b.Articles = append(b.Articles, x.a)
			b.ArticlesRead++
			pending = true
			// The first articles leave at once: they are what the reader
			// shows while the rest loads.
			if len(b.Articles) >= batchArticles || first {
				first = false
				if !flush() {
					return false
				}
			}
		}
		return true
	}
	var order readingOrder
	for {
		select {
		case c, ok := <-chunks:
			if !ok {
				if !take(order.rest()) {
					return
				}
				b.Done = true
				flush()
				return
			}
			if !take(order.add(c)) {
				return
			}
			b.Problems = append(b.Problems, c.problems...)
			if c.done {
				b.FilesRead++
			}
			pending = true
		case <-tick.C:
			if pending && !flush() {
				return
			}
		case <-ctx.Done():
			// Wait for the readers to stop, so that no work of this load
			// outlives its channel.
			for range chunks {
			}
			return
		}
	}
}

// readingOrder releases the articles of the files' chunks in reading
// order: a file's articles wait until every file before it is done.
type readingOrder struct {
	next int             // the first file not done
	held map[int][]built // articles of files after next
	done map[int]bool    // files after next that are done
}

// add takes a chunk and returns the articles it releases, in order.
func (o *readingOrder) add(c chunk) []built {
	if c.seq < 0 {
		return nil
	}
	if o.held == nil {
		o.held, o.done = map[int][]built{}, map[int]bool{}
	}
	if c.seq != o.next {
		o.held[c.seq] = append(o.held[c.seq], c.articles...)
		if c.done {
			o.done[c.seq] = true
		}
		return nil
	}
	out := c.articles
	if !c.done {
		return out
	}
	for {
		o.next++
		out = append(out, o.held[o.next]...)
		delete(o.held, o.next)
		if !o.done[o.next] {
			return out
		}
		delete(o.done, o.next)
	}
}

// rest returns the articles still held, in reading order, once no chunk
// is left to come.
func (o *readingOrder) rest() []built {
	seqs := slices.Sorted(maps.Keys(o.held))
	var out []built
	for _, s := range seqs {
		out = append(out, o.held[s]...)
	}
	o.held = nil
	return out
}

// format is how a file's content is read.
type format uint8

const (
	unknownFormat format = iota
	textFormat
	markdownFormat
	jsonFormat
	jsonLinesFormat
)

// formatsByExt are the extensions read in folders.
var formatsByExt = map[string]format{
	".txt": textFormat, ".text": textFormat,
	".md": markdownFormat, ".markdown": markdownFormat,
	".json":  jsonFormat,
	".jsonl": jsonLinesFormat, ".ndjson": jsonLinesFormat,
}

func formatOf(p string) format {
	return formatsByExt[strings.ToLower(path.Ext(p))]
}

// sniff guesses the format of a file with an unknown extension from its
// start: JSON opens with '[' or '{', JSON Lines has an object per line.
func sniff(text []byte) format {
	t := string(text[:min(len(text), 4096)])
	t = strings.TrimLeft(t, " \t\r\n")
	if t != "" && (t[0] == '[' || t[0] == '{') {
		if i := strings.IndexByte(t, '\n'); i > 0 && strings.HasPrefix(strings.TrimSpace(t[i:]), "{") && strings.HasSuffix(strings.TrimSpace(t[:i]), "}") {
			return jsonLinesFormat
		}
		return jsonFormat
	}
	return textFormat
}

// readSource reads one file and hands its articles and problems to send
// in chunks; the last chunk has done set. It stops early when send fails,
// as it does once the load is cancelled.
func readSource(s source, read *atomic.Int64, send func(chunk) bool) {
	c := chunk{seq: s.seq}
	stopped := false
	problem := func(reason string) { c.problems = append(c.problems, Problem{Path: s.path, Reason: reason}) }
	counted := &countingReader{shared: read}
	defer func() {
		// A file refused or cut short still counts as read in full.
		if s.size > counted.n {
			read.Add(s.size - counted.n)
		}
		if !stopped {
			c.done = true
			send(c)
		}
	}()
	if s.size > MaxFileSize {
		problem(tooBig(s.size))
		return
	}
	fh, err := s.open()
	if err != nil {
		problem(osReason(err))
		return
	}
	defer fh.Close()
	counted.r = fh
	br := bufio.NewReaderSize(io.LimitReader(counted, MaxFileSize+1), lazySample)
	head, _ := br.Peek(lazySample) // a read error shows again below
	f := formatOf(s.path)
	if f == unknownFormat {
		f = sniff(head)
	}
	var stream *utf8Counter
	var text []byte
	if (f == jsonFormat || f == jsonLinesFormat) && streamable(head) {
		// A JSON file is decoded as it is read: its first articles
		// leave at once, and no copy of the whole file is held.
		if _, _, fatal := decodeText(head, true); fatal != "" {
			problem(fatal)
			return
		}
		if bytes.HasPrefix(head, utf8BOM) {
			br.Discard(len(utf8BOM))
		}
		stream = &utf8Counter{r: br}
		defer func() {
			switch {
			case stream.n > MaxFileSize:
				problem(tooBig(-1))
			case stream.bad > 0:
				problem(invalidWarning(stream.bad))
			}
		}()
	} else {
		data, err := readAllInto(make([]byte, 0, max(s.size+1, 512)), br)
		if err != nil {
			problem(osReason(err))
			return
		}
		if len(data) > MaxFileSize {
			problem(tooBig(-1))
			return
		}
		var warn, fatal string
		text, warn, fatal = decodeText(data, false)
		if fatal != "" {
			problem(fatal)
			return
		}
		if warn != "" {
			problem(warn)
		}
	}
	add := func(d draft) {
		if reason := d.tooLong(); reason != "" {
			problem(reason)
			return
		}
		b, ok := d.build()
		if !ok {
			if d.index >= 0 {
				problem(fmt.Sprintf("article %d is empty (no title, no text)", d.index))
			} else {
				problem("no article: no title and no text")
			}
			return
		}
		c.articles = append(c.articles, b)
		if len(c.articles) >= chunkArticles {
			stopped = !send(c)
			c = chunk{seq: s.seq}
		}
	}
	switch f {
	case jsonFormat, jsonLinesFormat:
		sink := jsonSink{path: s.path, article: add, problem: problem, stopped: func() bool { return stopped }}
		switch {
		case f == jsonLinesFormat && stream != nil:
			readJSONLines(stream, sink)
		case f == jsonLinesFormat:
			readJSONLines(bytes.NewReader(text), sink)
		case stream != nil:
			readJSON(stream, func() []byte {
				data, _ := readCapped(s) // only to say where a syntax error is
				return bytes.TrimPrefix(data, utf8BOM)
			}, sink)
		default:
			readJSON(bytes.NewReader(text), func() []byte { return text }, sink)
		}
	default:
		d, fatal := readText(s.path, text, f == markdownFormat)
		if fatal != "" {
			problem(fatal)
			return
		}
		add(d)
	}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// streamable reports whether a JSON file that starts with head can be
// decoded as it is read: not UTF-16, which must be converted first.
func streamable(head []byte) bool {
	return !bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF})
}

// utf8Counter passes a file's bytes through and counts those that are not
// valid UTF-8, for files decoded as they are read.
type utf8Counter struct {
	r     io.Reader
	n     int64 // bytes read
	bad   int   // invalid bytes
	carry [utf8.UTFMax]byte
	nc    int // bytes in carry: a rune cut at the end of the last read
}

// readError wraps an error of the file system, as opposed to one of the
// content, when it comes out of a decoder.
type readError struct{ err error }

func (e readError) Error() string { return e.err.Error() }

func (c *utf8Counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.scan(p[:n])
	if err == io.EOF {
		c.bad += c.nc // a rune cut short by the end of the file
		c.nc = 0
	} else if err != nil {
		err = readError{err}
	}
	return n, err
}

func (c *utf8Counter) scan(b []byte) {
	for c.nc > 0 && len(b) > 0 {
		c.carry[c.nc] = b[0]
		c.nc++
		b = b[1:]
		if !utf8.FullRune(c.carry[:c.nc]) {
			continue
		}
		if r, size := utf8.DecodeRune(c.carry[:c.nc]); r == utf8.RuneError && size == 1 {
			// The lead byte was bad; what followed it starts afresh.
			c.bad++
			var rest [utf8.UTFMax]byte
			m := copy(rest[:], c.carry[1:c.nc])
			c.nc = 0
			c.scan(rest[:m])
		} else {
			c.nc = 0
		}
	}
	cut := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				cut = i
			}
			break
		}
	}
	if body := b[:cut]; !utf8.Valid(body) {
		bad, _ := invalidUTF8(body)
		c.bad += bad
	}
	c.nc += copy(c.carry[c.nc:], b[cut:])
}

// readCapped reads the whole of s, refusing files over MaxFileSize.
func readCapped(s source) ([]byte, string) {
	if s.size > MaxFileSize {
		return nil, tooBig(s.size)
	}
	f, err := s.open()
	if err != nil {
		return nil, osReason(err)
	}
	defer f.Close()
	buf := make([]byte, 0, max(s.size+1, 512))
	data, err := readAllInto(buf, io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, osReason(err)
	}
	if len(data) > MaxFileSize {
		return nil, tooBig(-1)
	}
	return data, ""
}

func readAllInto(b []byte, r io.Reader) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func tooBig(size int64) string {
	if size < 0 {
		return fmt.Sprintf("file is larger than %d MB, the most Sahifa reads", MaxFileSize>>20)
	}
	return fmt.Sprintf("file is %d MB, larger than the %d MB Sahifa reads", (size+(1<<20)-1)>>20, MaxFileSize>>20)
}

// osReason words a file-system error for a Problem, without repeating the
// path that the Problem already names.
func osReason(err error) string {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
	}
	switch {
	case os.IsNotExist(err):
		return "no such file or folder"
	case os.IsPermission(err):
		return "permission denied"
	case pe != nil:
		return pe.Err.Error()
	}
	return err.Error()
}
