// Package ocr reads the text of scanned PDF pages with Tesseract: each page is rendered by
// poppler's pdftoppm at 300 dpi in grey and read by tesseract in simplified Chinese with English
// (chi_sim+eng), giving the page's text and Tesseract's mean word confidence.
//
// Both programs are Debian packages (tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils); Check
// says what is missing. A page takes 10–15 s on one core.
package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Languages are the Tesseract models used.
const Languages = "chi_sim+eng"

// PageTimeout bounds the rendering and reading of one page.
const PageTimeout = 3 * time.Minute

// Page is the OCR text of one page.
type Page struct {
	Number     int     // 1-based page number
	Text       string  // paragraphs one a line
	Confidence float64 // Tesseract's mean word confidence, weighted by characters, 0–1
}

// Check returns nil when OCR can run, else an error naming the packages to install.
func Check() error {
	var missing []string
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		missing = append(missing, "poppler-utils")
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		missing = append(missing, "tesseract-ocr", "tesseract-ocr-chi-sim")
	} else if out, err := exec.Command("tesseract", "--list-langs").CombinedOutput(); err != nil || !bytes.Contains(out, []byte("chi_sim")) {
		missing = append(missing, "tesseract-ocr-chi-sim")
	}
	if len(missing) > 0 {
		return fmt.Errorf("OCR needs %s installed", strings.Join(missing, ", "))
	}
	return nil
}

// PDFPages reads the given pages (1-based) of the PDF in body. A page that fails is an error that
// names it; the pages read before it are returned.
func PDFPages(ctx context.Context, body []byte, pages []int) ([]Page, error) {
	dir, err := os.MkdirTemp("", "gongwen-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, body, 0o600); err != nil {
		return nil, err
	}
	var out []Page
	for _, n := range pages {
		p, err := pdfPage(ctx, dir, in, n)
		if err != nil {
			return out, fmt.Errorf("OCR of page %d: %w", n, err)
		}
		out = append(out, p)
	}
	return out, nil
}

func pdfPage(ctx context.Context, dir, in string, n int) (Page, error) {
	ctx, cancel := context.WithTimeout(ctx, PageTimeout)
	defer cancel()
	img := filepath.Join(dir, fmt.Sprintf("page-%d", n))
	page := strconv.Itoa(n)
	if err := run(ctx, "pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", page, "-l", page, in, img); err != nil {
		return Page{}, err
	}
	defer os.Remove(img + ".png")
	tsv, err := output(ctx, "tesseract", img+".png", "stdout", "-l", Languages, "--psm", "3", "tsv")
	if err != nil {
		return Page{}, err
	}
	text, conf := readTSV(tsv)
	return Page{Number: n, Text: text, Confidence: conf}, nil
}

func run(ctx context.Context, name string, args ...string) error {
	_, err := output(ctx, name, args...)
	return err
}

func output(ctx context.Context, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	// One thread per page: extraction already runs a document per core.
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("%s is not installed", name)
		}
		return nil, fmt.Errorf("%s: %v: %s", name, err, firstLine(stderr.String()))
	}
	return stdout.Bytes(), nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// readTSV turns Tesseract's TSV output into text and a confidence. Words of a paragraph are joined
// with a space only between Latin letters or digits (Tesseract spaces out Chinese characters), the
// lines of a paragraph likewise, paragraphs are separated by line breaks.
func readTSV(tsv []byte) (string, float64) {
	var b strings.Builder
	var para string
	var last rune
	var confSum, chars float64
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue // not a word
		}
		word := strings.TrimSpace(f[11])
		conf, err := strconv.ParseFloat(f[10], 64)
		if word == "" || err != nil || conf < 0 {
			continue
		}
		key := f[2] + "." + f[3] // block and paragraph
		first, _ := utf8.DecodeRuneInString(word)
		switch {
		case b.Len() == 0:
		case key != para:
			b.WriteByte('\n')
		case latin(last) && latin(first):
			b.WriteByte(' ')
		}
		para = key
		b.WriteString(word)
		last, _ = utf8.DecodeLastRuneInString(word)
		n := float64(utf8.RuneCountInString(word))
		confSum += conf * n
		chars += n
	}
	if chars == 0 {
		return "", 0
	}
	b.WriteByte('\n')
	return b.String(), confSum / chars / 100
}

func latin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("%.,)", r))
}
