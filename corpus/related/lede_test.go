package related

import (
	"hash/fnv"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/search"
)

// TestLede checks what a lede holds and how two compare: a dateline is
// left out, the words after ledeWords are not read, and two reports that
// open on the same event are nearer than a report that tells the same
// background after a different opening.
func TestLede(t *testing.T) {
	p := func(s string) corpus.Paragraph { return corpus.Paragraph{Text: s} }
	event := "أعلنت عائلة الملا عمر رفضها مبايعة الزعيم الجديد لحركة طالبان ودعت العلماء إلى حل الخلاف"
	other := "دعا الزعيم الجديد لحركة طالبان أنصاره إلى الوحدة في أول تسجيل صوتي له منذ اختياره"
	background := "وكانت الحركة قد أكدت وفاة الملا عمر الأسبوع الماضي بعد أن أعلنت الحكومة الأفغانية وفاته قبل عامين في باكستان"
	asked := &corpus.Article{ID: "a", Title: "عائلة الملا عمر ترفض مبايعة الزعيم الجديد", Paragraphs: []corpus.Paragraph{p("كابول - رويترز"), p(event), p(background)}}
	same := &corpus.Article{ID: "b", Title: "عائلة الملا عمر لا تؤيد الزعيم الجديد", Paragraphs: []corpus.Paragraph{p(event), p(background)}}
	neighbour := &corpus.Article{ID: "c", Title: "الزعيم الجديد لطالبان يدعو إلى الوحدة", Paragraphs: []corpus.Paragraph{p(other), p(background)}}
	ix := search.NewIndex()
	// The words must be in more than one article for Terms to keep them.
	ix.Add(asked, same, neighbour, &corpus.Article{ID: "d", Title: "رويترز كابول", Paragraphs: []corpus.Paragraph{p(event), p(other), p(background)}})
	f := New(ix, nil)

	la := f.lede(asked)
	if holds(la, "رويترز") {
		t.Errorf("the dateline is in the lede: %v", la)
	}
	if !holds(la, "باكستان") {
		t.Errorf("the third paragraph, within %d words, is not in the lede: %v", f.m.ledeWords, la)
	}
	f.m.ledeWords = 5
	if holds(f.lede(asked), "باكستان") {
		t.Errorf("a word past %d words is in the lede", f.m.ledeWords)
	}
	f.m = defaultMeasure

	if c := la.cosine(la); c < 0.999 || c > 1.001 {
		t.Errorf("a lede's cosine with itself is %.3f, want 1", c)
	}
	toSame, toNeighbour := la.cosine(f.lede(same)), la.cosine(f.lede(neighbour))
	if !(toSame > toNeighbour) {
		t.Errorf("the same event's lede is at %.3f, the neighbouring event's at %.3f", toSame, toNeighbour)
	}
	if c := la.cosine(f.lede(&corpus.Article{})); c != 0 {
		t.Errorf("cosine with an empty lede is %.3f, want 0", c)
	}
}

// holds reports whether l holds the folded word w.
func holds(l lede, w string) bool {
	h := fnv.New32a()
	h.Write([]byte(w))
	for _, x := range l.words {
		if x.hash == h.Sum32() {
			return true
		}
	}
	return false
}
