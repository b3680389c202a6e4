package main

import (
	"os"
	"testing"

	"sahifa/corpus/corpustest"
)

func TestMain(m *testing.M) { os.Exit(corpustest.RunWithOwnCache(m)) }
