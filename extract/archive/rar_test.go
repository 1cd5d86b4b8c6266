package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/nwaples/rardecode/v2"
)

var update = flag.Bool("update", false, "rewrite testdata/formats/bundle.rar")

// TestRarWriter checks the test writers with the library alone: what they write, rardecode reads
// back byte for byte, checksums included.
func TestRarWriter(t *testing.T) {
	for _, tc := range []struct {
		name string
		body []byte
		want []rarFile
	}{
		{"rar5", rar5(0, rarFile{name: "a/报告.txt", body: []byte("一二三")}, rarFile{name: "b.bin", body: []byte{0, 1, 2}}),
			[]rarFile{{name: "a/报告.txt", body: []byte("一二三")}, {name: "b.bin", body: []byte{0, 1, 2}}}},
		{"rar5 solid", rar5(rar5Solid, rarFile{name: "a", body: []byte("x")}, rarFile{name: "b", body: []byte("y")}),
			[]rarFile{{name: "a", body: []byte("x")}, {name: "b", body: []byte("y")}}},
		{"rar5 compressed", rar5(0, rarFile{name: "z", zeros: 3 * 4097}, rarFile{name: "y", zeros: 5}),
			[]rarFile{{name: "z", body: make([]byte, 3*4097)}, {name: "y", body: make([]byte, 5)}}},
		{"rar4", rar4(rarFile{name: "c.txt", body: []byte("abc")}), []rarFile{{name: "c.txt", body: []byte("abc")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rr, err := rardecode.NewReader(bytes.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.want {
				h, err := rr.Next()
				if err != nil {
					t.Fatal(err)
				}
				got, err := io.ReadAll(rr)
				if err != nil {
					t.Fatalf("%s: %v", h.Name, err)
				}
				if h.Name != want.name || !bytes.Equal(got, want.body) {
					t.Errorf("got %s of %d bytes, want %s of %d", h.Name, len(got), want.name, len(want.body))
				}
			}
			if _, err := rr.Next(); err != io.EOF {
				t.Errorf("after the last file: %v, want io.EOF", err)
			}
		})
	}
}

func TestRar(t *testing.T) {
	for _, tc := range []struct {
		name  string
		body  []byte
		files string // path=body …
		notes string
	}{
		{"rar5", rar5(0,
			rarFile{name: "附件", dir: true},
			rarFile{name: "附件/附件1：报告.txt", body: []byte("一")},
			rarFile{name: "__MACOSX/附件/._附件1：报告.txt", body: []byte("x")},
			rarFile{name: "../../附件2.txt", body: []byte("二")},
			rarFile{name: "secret.txt", body: []byte("x"), encrypted: true},
		), "附件/附件1：报告.txt=一 附件2.txt=二", "secret.txt: encrypted, skipped"},
		{"rar5 solid", rar5(rar5Solid, rarFile{name: "a.txt", body: []byte("甲")}, rarFile{name: "b.txt", body: []byte("乙")}),
			"a.txt=甲 b.txt=乙", ""},
		// RAR 4 without the Unicode flag stores the name in the OEM code page: GBK on Chinese Windows.
		{"rar4 gbk", rar4(rarFile{name: gbk(`材料\附件1.txt`), body: []byte("一")}, rarFile{name: "b.txt", body: []byte("二")}),
			"材料/附件1.txt=一 b.txt=二", ""},
		{"bad checksum", rar5(0, rarFile{name: "a.txt", body: []byte("甲")}, rarFile{name: "b.txt", body: []byte("乙"), size: 2}),
			"a.txt=甲", "b.txt: rardecode: bad file checksum, skipped"},
		{"empty", rar5(0), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, notes, err := Rar(tc.body, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range files {
				got = append(got, f.Path+"="+string(f.Body))
			}
			if g := strings.Join(got, " "); g != tc.files {
				t.Errorf("files %q, want %q", g, tc.files)
			}
			if g := strings.Join(notes, "; "); g != tc.notes {
				t.Errorf("notes %q, want %q", g, tc.notes)
			}
		})
	}
}

func TestRarErrors(t *testing.T) {
	whole := rar5(0, rarFile{name: "a.txt", body: bytes.Repeat([]byte("甲"), 100)}, rarFile{name: "b.txt", body: []byte("乙")})
	for _, tc := range []struct {
		name, want string
		body       []byte
	}{
		{"cut in a file", "truncated RAR archive", whole[:60]},
		{"cut in a header", "truncated RAR archive", whole[:len(whole)-20]},
		{"cut in the signature", "damaged RAR archive: rardecode: RAR signature not found", whole[:5]},
		{"first part", "one part of a multi-volume RAR archive",
			rar5(rar5Volume, rarFile{name: "a.txt", body: []byte("甲")}, rarFile{name: "b.txt", body: []byte("乙"), split: 0x10})},
		{"later part", "a RAR file continued from another part",
			rar5(rar5Volume, rarFile{name: "b.txt", body: []byte("乙"), split: 0x08})},
		{"encrypted file list", "encrypted RAR archive",
			append([]byte("Rar!\x1a\x07\x01\x00"), rar5Block(4, 0, append(uv(uv(nil, 0), 0), make([]byte, 17)...), nil, nil)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, _, err := Rar(tc.body, DefaultLimits)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || files != nil {
				t.Errorf("err = %v, want %q (and no files: %d)", err, tc.want, len(files))
			}
		})
	}
}

// TestRarBomb: compressed zeros unpack 16384 times their size and more; the limits stop them while
// unpacking, whatever size the header declares (the true one, none, or one within the limits).
func TestRarBomb(t *testing.T) {
	lim := Limits{Files: 10, FileSize: 8 << 20, Total: 12 << 20}
	for _, tc := range []struct {
		name string
		body []byte
	}{
		{"declared", rar5(0, rarFile{name: "bomb.bin", zeros: 1 << 30})},
		{"unknown size", rar5(0, rarFile{name: "bomb.bin", zeros: 1 << 30, unknownSize: true})},
		{"total", rar5(0, rarFile{name: "a", zeros: 7 << 20}, rarFile{name: "b", zeros: 7 << 20})},
		{"solid total", rar5(rar5Solid, rarFile{name: "a", zeros: 7 << 20}, rarFile{name: "b", zeros: 7 << 20})},
		{"many files", rar5(0, manyFiles(lim.Files+1)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.body) > 64<<10 {
				t.Fatalf("test archive of %d bytes is not a bomb", len(tc.body))
			}
			if _, _, err := Rar(tc.body, lim); !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
		})
	}
	// A header declaring less than the data holds gets only what it declares.
	files, notes, err := Rar(rar5(0, rarFile{name: "small.bin", zeros: 1 << 30, size: 100}), lim)
	if err != nil || len(files) != 1 || len(files[0].Body) != 100 {
		t.Fatalf("files %d, notes %q, err %v; want one file of 100 bytes", len(files), notes, err)
	}
}

func manyFiles(n int) []rarFile {
	files := make([]rarFile, n)
	for i := range files {
		files[i] = rarFile{name: fmt.Sprintf("%d.txt", i), body: []byte("x")}
	}
	return files
}

const bundleRar = "../../testdata/formats/bundle.rar"

// TestRarFixture reads testdata/formats/bundle.rar (rewritten with -update from bundleFiles) back:
// the files of bundleFiles, in order, the folder left out.
func TestRarFixture(t *testing.T) {
	want := bundleFiles(t)
	if *update {
		if err := os.WriteFile(bundleRar, rar5(0, want...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	body, err := os.ReadFile(bundleRar)
	if err != nil {
		t.Fatal(err)
	}
	files, notes, err := Rar(body, DefaultLimits)
	if err != nil || len(notes) > 0 {
		t.Fatalf("err %v, notes %q", err, notes)
	}
	want = want[1:] // the folder
	if len(files) != len(want) {
		t.Fatalf("%d files, want %d", len(files), len(want))
	}
	for i, f := range files {
		if f.Path != want[i].name || !bytes.Equal(f.Body, want[i].body) {
			t.Errorf("file %d: %s of %d bytes, want %s of %d", i, f.Path, len(f.Body), want[i].name, len(want[i].body))
		}
	}
}

// bundleFiles are the files of testdata/formats/bundle.rar, as a county bureau might send them: a
// folder, a report saved as GBK text by a Chinese Windows editor, the notice that publishes it as
// an HTML page, and a zip inside holding the report as OFD.
func bundleFiles(t *testing.T) []rarFile {
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var inner bytes.Buffer
	zw := zip.NewWriter(&inner)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "附件2：民政工作报告.ofd", Method: zip.Deflate, Flags: 0x800})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(read("../../testdata/formats/report.ofd"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return []rarFile{
		{name: "材料", dir: true},
		{name: "材料/附件1：民政工作报告.txt", body: []byte(gbk(string(read("../../testdata/formats/report.txt"))))},
		{name: "通知.html", body: []byte(noticeHTML)},
		{name: "材料/附件2.zip", body: inner.Bytes()},
	}
}

const noticeHTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>青山县民政局关于报送2024年度民政工作情况的通知</title>
<meta name="ArticleTitle" content="青山县民政局关于报送2024年度民政工作情况的通知">
<meta name="PubDate" content="2025-01-20">
</head><body><div class="content">
<h1>青山县民政局关于报送2024年度民政工作情况的通知</h1>
<p>青民函〔2025〕3号</p>
<p>各乡镇人民政府：</p>
<p>现将《青山县民政局关于2024年度民政工作情况的报告》印发给你们，请结合实际认真抓好落实。全年累计发放城乡低保金3862.5万元，保障困难群众1.24万人。</p>
<p>附件：<a href="附件1：民政工作报告.txt">1. 民政工作报告</a></p>
<p>青山县民政局</p><p>2025年1月20日</p>
</div></body></html>
`

// FuzzRar reads the fuzzed bytes as an archive, and as the compressed data of a file in a valid
// archive (the headers' CRCs stop most mutations of a whole archive before the unpacker).
func FuzzRar(f *testing.F) {
	f.Add(rar5(0, rarFile{name: "附件1.txt", body: []byte("一")}, rarFile{name: "z", zeros: 5000}))
	f.Add(rar5(rar5Solid, rarFile{name: "a", body: []byte("x")}, rarFile{name: "b", zeros: 10}))
	f.Add(rar4(rarFile{name: gbk("附件1.txt"), body: []byte("一")}))
	f.Add(zerosRAR5(5000))
	if body, err := os.ReadFile(bundleRar); err == nil {
		f.Add(body)
	}
	lim := Limits{Files: 10, FileSize: 1 << 20, Total: 2 << 20}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, body := range [][]byte{body, rar5(0, rarFile{name: "a", packed: body, unknownSize: true})} {
			files, _, err := Rar(body, lim)
			if err != nil && files != nil {
				t.Fatal("files with an error")
			}
		}
	})
}
