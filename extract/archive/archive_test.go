package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

type entry struct {
	name  string
	body  string
	size  int // when > 0, that many zero bytes instead of body
	flags uint16
}

func makeZip(t testing.TB, entries ...entry) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Flags: e.flags})
		if err != nil {
			t.Fatal(err)
		}
		if e.size > 0 {
			io.CopyN(w, zeros{}, int64(e.size))
		} else {
			w.Write([]byte(e.body))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type zeros struct{}

func (zeros) Read(b []byte) (int, error) {
	clear(b)
	return len(b), nil
}

func gbk(s string) string {
	b, _ := simplifiedchinese.GBK.NewEncoder().String(s)
	return b
}

func TestZip(t *testing.T) {
	body := makeZip(t,
		entry{name: "附件/"},
		entry{name: gbk("附件1.txt"), body: "一"},          // GBK name without the UTF-8 flag
		entry{name: "附件2.txt", body: "二", flags: 0x800}, // flagged UTF-8
		entry{name: "附件3.txt", body: "三"},               // UTF-8 without the flag
		entry{name: "__MACOSX/._附件3.txt", body: "x"},    // litter
		entry{name: "..\\..\\附件4.txt", body: "四"},       // a path escaping the archive
		entry{name: "secret.txt", body: "x", flags: 1},  // encrypted
	)
	files, notes, err := Zip(body, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path+"="+string(f.Body))
	}
	if want := "附件1.txt=一 附件2.txt=二 附件3.txt=三 附件4.txt=四"; strings.Join(got, " ") != want {
		t.Errorf("files %q, want %q", got, want)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "secret.txt: encrypted") {
		t.Errorf("notes %q", notes)
	}
}

func TestZipBomb(t *testing.T) {
	lim := Limits{Files: 10, FileSize: 8 << 20, Total: 12 << 20}
	body := makeZip(t, entry{name: "bomb.bin", size: 8<<20 + 1})
	if len(body) > 64<<10 {
		t.Fatalf("test archive of %d bytes is not a bomb", len(body))
	}
	if _, _, err := Zip(body, lim); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if _, _, err := Zip(makeZip(t, entry{name: "a", size: 7 << 20}, entry{name: "b", size: 7 << 20}), lim); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge for the total", err)
	}
	var many []entry
	for range lim.Files + 1 {
		many = append(many, entry{name: "a.txt", body: "x"})
	}
	if _, _, err := Zip(makeZip(t, many...), lim); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge for too many files", err)
	}
}

func FuzzZip(f *testing.F) {
	f.Add(makeZip(f, entry{name: gbk("附件1.txt"), body: "一"}))
	f.Fuzz(func(t *testing.T, body []byte) {
		files, _, err := Zip(body, Limits{Files: 10, FileSize: 1 << 20, Total: 2 << 20})
		if err != nil && files != nil {
			t.Fatal("files with an error")
		}
	})
}
