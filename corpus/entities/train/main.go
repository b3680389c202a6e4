// Train learns Sahifa's entity tagger from a CoNLL file such as ANERcorp's
// training part and writes the model that package entities embeds, or
// measures the tagger on a part of the data it holds out.
//
// Usage:
//
//	go run ./corpus/entities/train -data ../shared/data/anercorp/train.txt -o corpus/entities/model.bin.gz
//	go run ./corpus/entities/train -data ../shared/data/anercorp/train.txt -eval -doc 30
//
// With -eval the last sixth of the sentences is held out: the model learns
// from the first five sixths and is scored on the rest, exact spans as
// conlleval scores them. With -folds K it is scored by K-fold
// cross-validation instead. With -doc N names are spread over blocks of N
// sentences before scoring, as `sahifa entities --conll` does with its
// default -window 30. With -errors N as well, the held-out errors are
// sorted by kind (missed, spurious, wrong type, wrong edges) with the N
// most frequent of each; with -seeds N, N models learnt in different
// orders are scored too, for the mean and range. Training takes a few seconds and gives the same model
// for the same data and flags.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"time"

	_ "sahifa/corpus/entities" // fills in package training
	"sahifa/corpus/entities/brown"
	"sahifa/corpus/entities/conll"
	"sahifa/corpus/entities/internal/training"
)

func main() {
	data := flag.String("data", "", "CoNLL file to learn from (token … tag per line)")
	out := flag.String("o", "", "write the model here")
	eval := flag.Bool("eval", false, "hold out the last sixth of the sentences and report scores on it")
	folds := flag.Int("folds", 0, "report K-fold cross-validation scores instead")
	epochs := flag.Int("epochs", 0, "passes over the data (0: the default)")
	minCount := flag.Int("mincount", 0, "drop features seen fewer times (0: the default)")
	prune := flag.Float64("prune", 0, "drop features whose weights stay below this (0: the default)")
	dropout := flag.Float64("dropout", 0, "chance of hiding a word's own features in a step (0: the default, <0: none)")
	recall := flag.Float64("recall", 0, "weight taken off O at every token, trading precision for recall")
	window := flag.Int("doc", 0, "score with names spread over documents of this many sentences (0: sentence by sentence)")
	seed := flag.Uint64("seed", 0, "seed of the order in which sentences are visited")
	parts := flag.Int("parts", 0, "parts the data is cut into for the name dictionary (0: the default)")
	bags := flag.Int("bags", 0, "average this many models learnt in different orders (0: the default)")
	brownC := flag.Int("brown", 0, "make this many Brown clusters of the training words for features (0: none)")
	clusters := flag.String("clusters", "", "read word clusters from this file (path, tab, word) instead")
	clusterText := flag.String("cluster-text", "", "cluster the words of this plain text, one paragraph a line, into -brown clusters, write them to -clusters-out and stop")
	clustersOut := flag.String("clusters-out", "", "where -cluster-text writes the clusters")
	brownMin := flag.Int("brown-min", 0, "with -cluster-text, leave out words seen fewer times (0: brown's default)")
	verbose := flag.Bool("v", false, "log training progress")
	errs := flag.Int("errors", 0, "with -eval, also sort the errors by kind and list this many of the most frequent of each")
	seeds := flag.Int("seeds", 1, "with -eval, also learn with this many seeds from -seed on and report the mean micro-F1 and its range")
	flag.Parse()
	docSize = *window
	if *clusterText != "" {
		if err := makeClusters(*clusterText, *clustersOut, brown.Options{Clusters: *brownC, MinCount: *brownMin}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *data == "" || *out == "" && !*eval && *folds == 0 {
		flag.Usage()
		os.Exit(2)
	}
	f, err := os.Open(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sents, err := conll.ReadCoNLL(f)
	f.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	opt := training.Options{Epochs: *epochs, MinCount: *minCount, Prune: *prune, Seed: *seed, Dropout: *dropout, Recall: *recall, Parts: *parts, Bags: *bags, Brown: *brownC}
	if *clusters != "" {
		f, err := os.Open(*clusters)
		if err == nil {
			opt.Clusters, err = training.ReadClusters(f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if *verbose {
		opt.Log = os.Stderr
	}
	switch {
	case *folds > 1:
		total := conll.Evaluation{}
		for k := 0; k < *folds; k++ {
			var train, test []conll.Sentence
			for i, s := range sents {
				if i*(*folds)/len(sents) == k {
					test = append(test, s)
				} else {
					train = append(train, s)
				}
			}
			e := score(training.Train(train, opt), test)
			fmt.Printf("fold %d: micro-F1 PERS/LOC/ORG %.2f\n", k+1, e.Micro("PERS", "LOC", "ORG").F1())
			for t, s := range e {
				x := total[t]
				if x == nil {
					x = &conll.Score{}
					total[t] = x
				}
				x.Found += s.Found
				x.Gold += s.Gold
				x.Correct += s.Correct
			}
		}
		total.Report(os.Stdout)
	case *eval:
		cut := len(sents) * 5 / 6
		t0 := time.Now()
		m := training.Train(sents[:cut], opt)
		fmt.Printf("trained on %d sentences in %v, %d features; held out %d sentences\n",
			cut, time.Since(t0).Round(time.Millisecond), m.Features(), len(sents)-cut)
		e := score(m, sents[cut:])
		e.Report(os.Stdout)
		if *errs > 0 {
			errorReport(os.Stdout, m, sents[:cut], sents[cut:], *errs)
		}
		if *seeds > 1 {
			seedSpread(os.Stdout, e.Micro("PERS", "LOC", "ORG").F1(), sents[:cut], sents[cut:], opt, *seeds)
		}
	}
	if *out != "" {
		t0 := time.Now()
		m := training.Train(sents, opt)
		w, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		n, err := m.WriteTo(w)
		if err == nil {
			err = w.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("trained on %d sentences in %v: %d features, %d bytes in %s\n",
			len(sents), time.Since(t0).Round(time.Millisecond), m.Features(), n, *out)
	}
}

var docSize int

// seedSpread learns n-1 more models that differ from the first, whose
// micro-F1 on test is first, only in the seed of their sentence order and
// reports the micro-F1 of each, then the mean and range: the order alone
// moves the held-out figure by about ±0.7, so a change is a gain only when
// it moves the mean by more.
func seedSpread(w io.Writer, first float64, train, test []conll.Sentence, opt training.Options, n int) {
	var sum float64
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range n {
		o := opt
		o.Seed = opt.Seed + uint64(i)
		f1 := first
		if i > 0 {
			f1 = score(training.Train(train, o), test).Micro("PERS", "LOC", "ORG").F1()
		}
		fmt.Fprintf(w, "seed %d: micro-F1 PERS/LOC/ORG %.2f\n", o.Seed, f1)
		sum += f1
		lo, hi = min(lo, f1), max(hi, f1)
	}
	fmt.Fprintf(w, "%d seeds: mean %.2f, range %.2f–%.2f\n", n, sum/float64(n), lo, hi)
}

// makeClusters clusters the words of a plain text file as the tagger
// reads them and writes their paths to out.
func makeClusters(in, out string, opt brown.Options) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var text [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if toks := training.Tokens(sc.Text()); len(toks) > 0 {
			text = append(text, toks)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	t0 := time.Now()
	paths := training.Clusters(text, opt)
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := training.WriteClusters(w, paths); err != nil {
		return err
	}
	fmt.Printf("%d words clustered in %v\n", len(paths), time.Since(t0).Round(time.Millisecond))
	return w.Close()
}

func score(m training.Model, test []conll.Sentence) conll.Evaluation {
	e := conll.Evaluation{}
	if docSize == 0 {
		for _, s := range test {
			e.Add(s.Tags, m.TagSentence(s.Tokens))
		}
		return e
	}
	for i := 0; i < len(test); i += docSize {
		doc := test[i:min(i+docSize, len(test))]
		toks := make([][]string, len(doc))
		for k, s := range doc {
			toks[k] = s.Tokens
		}
		for k, tags := range m.TagDocument(toks) {
			e.Add(doc[k].Tags, tags)
		}
	}
	return e
}
