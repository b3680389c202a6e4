package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/collection"
)

// BenchmarkFirstFrame measures what stands between starting sahifa and its
// first frame: building the model, the window size, and the first View.
// "loading" is the frame drawn before any article has arrived (what the
// user sees first); "seeds" waits for the embedded seeds to be read and
// draws the list.
func BenchmarkFirstFrame(b *testing.B) {
	b.Run("loading", func(b *testing.B) {
		for b.Loop() {
			c := collection.Open(context.Background(), nil)
			m := New(Config{}, c)
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			if !strings.Contains(m.View().Content, "Articles") {
				b.Fatal("no content")
			}
			c.Close()
		}
	})
	b.Run("seeds", func(b *testing.B) {
		for b.Loop() {
			c := collection.Open(context.Background(), nil)
			c.WaitLoaded(context.Background())
			m := New(Config{}, c)
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			s := m.View().Content
			c.Close()
			if !strings.Contains(s, "5 articles") && !strings.Contains(s, "/5") {
				b.Fatal("seeds not shown")
			}
		}
	})
}

// longArticle is about 2,000 paragraphs of mixed Arabic, digits and Latin.
func longArticle() *corpus.Article {
	ps := make([]corpus.Paragraph, 2000)
	for i := range ps {
		ps[i] = corpus.Paragraph{Text: fmt.Sprintf("قال المتحدث باسم الوزارة في بيان رقم %d نشرته وكالة Reuters يوم %d مارس إن الاجتماع سيعقد في New York بحضور ممثلين عن الدول الأعضاء.", i, i%28+1)}
	}
	return &corpus.Article{ID: "long", Title: "مقال طويل جدا", Dir: corpus.RTL, Paragraphs: ps}
}

// BenchmarkScrollView is one frame while reading: a line down, then View,
// in a long article at 120×40. The article is laid out once before the
// timer starts, as it is when opened.
func BenchmarkScrollView(b *testing.B) {
	m := newLoaded(b, Config{}, 120, 40, []*corpus.Article{longArticle()}, nil)
	send(m, keyEnter)
	m.View()
	down, up := text("j"), text("k")
	b.ResetTimer()
	i := 0
	for b.Loop() {
		k := down
		if i/500%2 == 1 {
			k = up
		}
		i++
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkSearchStep is pressing n in that article with a match in every
// paragraph, then drawing the frame: two paragraphs are laid out again.
func BenchmarkSearchStep(b *testing.B) {
	a := longArticle()
	m := newLoaded(b, Config{}, 120, 40, []*corpus.Article{a}, nil)
	send(m, keyEnter)
	press(m, text("/"))
	typeText(m, "الوزارة")
	press(m, keyEnter)
	if n := len(m.reader.layers[layerSearch].spans); n < 2000 {
		b.Fatalf("%d matches", n)
	}
	m.View()
	for b.Loop() {
		m.Update(text("n"))
		_ = m.View()
	}
}

// BenchmarkOpenLongArticle is the one-off cost of opening that article:
// laying out its 2,000 paragraphs at the pane's width.
func BenchmarkOpenLongArticle(b *testing.B) {
	a := longArticle()
	e := &env{st: newStyles(true, false, nil)}
	for b.Loop() {
		r := readerPane{env: e}
		r.open(a, nil)
		r.lines(80)
	}
}

// BenchmarkListView is a frame of the list with a SaudiNewsNet-sized
// collection, the cursor moving: it must not depend on the number of
// articles.
func BenchmarkListView(b *testing.B) {
	for _, n := range []int{1000, 31030} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			as := make([]*corpus.Article, n)
			for i := range as {
				as[i] = &corpus.Article{ID: fmt.Sprint(i), Path: fmt.Sprintf("%08d.json", i), Title: fmt.Sprintf("عنوان الخبر رقم %d عن الاقتصاد السعودي والنفط", i), Source: "سبق", Dir: corpus.RTL}
			}
			m := newLoaded(b, Config{}, 120, 40, as, nil)
			b.ResetTimer()
			for b.Loop() {
				m.Update(text("j"))
				_ = m.View()
			}
		})
	}
}
