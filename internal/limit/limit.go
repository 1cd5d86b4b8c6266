// Package limit bounds what the readers of untrusted input may consume: the
// bytes read from a stream, counted on every Read, and budgets shared by
// several streams, so a decompression bomb stops at its cap while it is read.
package limit

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
)

// ErrExceeded is wrapped by every error of this package: test with errors.Is.
var ErrExceeded = errors.New("limit exceeded")

// Error says which limit was reached.
type Error struct {
	What  string // what was being read: "DOCX part word/document.xml", "decompressed PDF streams"
	Limit int64  // in bytes
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s larger than %s", e.What, Size(e.Limit))
}

func (e *Error) Is(target error) bool { return target == ErrExceeded }

// Reader reads at most its limit from R. Past the limit it fails with an
// *Error instead of io.EOF, so a cut input is never taken for a whole one.
type Reader struct {
	r     io.Reader
	left  int64
	limit int64
	what  string
}

// NewReader returns a Reader of at most n bytes of r; what names the input
// in the error.
func NewReader(r io.Reader, n int64, what string) *Reader {
	return &Reader{r: r, left: n, limit: n, what: what}
}

func (r *Reader) Read(p []byte) (int, error) {
	if r.left < 0 {
		return 0, &Error{What: r.what, Limit: r.limit}
	}
	if int64(len(p)) > r.left+1 {
		p = p[:r.left+1] // one byte more than allowed tells a long input from one exactly at the limit
	}
	n, err := r.r.Read(p)
	if int64(n) > r.left {
		n = int(r.left)
		r.left = -1
		return n, &Error{What: r.what, Limit: r.limit}
	}
	r.left -= int64(n)
	return n, err
}

// Count returns the bytes read so far.
func (r *Reader) Count() int64 {
	if r.left < 0 {
		return r.limit
	}
	return r.limit - r.left
}

// ReadAll reads r to the end, failing with an *Error past n bytes.
func ReadAll(r io.Reader, n int64, what string) ([]byte, error) {
	return io.ReadAll(NewReader(r, n, what))
}

// Budget is a total of bytes shared by many readers, such as all the
// streams of one PDF. It is safe for concurrent use.
type Budget struct {
	left  atomic.Int64
	limit int64
	what  string
}

// NewBudget returns a budget of n bytes; what names it in the error.
func NewBudget(n int64, what string) *Budget {
	b := &Budget{limit: n, what: what}
	b.left.Store(n)
	return b
}

// Spend takes n bytes from the budget, failing once it is overdrawn.
func (b *Budget) Spend(n int64) error {
	if b.left.Add(-n) < 0 {
		return &Error{What: b.what, Limit: b.limit}
	}
	return nil
}

// Err returns the error of an overdrawn budget, nil while bytes are left.
func (b *Budget) Err() error {
	if b.left.Load() < 0 {
		return &Error{What: b.what, Limit: b.limit}
	}
	return nil
}

// Spent returns the bytes taken so far.
func (b *Budget) Spent() int64 { return b.limit - b.left.Load() }

// Reader returns r counting every byte it reads against the budget.
func (b *Budget) Reader(r io.Reader) io.Reader { return &budgetReader{r: r, b: b} }

type budgetReader struct {
	r io.Reader
	b *Budget
}

func (r *budgetReader) Read(p []byte) (int, error) {
	if err := r.b.Err(); err != nil {
		return 0, err
	}
	n, err := r.r.Read(p)
	if serr := r.b.Spend(int64(n)); serr != nil {
		return n, serr
	}
	return n, err
}

// Size formats n bytes for people: 64 MB, 1 GB, 512 kB, 100 B.
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// ParseSize reads a size as flags and environment variables give it: a
// number of bytes with an optional unit k, M, G (powers of 1024; B, KB, MiB
// … accepted), such as 64MB or 1G.
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := int64(1)
	if n := len(t); n > 0 {
		switch t[n-1] {
		case 'K':
			mult, t = 1<<10, t[:n-1]
		case 'M':
			mult, t = 1<<20, t[:n-1]
		case 'G':
			mult, t = 1<<30, t[:n-1]
		case 'T':
			mult, t = 1<<40, t[:n-1]
		}
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || f < 0 || f*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("size %q: want a number of bytes such as 512MB or 2G", s)
	}
	return int64(f * float64(mult)), nil
}

// SizeFlag is a flag.Value of a size in bytes (see ParseSize).
type SizeFlag struct{ N *int64 }

func (f SizeFlag) String() string {
	if f.N == nil {
		return ""
	}
	return Size(*f.N)
}

func (f SizeFlag) Set(s string) error {
	n, err := ParseSize(s)
	if err != nil {
		return err
	}
	*f.N = n
	return nil
}
