package entities

import (
	"fmt"
	"os"
	"testing"
)

// TestMain checks, before any test reads them, that loading the package
// read neither the word lists nor the model: commands that show no names
// (sahifa list, sahifa render) must not pay for them.
func TestMain(m *testing.M) {
	if lexData != nil || defaultModel != nil {
		fmt.Fprintln(os.Stderr, "entities: the word lists or the model were read when the package loaded")
		os.Exit(1)
	}
	os.Exit(m.Run())
}
