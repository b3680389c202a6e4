package entities

import (
	"bytes"
	_ "embed"
	"sync"
)

// modelFile is the tagger trained on ANERcorp by ./train; see the package
// documentation for the command that remakes it.
//
//go:embed model.bin.gz
var modelFile []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model that ships with Sahifa, read on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = readModel(bytes.NewReader(modelFile))
	})
	return defaultModel, defaultErr
}
