package docx

import (
	"archive/zip"
	"fmt"
	"io"

	"github.com/gongwen/gongwen/internal/limit"
)

// A DOCX of a few megabytes can decompress to gigabytes, and one XML token (a text run, a comment, the
// blanks between two tags) can be all of it. The parts are therefore read through a guard that counts
// the decompressed bytes and checks, byte by byte as the XML decoder pulls them, the length of every
// tag and of the text between two tags, and how deep elements nest.
const (
	maxDocumentBytes = 128 << 20 // decompressed word/document.xml
	maxSupportBytes  = 16 << 20  // decompressed numbering.xml and styles.xml (real ones: under 1 MB)
	maxTagBytes      = 1 << 20   // one tag with its attributes, or a comment
	maxRunBytes      = 16 << 20  // text between two tags
	maxDepth         = 10000     // elements open at once (real documents: under 50)
)

// openPart opens a part of the archive for the XML decoder, guarded: at most max decompressed bytes.
func openPart(f *zip.File, max int64) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{&xmlGuard{r: limit.NewReader(rc, max, "decompressed part")}, rc}, nil
}

// xmlGuard passes XML through while it checks the length of tags and of the text between them, and
// the nesting of elements. It follows the markup closely enough for that, not exactly: a '>' inside an
// attribute value ends its count early, which only makes it more lenient.
type xmlGuard struct {
	r      io.Reader
	inTag  bool
	run    int  // bytes of the current tag or text
	first  bool // the next byte is the first of a tag
	close  bool // the current tag is an end tag, a comment or a declaration: it opens no element
	last   byte // the byte before the current one in a tag
	depth  int
	failed error
}

func (g *xmlGuard) Read(p []byte) (int, error) {
	if g.failed != nil {
		return 0, g.failed
	}
	n, err := g.r.Read(p)
	for i, c := range p[:n] {
		if err := g.step(c); err != nil {
			g.failed = err
			return i, err
		}
	}
	return n, err
}

func (g *xmlGuard) step(c byte) error {
	g.run++
	switch {
	case c == '<' && !g.inTag:
		g.inTag, g.run, g.first, g.close = true, 0, true, false
		return nil
	case !g.inTag:
		if g.run > maxRunBytes {
			return fmt.Errorf("text between two tags longer than %s", limit.Size(maxRunBytes))
		}
		return nil
	case g.first:
		g.first = false
		switch c {
		case '/':
			g.depth--
			g.close = true
		case '!', '?':
			g.close = true
		}
	case c == '>':
		if !g.close && g.last != '/' {
			if g.depth++; g.depth > maxDepth {
				return fmt.Errorf("XML elements nested more than %d deep", maxDepth)
			}
		}
		g.inTag, g.run = false, 0
		return nil
	}
	g.last = c
	if g.run > maxTagBytes {
		return fmt.Errorf("an XML tag or comment longer than %s", limit.Size(maxTagBytes))
	}
	return nil
}
