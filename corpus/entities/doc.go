// Package entities finds the people, places and organisations a news
// article names and groups their mentions into entities, for Sahifa's
// entity panel and its `entities` command.
//
// # Tagger
//
// An averaged structured perceptron (Collins 2002) over BILOU tags for
// PERS, LOC, ORG and MISC, decoded by Viterbi under BILOU constraints and
// written out as BIO. Its features
// suit Arabic: the folded word (arabic.Fold) and the word without its
// proclitics (arabic.WithoutProclitics), prefixes and suffixes of up to
// four letters, the words two either side, trigger words such as الرئيس or
// وزارة (the table in lexicon.go), membership in the gazetteers of
// lexicon/, the shape of the token, and what the training data says of the
// word: seen as a name of some kind, mostly outside names, or never seen —
// the last with the words around it, which is how the tagger knows في
// طرطوس is a place it never met. Training hides a token's own word
// features now and then, and always for a word the other parts of the
// data never saw, so that context and word lists carry weight too; three
// passes in different orders are averaged into the model.
//
// The model is trained on the training part of ANERcorp (Benajiba, Rosso &
// Benedí 2007; the CAMeL Lab split, CC BY-SA 4.0) and ships inside the
// binary as model.bin.gz (0.95 MB), remade in under half a minute,
// identically for the same data, by
//
//	go run ./corpus/entities/train -data ../shared/data/anercorp/train.txt -o corpus/entities/model.bin.gz
//
// # Measured
//
// With exact spans as conlleval counts them and names spread over blocks
// of 30 sentences (as `sahifa entities --conll` does), the micro-F1 over
// PERS, LOC and ORG is 73.0 on the last sixth of the training part held
// out (PERS 72.6, LOC 82.8, ORG 60.3) and 76.5 by 6-fold
// cross-validation:
//
//	go run ./corpus/entities/train -data ../shared/data/anercorp/train.txt -eval -doc 30
//	go run ./corpus/entities/train -data ../shared/data/anercorp/train.txt -folds 6 -doc 30
//
// TestHeldOutF1 keeps the first figure from falling. The same command
// with -errors 30 sorts the held-out errors by kind: most are names the
// training part never had (their recall is about half that of names it
// had), above all organisations such as sports clubs and firms.
//
// # Grouping
//
// After tagging, titles and stop words come off the edges of names, a
// name found in one place is marked wherever it recurs in the article (one
// sense per discourse), and mentions become entities: clitics come off
// (لبوتين → بوتين), spellings fold (سوريا, سورية), a family name joins the
// one full name it ends (بوتين → فلاديمير بوتين), and the label is the
// fullest form seen. A Catalog gathers the entities of a collection.
package entities
