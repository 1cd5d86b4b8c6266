package pdf

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Limits of a title in a larger font: a few lines, clearly larger than the
// document's body text.
const (
	maxTitleLines  = 6
	titleSizeRatio = 1.15 // the title's size over the body's: the size of the median character
)

// titleLines returns the lines of the first page with text that are set in
// its largest font, when that is clearly larger than the document's body
// text: the title of a cover or of a first page, top to bottom, one string
// per line; nil when there are no such lines.
func titleLines(pages [][]line) []string {
	type sized struct {
		size  float64
		runes int
	}
	var sizes []sized
	total := 0
	first := -1
	for i, p := range pages {
		for _, l := range p {
			if n := utf8.RuneCountInString(strings.TrimSpace(l.text)); n > 0 {
				sizes = append(sizes, sized{l.size, n})
				total += n
				if first < 0 {
					first = i
				}
			}
		}
	}
	if first < 0 {
		return nil
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i].size < sizes[j].size })
	body := 0.0
	for seen := 0; seen*2 < total; {
		body = sizes[0].size
		seen += sizes[0].runes
		sizes = sizes[1:]
	}
	largest := 0.0
	for _, l := range pages[first] {
		if strings.TrimSpace(l.text) != "" {
			largest = max(largest, l.size)
		}
	}
	if largest < titleSizeRatio*body {
		return nil // no text set apart from the body
	}
	var out []string
	for _, l := range pages[first] {
		text := strings.TrimSpace(strings.ReplaceAll(l.text, "\t", " "))
		switch {
		case text == "":
		case l.size >= 0.95*largest:
			out = append(out, text)
		case len(out) > 0:
			return clip(out) // the first run of title lines only
		}
	}
	return clip(out)
}

func clip(lines []string) []string {
	if len(lines) > maxTitleLines {
		return nil
	}
	return lines
}
