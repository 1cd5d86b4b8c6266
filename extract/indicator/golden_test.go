package indicator

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and the rule list of doc.go")

// TestReportGolden names every indicator of a whole invented report and
// compares with testdata/report.golden, one "text | value unit kind | name"
// per line; run with -update after a deliberate change and read the diff.
func TestReportGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "quantity", "testdata", "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, in := range find(string(text), segmenter(t)) {
		approx := ""
		if in.Approx {
			approx = " ~"
		}
		fmt.Fprintf(&b, "%s | %s %s %s%s | %s\n", in.Text, strconv.FormatFloat(in.Value, 'f', -1, 64), in.Unit, in.Kind, approx, in.Name)
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("line %d:\n got: %s\nwant: %s", i+1, g, w)
			}
		}
	}
}
