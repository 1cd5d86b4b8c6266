package segment

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"unicode/utf8"
)

//go:generate go run ./gen -out dict.bin

// dictBin is gse's simplified-Chinese dictionary as a double-array trie over
// runes (see gen/main.go for the layout). It is read in place: a process
// touches only the pages of the words its text meets, and starts at once.
//
//go:embed dict.bin
var dictBin []byte

// dict reads dict.bin. A state is a slot of the trie: the root or the node
// reached by the runes of a word or of a prefix of one.
type dict struct {
	total float64 // sum of the frequencies, gse's Dictionary.TotalFreq
	tags  []string
	codes []byte // uint16 per rune
	slots []byte // base, check, value: uint32 each
}

const rootState = 0

func parseDict(b []byte) (*dict, error) {
	bad := errors.New("segment: dict.bin is damaged; run go generate ./extract/segment")
	if len(b) < 16 || string(b[:8]) != "gsedict1" {
		return nil, bad
	}
	d := &dict{total: math.Float64frombits(binary.LittleEndian.Uint64(b[8:]))}
	b = b[16:]
	// section reads a count, then count*size bytes padded to 4.
	section := func(size int) (int, []byte, bool) {
		if len(b) < 4 {
			return 0, nil, false
		}
		n := int(binary.LittleEndian.Uint32(b))
		length := n * size
		padded := (length + 3) &^ 3
		if len(b)-4 < padded {
			return 0, nil, false
		}
		s := b[4 : 4+length]
		b = b[4+padded:]
		return n, s, true
	}
	// The tags: their count, then their NUL-separated bytes.
	nTags, _, ok := section(0)
	if !ok {
		return nil, bad
	}
	_, tagBytes, ok := section(1)
	if !ok {
		return nil, bad
	}
	d.tags = strings.Split(strings.TrimRight(string(tagBytes), "\x00"), "\x00")
	if len(d.tags) != nTags {
		return nil, bad
	}
	_, d.codes, ok = section(2)
	if !ok {
		return nil, bad
	}
	_, d.slots, ok = section(12)
	if !ok || len(b) != 0 || len(d.slots) == 0 {
		return nil, bad
	}
	return d, nil
}

// next returns the state after rune r, or -1 when no word continues so.
func (d *dict) next(state int, r rune) int {
	i := int(r) * 2
	if i < 0 || i+2 > len(d.codes) {
		return -1
	}
	code := int(binary.LittleEndian.Uint16(d.codes[i:]))
	if code == 0 {
		return -1
	}
	t := int(binary.LittleEndian.Uint32(d.slots[state*12:])) + code
	if t*12+12 > len(d.slots) || int(binary.LittleEndian.Uint32(d.slots[t*12+4:])) != state+1 {
		return -1
	}
	return t
}

// word returns the frequency and tag of the word that ends at state; freq
// is 0 when state is only a prefix of words.
func (d *dict) word(state int) (freq float64, tag string) {
	v := binary.LittleEndian.Uint32(d.slots[state*12+8:])
	if v == 0 {
		return 0, ""
	}
	return float64(v >> 8), d.tags[v&0xff]
}

// walk follows the runes of s from state; -1 when they leave the trie. No
// word has an invalid byte, so one leaves it too.
func (d *dict) walk(state int, s string) int {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return -1
		}
		if state = d.next(state, r); state < 0 {
			return -1
		}
	}
	return state
}

// find is gse's Dictionary.Find: the frequency and tag of a word, and
// whether s is a word or a prefix of one (then with frequency 0).
func (d *dict) find(s string) (freq float64, tag string, ok bool) {
	if s == "" {
		return 0, "", false
	}
	state := d.walk(rootState, s)
	if state < 0 {
		return 0, "", false
	}
	freq, tag = d.word(state)
	return freq, tag, true
}

// loadedDict is dict.bin, checked once at start.
var loadedDict, loadErr = parseDict(dictBin)
