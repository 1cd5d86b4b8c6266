package office

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"testing"
)

// TestConvert converts the .doc fixture to DOCX, the fallback path for Word files the Go reader
// cannot read. Skipped without LibreOffice.
func TestConvert(t *testing.T) {
	if !Installed() {
		t.Skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
	}
	body, err := os.ReadFile("../../testdata/formats/report.doc")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Convert(context.Background(), body, ".doc", "docx")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("not a DOCX: %v", err)
	}
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "word/document.xml"
	}
	if !found {
		t.Error("no word/document.xml in the converted file")
	}
}
