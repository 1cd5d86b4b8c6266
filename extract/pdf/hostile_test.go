package pdf

import (
	"strings"
	"testing"

	"github.com/gongwen/gongwen/internal/hostile"
)

// TestHostile reads the PDFs built to exhaust a reader: each must end in an error, and a good file read
// afterwards must still come out.
func TestHostile(t *testing.T) {
	for _, f := range hostile.PDFs() {
		t.Run(f.Name, func(t *testing.T) {
			res, err := Read(f.Body)
			if err == nil {
				t.Fatalf("%d bytes: got %q, want an error", len(f.Body), res.Text)
			}
			t.Logf("%d bytes: %v", len(f.Body), err)
		})
	}
	res, err := Read(hostile.GoodPDF())
	if err != nil || res.Text != "Hello\n" {
		t.Errorf("good PDF: %v, %+v", err, res)
	}
}

func TestObjectStreams(t *testing.T) {
	res, err := Read(hostile.GoodObjectStreams())
	if err != nil || res.Text != "Hello\n" {
		t.Fatalf("%v, %+v", err, res)
	}
	good := string(hostile.GoodObjectStreams())
	objStm := "/N 1 /First 4" + strings.Repeat(" ", 24)
	xref := "/W [1 4 2] /Size 9 /Root 1 0 R" + strings.Repeat(" ", 24)
	for _, tt := range []struct{ name, old, new string }{
		{"object stream dictionary refers into an object stream", objStm, "/N 3 0 R /First 4"},
		{"object stream count larger than the file", objStm, "/#4E 999999 /First 4"},
		{"extends loop through two streams", objStm, "/N 1 /First 4 /Extends 5 0 R"},
		{"entries without offsets", xref, "/W [1 0 6] /Size 9 /Root 1 0 R"},
		{"entry field wider than 8 bytes", xref, "/W [1 4 9] /Size 9 /Root 1 0 R"},
		{"entry field wider than 8 bytes, name escaped", xref, "/#57 [1 4 9] /Size 9 /Root 1 0 R"},
		{"cross-reference stream /Size larger than the file", xref, "/W [1 4 2] /#53ize 99999999 /Root 1 0 R"},
		{"cross-reference stream index beyond the file", xref, "/W [1 4 2] /Size 9 /Index [0 9 9999999 1] /Root 1 0 R"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// Changed in place, so every offset stays right.
			body := strings.Replace(good, tt.old, tt.new+strings.Repeat(" ", len(tt.old)-len(tt.new)), 1)
			if body == good {
				t.Fatalf("%q not in the file", tt.old)
			}
			res, err := Read([]byte(body))
			if err == nil {
				t.Fatalf("got %q, want an error", res.Text)
			}
			t.Log(err)
		})
	}
}
