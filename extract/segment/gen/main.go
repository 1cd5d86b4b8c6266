// Command gen converts gse's simplified-Chinese dictionary into dict.bin, the
// double-array trie the segment package embeds and reads in place, so that a
// process segments without parsing 350,000 dictionary lines first.
//
// The words, frequencies and part-of-speech tags are taken from gse's own
// loader (gse.Segmenter.LoadDictEmbed("zh_s")), so the file holds exactly the
// dictionary gse would build: its first-entry-wins rule for duplicates, its
// minimum frequency, its frequency of 2 for single characters and its
// lowercasing of Latin letters. Run it after changing the gse version:
//
//	go generate ./extract/segment
//
// dict.bin (integers little-endian, uint32 unless said otherwise):
//
//	"gsedict1"                 magic
//	total frequency            float64 bits, as two uint32 (low, high)
//	nTags                      the number of part-of-speech tags
//	nBytes, tag bytes          the tags, NUL-separated (padded to 4 bytes)
//	nRunes, codes              one uint16 per rune 0..nRunes-1: its code, 0 when no word has it
//	                           (padded to 4 bytes)
//	nSlots, slots              three uint32 per slot: base, check, value
//
// Slot 0 is the root. The child of slot s by rune r is t = base[s] + code(r)
// when check[t] = s+1 (0 marks a free slot). value[t] is freq<<8 | tag for a
// node that ends a word and 0 for one that is only a prefix. Codes are given
// to runes by how many words contain them, so the crowded root region is
// filled by the common characters.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"

	"github.com/go-ego/gse"
)

func main() {
	out := flag.String("out", "dict.bin", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type word struct {
	runes []rune
	value uint32
}

func run(out string) error {
	seg := gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return err
	}

	tagIndex := map[string]int{}
	var tags []string
	runeWords := map[rune]int{}
	words := make([]word, 0, seg.Dict.NumTokens())
	for _, tok := range seg.Dict.Tokens {
		freq := tok.Freq()
		if freq != math.Trunc(freq) || freq < 1 || freq >= 1<<24 {
			return fmt.Errorf("%q: frequency %v does not fit 24 bits", tok.Text(), freq)
		}
		tag, ok := tagIndex[tok.Pos()]
		if !ok {
			tag = len(tags)
			tagIndex[tok.Pos()] = tag
			tags = append(tags, tok.Pos())
		}
		if tag > 255 {
			return fmt.Errorf("more than 256 part-of-speech tags")
		}
		w := word{runes: []rune(tok.Text()), value: uint32(freq)<<8 | uint32(tag)}
		seen := map[rune]bool{}
		for _, r := range w.runes {
			if !seen[r] {
				seen[r] = true
				runeWords[r]++
			}
		}
		words = append(words, w)
	}

	// Codes by descending word count, then by rune.
	byCount := make([]rune, 0, len(runeWords))
	maxRune := rune(0)
	for r := range runeWords {
		byCount = append(byCount, r)
		maxRune = max(maxRune, r)
	}
	sort.Slice(byCount, func(i, j int) bool {
		a, b := byCount[i], byCount[j]
		if runeWords[a] != runeWords[b] {
			return runeWords[a] > runeWords[b]
		}
		return a < b
	})
	codes := make([]uint32, maxRune+1)
	if len(byCount) >= 1<<16 {
		return fmt.Errorf("%d distinct characters do not fit 16-bit codes", len(byCount))
	}
	for i, r := range byCount {
		codes[r] = uint32(i + 1)
	}

	for i := range words {
		for j, r := range words[i].runes {
			words[i].runes[j] = rune(codes[r]) // from here on, a word is its codes
		}
	}
	slices.SortFunc(words, func(a, b word) int { return slices.Compare(a.runes, b.runes) })
	slots := build(words)

	if err := check(words, slots); err != nil {
		return err
	}
	return write(out, seg.Dict.TotalFreq(), tags, codes, slots)
}

type slot struct{ base, check, value uint32 }

// build places the trie of the sorted words into a double array, node by
// node in breadth-first order: each node gets the lowest base at which all
// its children fall on free slots.
func build(words []word) []slot {
	type node struct {
		slot   uint32
		lo, hi int // the words below the node: words[lo:hi]
		depth  int
	}
	slots := make([]slot, 1, 1<<20)
	// next[i] == i marks a free slot; a taken slot points to a slot after
	// it that may be free, so that free skips runs of taken slots.
	next := make([]uint32, 1, 1<<20)
	next[0] = 1 // the root
	grow := func(n uint32) {
		for uint32(len(slots)) < n {
			next = append(next, uint32(len(slots)))
			slots = append(slots, slot{})
		}
	}
	isFree := func(i uint32) bool {
		grow(i + 1)
		return next[i] == i
	}
	free := func(i uint32) uint32 { // the first free slot ≥ i
		j := i
		for !isFree(j) {
			j = next[j]
		}
		for k := i; k != j; {
			n := next[k]
			next[k] = j
			k = n
		}
		return j
	}

	queue := []node{{slot: 0, lo: 0, hi: len(words), depth: 0}}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]

		// The children: runs of words sharing the rune at n.depth.
		type child struct {
			code   uint32
			lo, hi int
		}
		var children []child
		lo := n.lo
		if lo < n.hi && len(words[lo].runes) == n.depth {
			slots[n.slot].value = words[lo].value
			lo++
		}
		for lo < n.hi {
			c := uint32(words[lo].runes[n.depth])
			hi := lo + 1
			for hi < n.hi && uint32(words[hi].runes[n.depth]) == c {
				hi++
			}
			children = append(children, child{c, lo, hi})
			lo = hi
		}
		if len(children) == 0 {
			continue
		}

		first := children[0].code
		p := free(first)
		for {
			base := p - first
			ok := true
			for _, c := range children[1:] {
				if !isFree(base + c.code) {
					ok = false
					break
				}
			}
			if ok {
				break
			}
			p = free(p + 1)
		}
		base := p - first
		slots[n.slot].base = base
		for _, c := range children {
			t := base + c.code
			next[t] = t + 1
			slots[t].check = n.slot + 1
			queue = append(queue, node{slot: t, lo: c.lo, hi: c.hi, depth: n.depth + 1})
		}
	}
	for slots[len(slots)-1].check == 0 {
		slots = slots[:len(slots)-1]
	}
	return slots
}

// check walks every word through the array.
func check(words []word, slots []slot) error {
	for _, w := range words {
		s := uint32(0)
		for _, c := range w.runes {
			t := slots[s].base + uint32(c)
			if int(t) >= len(slots) || slots[t].check != s+1 {
				return fmt.Errorf("word of codes %v: lost in the trie", w.runes)
			}
			s = t
		}
		if slots[s].value != w.value {
			return fmt.Errorf("word of codes %v: value %x, want %x", w.runes, slots[s].value, w.value)
		}
	}
	return nil
}

func write(out string, total float64, tags []string, codes []uint32, slots []slot) error {
	var b []byte
	u32 := func(v uint32) { b = binary.LittleEndian.AppendUint32(b, v) }
	b = append(b, "gsedict1"...)
	bits := math.Float64bits(total)
	u32(uint32(bits))
	u32(uint32(bits >> 32))
	var tagBytes []byte
	for _, t := range tags {
		tagBytes = append(append(tagBytes, t...), 0)
	}
	for len(tagBytes)%4 != 0 {
		tagBytes = append(tagBytes, 0)
	}
	u32(uint32(len(tags)))
	u32(uint32(len(tagBytes)))
	b = append(b, tagBytes...)
	u32(uint32(len(codes)))
	for _, c := range codes {
		b = binary.LittleEndian.AppendUint16(b, uint16(c))
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	u32(uint32(len(slots)))
	for _, s := range slots {
		u32(s.base)
		u32(s.check)
		u32(s.value)
	}
	return os.WriteFile(out, b, 0o644)
}
