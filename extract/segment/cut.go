package segment

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse/hmm"
)

// The segmentation of gse v0.80 (Segmenter.Cut with HMM, CutSearch with
// HMM, Pos), run over the embedded dictionary instead of gse's cedar trie,
// which gse can only fill word by word from text. TestSameAsGse holds each
// function to gse's output token for token.

// loadHMM loads gse's HMM model for words missing from the dictionary.
var loadHMM = sync.OnceFunc(func() { hmm.LoadModel() })

// route is the best segmentation of runes[i:]: its log probability and the
// last rune of its first word.
type route struct {
	logProb float64
	end     int
}

// routes is gse's calc: for each rune, the most probable segmentation of
// the text from there on, words weighted by their dictionary frequency.
func (d *dict) routes(runes []rune) []route {
	n := len(runes)
	rs := make([]route, n+1)
	logTotal := math.Log(d.total)
	for i := n - 1; i >= 0; i-- {
		found := false
		best := route{}
		consider := func(r route) {
			if !found || best.logProb < r.logProb || best.logProb == r.logProb && best.end < r.end {
				best, found = r, true
			}
		}
		state := rootState
		for j := i; j < n; j++ {
			if state = d.next(state, runes[j]); state < 0 {
				break
			}
			if freq, _ := d.word(state); freq > 0 {
				consider(route{math.Log(freq) - logTotal + rs[j+1].logProb, j})
			}
		}
		if !found {
			// No word starts here: the rune alone, frequency 1 — or 0 when
			// it begins a longer word (gse's Find says "found, frequency 0").
			freq, _, ok := d.find(string(runes[i]))
			if !ok {
				freq = 1
			}
			consider(route{math.Log(freq) - logTotal + rs[i+1].logProb, i})
		}
		rs[i] = best
	}
	return rs
}

// cut is gse's Cut(text, true): the most probable words by the dictionary,
// and runs of single characters cut again by the HMM unless the run is
// itself a word. Words are lowercased.
func (d *dict) cut(text string) []string {
	text = strings.ToLower(text)
	runes := []rune(text)
	rs := d.routes(runes)
	words := make([]string, 0, len(text)/4+1)
	var buf []rune
	flush := func() {
		switch {
		case len(buf) == 0:
		case len(buf) == 1:
			words = append(words, string(buf))
		default:
			s := string(buf)
			if freq, _, ok := d.find(s); !ok || freq == 0 {
				loadHMM()
				words = append(words, hmm.Cut(s)...)
			} else {
				for _, r := range buf {
					words = append(words, string(r))
				}
			}
		}
		buf = buf[:0]
	}
	for i := 0; i < len(runes); {
		end := rs[i].end + 1
		if end-i == 1 {
			buf = append(buf, runes[i])
		} else {
			flush()
			words = append(words, string(runes[i:end]))
		}
		i = end
	}
	flush()
	return words
}

// cutSearch is gse's CutSearch(text, true): each word of cut, preceded by
// the dictionary words of two and three characters inside it.
func (d *dict) cutSearch(text string) []string {
	var words []string
	for _, w := range d.cut(text) {
		runes := []rune(w)
		for _, size := range []int{2, 3} {
			for i := 0; i+size <= len(runes) && len(runes) > size; i++ {
				gram := string(runes[i : i+size])
				if freq, _, _ := d.find(gram); freq > 0 {
					words = append(words, gram)
				}
			}
		}
		words = append(words, w)
	}
	return words
}

// units is gse's SplitTextToWords: each character on its own, except that
// runs of letters and digits of one or two UTF-8 bytes (Latin, Greek,
// Cyrillic) stay together, lowercased.
func units(text string) []string {
	out := make([]string, 0, len(text)/3+1)
	start, inRun := 0, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			if !inRun {
				start, inRun = i, true
			}
		} else {
			if inRun {
				out = append(out, lowerASCII(text[start:i]))
				inRun = false
			}
			out = append(out, text[i:i+size])
		}
		i += size
	}
	if inRun {
		out = append(out, lowerASCII(text[start:]))
	}
	return out
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// jumper is the shortest path to the end of a unit: its length and the
// last word on it.
type jumper struct {
	distance float32
	units    int // the word's length in units
	tag      string
}

// tag is gse's Pos(text, false): the shortest path through the dictionary
// words, a word's length being log2(total/freq), with each unit that starts
// no word taken alone (tag "x", length 32).
func (d *dict) tag(text string) []Word {
	us := units(text)
	if len(us) == 0 {
		return nil
	}
	logTotal := float32(math.Log2(d.total))
	jumpers := make([]jumper, len(us))
	update := func(j *jumper, distance float32, units int, tag string) {
		if j.distance == 0 || j.distance > distance {
			*j = jumper{distance, units, tag}
		}
	}
	for cur := range us {
		var base float32
		if cur > 0 {
			base = jumpers[cur-1].distance
		}
		shortest := 0 // the length in units of the shortest word found
		state := rootState
		for end := cur; end < len(us); end++ {
			if state = d.walk(state, us[end]); state < 0 {
				break
			}
			freq, tag := d.word(state)
			if freq == 0 {
				continue
			}
			if shortest == 0 {
				shortest = end - cur + 1
			}
			update(&jumpers[end], base+(logTotal-float32(math.Log2(freq))), end-cur+1, tag)
		}
		if shortest != 1 {
			update(&jumpers[cur], base+32, 1, "x")
		}
	}

	n := 0
	for end := len(us) - 1; end >= 0; end -= jumpers[end].units {
		n++
	}
	words := make([]Word, n)
	for end := len(us) - 1; end >= 0; end -= jumpers[end].units {
		n--
		j := jumpers[end]
		words[n] = Word{Text: strings.Join(us[end-j.units+1:end+1], ""), Pos: j.tag}
	}
	return words
}
