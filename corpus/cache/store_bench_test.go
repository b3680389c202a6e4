//go:build unix

package cache

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/corpus/search"
)

// BenchmarkStoreSaudiNewsNet compares two ways of keeping SaudiNewsNet's
// cache, the same records in each: this package's file (read whole, every
// record checksummed) and a bbolt database (a B+tree in pages, read
// through mmap; it checksums its meta pages only, so the records carry
// their own checksums there too). It reports the bytes on disk, the time
// to write, the time and the bytes allocated to open and decode every
// record (warm), and the process's peak RSS, which counts the making of
// the records too (a cold load and an index): run each store in a process
// of its own (-bench 'Store.*/file', -bench 'Store.*/bbolt').
func BenchmarkStoreSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	src := Open(b.TempDir(), []string{dir})
	arts, _ := corpus.Collect(corpus.LoadReusing(context.Background(), []string{dir}, src))
	ix := search.NewIndex()
	ix.Add(arts...)
	number := map[*corpus.Article]uint32{}
	for i, a := range arts {
		number[a] = uint32(i)
	}
	snapshot := ix.AppendSnapshot(nil, func(a *corpus.Article) uint32 { return number[a] })
	records := map[string][]byte{}
	for p, e := range src.now {
		records[p] = e.encode(nil, p, new(encoding))
	}
	total := 0
	for _, e := range src.now {
		total += len(e.read.Articles)
	}
	b.Run("file", func(b *testing.B) {
		cdir := b.TempDir()
		s := Open(cdir, []string{dir})
		s.now, s.changed = src.now, true
		t0 := time.Now()
		if err := s.Save([32]byte{}, func(b []byte) []byte { return append(b, snapshot...) }); err != nil {
			b.Fatal(err)
		}
		write, size := time.Since(t0), s.Size()
		b.ReportAllocs()
		cpu0 := processCPU()
		for b.Loop() {
			s := Open(cdir, []string{dir})
			n := 0
			for p, e := range s.old {
				fr, err := decodeFileRead(e.raw, p)
				if err != nil {
					b.Fatal(err)
				}
				n += len(fr.Articles)
			}
			if n != total || s.index == nil {
				b.Fatalf("%d articles read back, want %d", n, total)
			}
			s.Release()
		}
		b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
		report(b, write, size)
	})
	b.Run("bbolt", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "cache.bolt")
		t0 := time.Now()
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			b.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			files, err := tx.CreateBucket([]byte("files"))
			if err != nil {
				return err
			}
			for p, rec := range records {
				if err := files.Put([]byte(p), withCRC(rec)); err != nil {
					return err
				}
			}
			meta, err := tx.CreateBucket([]byte("meta"))
			if err != nil {
				return err
			}
			return meta.Put([]byte("index"), withCRC(snapshot))
		})
		db.Close()
		if err != nil {
			b.Fatal(err)
		}
		write := time.Since(t0)
		fi, _ := os.Stat(path)
		size := fi.Size()
		b.ReportAllocs()
		cpu0 := processCPU()
		for b.Loop() {
			db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			var index []byte
			n := 0
			err = db.View(func(tx *bolt.Tx) error {
				err := tx.Bucket([]byte("files")).ForEach(func(k, v []byte) error {
					r := reader{data: checked(b, v)}
					p := r.string()
					r.varint()
					r.varint()
					r.varint()
					r.bytes(32)
					fr, err := decodeFileRead(r.rest(), p)
					n += len(fr.Articles)
					return err
				})
				// Copied out of the map, which ends with the transaction.
				index = append([]byte(nil), checked(b, tx.Bucket([]byte("meta")).Get([]byte("index")))...)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			db.Close()
			if n != total || index == nil {
				b.Fatalf("%d articles read back", n)
			}
		}
		b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
		report(b, write, size)
	})
}

// withCRC appends the CRC-32C of v to a copy of v.
func withCRC(v []byte) []byte {
	return binary.LittleEndian.AppendUint32(append([]byte(nil), v...), crc32.Checksum(v, castagnoli))
}

// checked returns v without its CRC, failing b if they disagree.
func checked(b *testing.B, v []byte) []byte {
	if len(v) < 4 || crc32.Checksum(v[:len(v)-4], castagnoli) != binary.LittleEndian.Uint32(v[len(v)-4:]) {
		b.Fatal("bad record")
	}
	return v[:len(v)-4]
}

// report gives the time a store took to write, its size on disk and the
// process's peak RSS.
func report(b *testing.B, write time.Duration, size int64) {
	b.ReportMetric(write.Seconds(), "s-write")
	b.ReportMetric(float64(size)/(1<<20), "MB-disk")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "MB-peak-rss")
	}
}

// processCPU is the CPU time this process has used so far: on a machine
// shared with other work, a steadier figure than the wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
