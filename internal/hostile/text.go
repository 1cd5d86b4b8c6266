package hostile

import (
	"math/rand/v2"
	"unicode/utf8"
)

// CutUTF8 returns UTF-8 text cut in the middle of its last multi-byte character, as an interrupted
// download leaves it.
func CutUTF8(text []byte) []byte {
	for i := len(text) - 1; i > 0; i-- {
		if utf8.RuneStart(text[i]) && text[i] >= utf8.RuneSelf {
			_, n := utf8.DecodeRune(text[i:])
			return append([]byte(nil), text[:i+n-1]...)
		}
	}
	return text
}

// DamagedUTF8 returns UTF-8 text with one byte in the middle of a multi-byte character zeroed.
func DamagedUTF8(text []byte) []byte {
	out := append([]byte(nil), text...)
	for i := len(out) / 2; i < len(out); i++ {
		if !utf8.RuneStart(out[i]) {
			out[i] = 0xFF
			break
		}
	}
	return out
}

// RandomBytes returns n bytes of noise, the same for the same seed: a binary file with a .txt name.
func RandomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	out := make([]byte, n)
	for i := range out {
		out[i] = byte(r.Uint32())
	}
	return out
}

// RandomGB18030 returns n bytes of random GB18030 double-byte codes: text that decodes without one
// error into Chinese characters, almost all of them rare, and no control characters.
func RandomGB18030(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	out := make([]byte, 0, n)
	for len(out)+1 < n {
		out = append(out, byte(0x81+r.IntN(0xFE-0x81+1)), byte(0x40+r.IntN(0xFE-0x40)))
	}
	return out
}
