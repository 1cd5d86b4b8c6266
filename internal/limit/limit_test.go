package limit

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	for _, tt := range []struct {
		in      string
		n       int64
		want    string
		tooLong bool
	}{
		{"", 3, "", false},
		{"abc", 3, "abc", false},
		{"abcd", 3, "abc", true},
		{"abcdefgh", 0, "", true},
	} {
		got, err := ReadAll(strings.NewReader(tt.in), tt.n, "input")
		if string(got) != tt.want || errors.Is(err, ErrExceeded) != tt.tooLong {
			t.Errorf("ReadAll(%q, %d) = %q, %v; want %q, too long %v", tt.in, tt.n, got, err, tt.want, tt.tooLong)
		}
	}
	// Reads of one byte at a time stop at the limit too.
	r := NewReader(io.MultiReader(strings.NewReader("ab"), strings.NewReader("cd")), 3, "input")
	var got bytes.Buffer
	b := make([]byte, 1)
	var err error
	for err == nil {
		var n int
		n, err = r.Read(b)
		got.Write(b[:n])
	}
	if got.String() != "abc" || !errors.Is(err, ErrExceeded) || r.Count() != 3 {
		t.Errorf("byte reads: %q, %v, count %d", got.String(), err, r.Count())
	}
	if want := "input larger than 3 B"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestBudget(t *testing.T) {
	b := NewBudget(10, "streams")
	if _, err := io.ReadAll(b.Reader(strings.NewReader("123456"))); err != nil {
		t.Fatal(err)
	}
	_, err := io.ReadAll(b.Reader(strings.NewReader("123456")))
	if !errors.Is(err, ErrExceeded) || b.Err() == nil {
		t.Fatalf("second reader: %v", err)
	}
	if _, err := b.Reader(strings.NewReader("1")).Read(make([]byte, 1)); err == nil {
		t.Error("an overdrawn budget still reads")
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"100": 100, "64MB": 64 << 20, "1G": 1 << 30, "1.5g": 3 << 29, "512k": 512 << 10, "2GiB": 2 << 30, "10 MB": 10 << 20} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1", "lots", "1e30"} {
		if got, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", in, got)
		}
	}
	for n, want := range map[int64]string{100: "100 B", 64 << 20: "64 MB", 1 << 30: "1 GB", 1536 << 10: "1.5 MB", 4 << 10: "4 kB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
