package export

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"unicode"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Font is a font with Chinese characters, for PNG charts. Fonts are found
// on the machine at run time rather than built into the binary: a font
// that covers the names of Chinese places is megabytes, and every desktop
// and most servers have one, or one package away.
type Font struct {
	Path    string
	Family  string
	face    func(size float64) font.Face // size in pixels
	hasRune func(r rune) bool
}

// missing returns the first character of s the font cannot draw.
func (f *Font) missing(s string) (rune, bool) {
	for _, r := range s {
		if !unicode.IsSpace(r) && !f.hasRune(r) {
			return r, true
		}
	}
	return 0, false
}

//go:embed fonts.tsv
var fontsTSV string

// FontPaths are the files FindFont tries, in order (fonts.tsv).
func FontPaths() []string {
	var paths []string
	for _, line := range strings.Split(fontsTSV, "\n") {
		if path, _, _ := strings.Cut(line, "\t"); path != "" && !strings.HasPrefix(path, "#") {
			paths = append(paths, path)
		}
	}
	return paths
}

// FindFont returns the font named by $GONGWEN_FONT, else the first of
// FontPaths that is installed.
func FindFont() (*Font, error) {
	if path := os.Getenv("GONGWEN_FONT"); path != "" {
		f, err := LoadFont(path)
		if err != nil {
			return nil, fmt.Errorf("GONGWEN_FONT: %w", err)
		}
		return f, nil
	}
	return findFont(FontPaths())
}

func findFont(paths []string) (*Font, error) {
	var failed []string
	for _, path := range paths {
		f, err := LoadFont(path)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			failed = append(failed, err.Error())
		}
	}
	msg := "no font with Chinese characters found for a PNG chart; install one (Debian: apt-get install fonts-noto-cjk), set GONGWEN_FONT=/path/to/font.ttf, or write the chart as .svg"
	if len(failed) > 0 {
		msg += " (" + strings.Join(failed, "; ") + ")"
	}
	return nil, errors.New(msg)
}

// LoadFont reads a TrueType or OpenType font or collection (.ttf, .otf,
// .ttc). From a collection it takes the face for simplified Chinese (Noto
// Sans CJK SC rather than JP, whose characters differ), else the first.
// Fonts the sfnt reader rejects (WenQuanYi's tables are not aligned as it
// wants) are read by freetype, which takes the first face.
func LoadFont(path string) (*Font, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, sfntErr := loadSFNT(path, data)
	if sfntErr == nil {
		return f, nil
	}
	tt, err := truetype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %v", path, sfntErr)
	}
	f = &Font{
		Path:    path,
		Family:  tt.Name(truetype.NameIDFontFamily),
		face:    func(size float64) font.Face { return truetype.NewFace(tt, &truetype.Options{Size: size, DPI: 72}) },
		hasRune: func(r rune) bool { return tt.Index(r) != 0 },
	}
	if !f.hasRune('年') {
		return nil, fmt.Errorf("font %s: no Chinese characters", path)
	}
	return f, nil
}

func loadSFNT(path string, data []byte) (*Font, error) {
	c, err := sfnt.ParseCollection(data)
	if err != nil {
		return nil, err
	}
	var chosen *sfnt.Font
	family := ""
	var buf sfnt.Buffer
	for i := range c.NumFonts() {
		f, err := c.Font(i)
		if err != nil {
			return nil, err
		}
		name, _ := f.Name(&buf, sfnt.NameIDFamily)
		if chosen == nil || strings.HasSuffix(name, " SC") && !strings.HasSuffix(family, " SC") {
			chosen, family = f, name
		}
	}
	if chosen == nil {
		return nil, errors.New("no fonts in the file")
	}
	hasRune := func(r rune) bool {
		var buf sfnt.Buffer // a Buffer is not safe for concurrent use
		i, err := chosen.GlyphIndex(&buf, r)
		return err == nil && i != 0
	}
	if !hasRune('年') {
		return nil, fmt.Errorf("font %s: no Chinese characters", path)
	}
	return &Font{
		Path:   path,
		Family: family,
		face: func(size float64) font.Face {
			face, _ := opentype.NewFace(chosen, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone}) // never fails
			return face
		},
		hasRune: hasRune,
	}, nil
}
