// Package seeds embeds the sample articles that Sahifa opens when it is
// given no path, so that a fresh checkout shows real Arabic news at once.
package seeds

import "embed"

// FS holds the seed articles, one scraped article per .txt file.
//
//go:embed *.txt
var FS embed.FS
