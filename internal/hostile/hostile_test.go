package hostile

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"hash/adler32"
	"hash/crc32"
	"io"
	"testing"
)

func TestDeflated(t *testing.T) {
	for _, pattern := range []string{" ", "0 ", "q Q "} {
		for _, n := range []int{1, 2, 3} {
			want := bytes.Repeat([]byte(pattern), n<<20/len(pattern))
			got, err := io.ReadAll(flate.NewReader(bytes.NewReader(deflated(pattern, n))))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("deflated(%q, %d): %d bytes, %v", pattern, n, len(got), err)
			}
			zr, err := zlib.NewReader(bytes.NewReader(zlibbed(pattern, n)))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, want) {
				t.Errorf("zlibbed(%q, %d): %d bytes, %v", pattern, n, len(got), err)
			}
			if got, want := adler32Repeated(pattern, int64(n)<<20), adler32.Checksum(want); got != want {
				t.Errorf("adler32Repeated(%q, %d) = %x, want %x", pattern, n, got, want)
			}
		}
	}
}

func TestCRC32Combine(t *testing.T) {
	a, b := []byte("青山县人民政府"), []byte("关于2024年度工作情况的报告")
	if got, want := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))), crc32.ChecksumIEEE(append(a, b...)); got != want {
		t.Errorf("crc32Combine = %x, want %x", got, want)
	}
	block := []byte("<w:p><a>")
	for _, n := range []int{1, 2, 3, 7, 64} {
		if got, want := crc32Repeated(crc32.ChecksumIEEE(block), int64(len(block)), n), crc32.ChecksumIEEE(bytes.Repeat(block, n)); got != want {
			t.Errorf("crc32Repeated(%d) = %x, want %x", n, got, want)
		}
	}
}
