package main

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// TestMain lets the test binary be its own worker process: extract and
// ingest start os.Executable() with the hidden worker command, which here
// is this binary.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == workerCommand {
		beforeExtract = crashOn
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	if os.Getenv(asGongwen) == "1" { // a test runs gongwen as a process of its own
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// testExtractor returns an extractor with the default limits, closed when the test ends.
func testExtractor(t *testing.T) *extractor {
	ex, err := newExtractor(docLimits{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ex.Close)
	return ex
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// asGongwen set to 1 makes the test binary the gongwen command.
const asGongwen = "GONGWEN_TEST_AS_COMMAND"

// crashOn brings the worker down with a fatal error that recover cannot catch (a stack overflow)
// when it is given a file whose name asks for it, as an unguarded bug in a reader would.
// A file whose name says hang-the-worker makes it create NAME.started and wait forever.
func crashOn(name string) {
	if strings.Contains(name, "hang-the-worker") {
		os.WriteFile(name+".started", nil, 0o644)
		select {}
	}
	if !strings.Contains(name, "crash-the-worker") {
		return
	}
	debug.SetMaxStack(1 << 20)
	var recurse func(int) int
	recurse = func(n int) int { return recurse(n+1) + 1 }
	recurse(0)
}
