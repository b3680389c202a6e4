// Package lang is the language Sahifa's screen and commands speak: a
// catalog of every text they show, in English and Arabic, printed through
// golang.org/x/text/message, which picks the plural form by CLDR's rules
// (Arabic's six: zero, one, two, few, many, other) and writes numbers in
// the digits chosen.
//
// A text's key is its English wording, as the gotext tool has it: English
// needs an entry only where it has plural forms, and a text missing from
// the Arabic catalog shows in English rather than not at all (a test of
// package ui finds any such text).
package lang

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Language is an interface language.
type Language uint8

const (
	English Language = iota
	Arabic
)

// Parse reads a language as the --lang flag and the settings file name
// it: "ar" or "en".
func Parse(s string) (Language, bool) {
	switch s {
	case "ar":
		return Arabic, true
	case "en":
		return English, true
	}
	return English, false
}

// FromEnv returns the language of the locale the environment sets for
// messages: LC_ALL, else LC_MESSAGES, else LANG, as POSIX orders them
// (XBD 8.2). Arabic is any locale of language ar (ar, ar_SA.UTF-8,
// ar_EG@latin…); everything else is English.
func FromEnv(getenv func(string) string) Language {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc := getenv(v); loc != "" {
			if loc == "ar" || strings.HasPrefix(loc, "ar_") || strings.HasPrefix(loc, "ar.") || strings.HasPrefix(loc, "ar@") {
				return Arabic
			}
			return English
		}
	}
	return English
}

// Digits says which digits numbers are written in.
type Digits uint8

const (
	// DigitsDefault writes Arabic-Indic digits in Arabic, Western in
	// English.
	DigitsDefault Digits = iota
	DigitsWestern
	DigitsArabic
)

// ParseDigits reads digits as the --digits flag and the settings file
// name them: "western" or "arabic" (Arabic-Indic, ٠١٢…).
func ParseDigits(s string) (Digits, bool) {
	switch s {
	case "western":
		return DigitsWestern, true
	case "arabic":
		return DigitsArabic, true
	}
	return DigitsDefault, false
}

// Printer prints the catalog's texts in one language and one set of
// digits. The nil Printer prints English.
type Printer struct {
	p    *message.Printer
	lang Language
}

// cat holds both languages' texts; it is built once, read only after.
var cat = func() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, e := range slices.Concat(english, englishCommands) {
		b.Set(language.English, e.key, e.msg)
	}
	for _, e := range slices.Concat(arabic, arabicCommands, arabicScreen) {
		b.Set(language.Arabic, e.key, e.msg)
	}
	return b
}()

var english0 = New(English, DigitsDefault)

// New returns the printer of language l writing digits d.
func New(l Language, d Digits) *Printer {
	tag := "en"
	if l == Arabic {
		tag = "ar"
	}
	// The Unicode locale extension nu (UTS #35) chooses the digits.
	switch {
	case d == DigitsArabic, d == DigitsDefault && l == Arabic:
		tag += "-u-nu-arab"
	default:
		tag += "-u-nu-latn"
	}
	return &Printer{p: message.NewPrinter(language.MustParse(tag), message.Catalog(cat)), lang: l}
}

// Sprintf returns the text whose English wording is key, in the printer's
// language, with args formatted as fmt does and numbers in its digits.
func (p *Printer) Sprintf(key string, args ...any) string {
	if p == nil {
		p = english0
	}
	return p.p.Sprintf(key, args...)
}

// Text returns the text whose English wording is key, with no arguments:
// a key held in a variable (a key's help, a table's label), which is no
// format.
func (p *Printer) Text(key string) string {
	if p == nil {
		p = english0
	}
	return p.p.Sprintf(strings.ReplaceAll(key, "%", "%%"))
}

// Language returns the printer's language.
func (p *Printer) Language() Language {
	if p == nil {
		return English
	}
	return p.lang
}

// RTL reports whether the language is written right to left, so that the
// screen is laid out that way.
func (p *Printer) RTL() bool { return p.Language() == Arabic }

// Known reports whether key has a text of its own in the catalog of
// language l (English keys need none: they are the text).
func Known(l Language, key string) bool {
	if l == English {
		return true
	}
	for _, e := range slices.Concat(arabic, arabicCommands, arabicScreen) {
		if e.key == key {
			return true
		}
	}
	return false
}

// entry is one text of a catalog: its key (the English wording) and what
// it reads in the catalog's language.
type entry struct {
	key string
	msg catalog.Message
}

// text is a text with no plural forms.
func text(s string) catalog.Message { return catalog.String(s) }
