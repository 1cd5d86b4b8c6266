package hostile

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"hash/adler32"
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
