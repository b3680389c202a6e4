// Package training is how the tagger's training and evaluation command
// (corpus/entities/train) reaches the learner inside package entities,
// which keeps it out of its exported face: package entities fills in the
// functions below, and only packages under corpus/entities may import
// this one.
package training

import (
	"io"

	"sahifa/corpus/entities/brown"
	"sahifa/corpus/entities/conll"
)

// Options controls Train. Zero values take the defaults.
type Options struct {
	Epochs   int     // passes over the data; default 20
	Seed     uint64  // seed of the order in which sentences are visited
	MinCount int     // features seen fewer times in the data are not learnt; default 1
	Prune    float64 // features whose averaged weights all stay below this are dropped; default 1
	// Dropout is the chance that a token's own word features are hidden
	// in a training step; default 0.2, negative for none.
	Dropout float64
	// Recall is taken off the weight of O for every token of the final
	// model: the perceptron learns to say O too readily, and a margin
	// trades some precision for more recall.
	Recall float64
	// Parts is how many parts the data is cut into for the dictionary of
	// names: each part's sentences see the names of the others; default 5.
	Parts int
	// Bags is how many models, each visiting the sentences in its own
	// order, are averaged into one; default 3.
	Bags int
	// Brown, when above 1, is how many Brown clusters to make of the
	// words of the training data for cluster features; Clusters, when
	// set, are used instead.
	Brown    int
	Clusters map[string]brown.Path
	Log      io.Writer
}

// Model is a learnt tagger, seen through what training and scoring do
// with it.
type Model struct {
	// TagSentence returns the BIO tags of one sentence's tokens.
	TagSentence func(tokens []string) []string
	// TagDocument returns the BIO tags of a document's sentences, with the
	// patterns and names spread over the document as Extract does.
	TagDocument func(doc [][]string) [][]string
	// WriteTo writes the model as package entities embeds it.
	WriteTo func(w io.Writer) (int64, error)
	// Features is the number of features the model weighs.
	Features func() int
}

// The learner and the word-cluster helpers of package entities.
var (
	// Train learns a model from tagged sentences with the averaged
	// structured perceptron; equal inputs and options give an equal
	// model.
	Train func(data []conll.Sentence, opt Options) Model
	// Clusters returns the Brown cluster paths of the folded words of the
	// sentences.
	Clusters func(sentences [][]string, opt brown.Options) map[string]brown.Path
	// Tokens returns the words and marks of text as the tagger reads them.
	Tokens func(text string) []string
	// WriteClusters writes paths as Liang's wcluster does.
	WriteClusters func(w io.Writer, paths map[string]brown.Path) error
	// ReadClusters reads what WriteClusters or wcluster wrote.
	ReadClusters func(r io.Reader) (map[string]brown.Path, error)
)
