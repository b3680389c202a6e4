// Package entities finds the people, places and organisations a news
// article names and groups their mentions into entities, for Sahifa's
// entity panel and its `entities` command.
//
// The tagger is an averaged perceptron over BIO tags (PERS, LOC, ORG,
// MISC), decoded by Viterbi, with features suited to Arabic: the folded
// word, the word without its proclitics, prefixes and suffixes, the words
// around it, trigger words such as الرئيس or وزارة, gazetteer membership
// and the shape of the token. It is trained on the training part of
// ANERcorp (Benajiba, Rosso & Benedí 2007; the CAMeL Lab split, CC BY-SA
// 4.0) and ships inside the binary as model.bin.gz, remade by
//
//	go run ./corpus/entities/train -data ../shared/data/anercorp/train.txt -o corpus/entities/model.bin.gz
//
// and measured on a held-out sixth of the same data by
//
//	go run ./corpus/entities/train -data ../shared/data/anercorp/train.txt -eval
//
// After tagging, a name found in one place is marked wherever it recurs in
// the article, titles are cut off names, and mentions become entities:
// clitics come off (لبوتين → بوتين), spellings fold (سوريا, سورية), and a
// family name joins the one full name it ends (بوتين → فلاديمير بوتين).
//
// The gazetteers in lexicon/ are credited in lexicon/README.md.
package entities
