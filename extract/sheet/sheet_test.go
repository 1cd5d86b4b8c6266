package sheet

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestReadGolden reads the workbooks testdata/sheet/make.sh made with LibreOffice and compares them
// with their golden JSON.
func TestReadGolden(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/sheet/stats*.*")
	for _, file := range files {
		var read func([]byte) (*Workbook, error)
		switch filepath.Ext(file) {
		case ".xlsx":
			read = ReadXLSX
		case ".xls", ".et":
			read = ReadXLS
		default:
			continue
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			body, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			wb, err := read(body)
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range wb.Tables {
				first := strings.Join(tb.Rows[0], "\t")
				if got := string([]rune(wb.Text)[tb.Start:]); !strings.HasPrefix(got, first[:strings.IndexByte(first+"\t", '\t')]) {
					t.Errorf("table %q: Start %d points at %.20q", tb.Caption, tb.Start, got)
				}
			}
			got, _ := json.MarshalIndent(wb, "", "  ")
			golden := file + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(strings.TrimSpace(string(want)), string(got)); diff != "" {
				t.Errorf("differs from %s (-want +got; run with -update to accept):\n%s", golden, diff)
			}
		})
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/sheet")
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		v      float64
		format string
		want   string
	}{
		{1234.5, "#,##0.00", "1234.5"},
		{0.1 + 0.2, "General", "0.3"},
		{0.065, "0.0%", "6.5%"},
		{45311, "yyyy-mm-dd", "2024-01-20"},
		{45311, `yyyy"年"m"月"d"日"`, "2024-01-20"},
		{45311.5, "yyyy-mm-dd h:mm", "2024-01-20 12:00:00"},
		{0.75, "h:mm", "18:00:00"},
		{45311, `[$-804]yyyy"年"m"月"`, "2024-01-20"},
		{12, `0"件"`, "12"},
		{-3, "[Red]0.00", "-3"},
		{60, "[DBNum1]General", "60"},
		{1e21, "0", "1000000000000000000000"},
	}
	for _, tt := range tests {
		if got := number(tt.v, tt.format, false); got != tt.want {
			t.Errorf("number(%v, %q) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
	if got := number(0, "yyyy-mm-dd", true); got != "1904-01-01" {
		t.Errorf("1904 system: %q", got)
	}
}

func TestReadErrors(t *testing.T) {
	for name, body := range map[string][]byte{
		"empty":       nil,
		"not ole":     []byte("hello"),
		"ole magic":   []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
		"zip, no xml": []byte("PK\x03\x04"),
	} {
		if _, err := ReadXLS(body); err == nil {
			t.Errorf("ReadXLS(%s): no error", name)
		}
		if _, err := ReadXLSX(body); err == nil {
			t.Errorf("ReadXLSX(%s): no error", name)
		}
	}
}

func FuzzReadXLS(f *testing.F) {
	if body, err := os.ReadFile("../../testdata/sheet/stats.xls"); err == nil {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		wb, err := ReadXLS(body)
		if err == nil && wb == nil {
			t.Fatal("nil workbook without an error")
		}
	})
}

// FuzzRecords fuzzes the BIFF8 record reader directly, past the compound file.
func FuzzRecords(f *testing.F) {
	f.Add([]byte("\x09\x08\x10\x00\x00\x06\x05\x00"))
	f.Fuzz(func(t *testing.T, stream []byte) {
		recs, err := records(stream)
		if err != nil {
			return
		}
		readBIFF(recs)
	})
}
