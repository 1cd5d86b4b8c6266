package fetch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Record is what the store knows about one URL: the last successful fetch.
type Record struct {
	URL          string    `json:"url"`
	FinalURL     string    `json:"final_url,omitempty"` // after redirects, if different
	Kind         string    `json:"kind"`                // KindList, KindPage or KindFile
	Status       int       `json:"status"`              // of the last fetch: 200, or 304
	ContentType  string    `json:"content_type,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256"` // of the body, which Store.Body returns
	Size         int64     `json:"size"`
	Parent       string    `json:"parent,omitempty"`      // the page that linked this file or page
	Attachments  []string  `json:"attachments,omitempty"` // the files this page links
	FirstSeen    time.Time `json:"first_seen"`            // first successful fetch
	ChangedAt    time.Time `json:"changed_at"`            // when SHA256 last changed
	FetchedAt    time.Time `json:"fetched_at"`            // last request answered 200 or 304
}

// Kinds of URLs in a crawl.
const (
	KindList = "list" // a column list page: followed for details and pagination
	KindPage = "page" // a detail page: followed for attachments
	KindFile = "file" // an attachment
)

// Store keeps fetched pages on disk under Dir:
//
//	records/ab/<sha256 of the URL>.json  one Record per URL
//	bodies/ab/<sha256 of the body>       the bodies, each stored once
//	crawls/<id>.log                      the frontier of an unfinished crawl (frontier.go)
//	reports/crawl-<time>.json            one report per crawl
//
// Every file is written under a temporary name and renamed into place.
type Store struct {
	Dir string
}

// OpenStore creates dir if needed and returns the store in it.
func OpenStore(dir string) (*Store, error) {
	for _, sub := range []string{"records", "bodies", "crawls", "reports"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("raw store: %w", err)
		}
	}
	return &Store{Dir: dir}, nil
}

func hashString(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (s *Store) recordPath(rawURL string) string {
	h := hashString(rawURL)
	return filepath.Join(s.Dir, "records", h[:2], h+".json")
}

func (s *Store) bodyPath(sum string) string {
	return filepath.Join(s.Dir, "bodies", sum[:2], sum)
}

// Record returns the record of rawURL, or nil if the URL was never fetched.
func (s *Store) Record(rawURL string) (*Record, error) {
	data, err := os.ReadFile(s.recordPath(rawURL))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("raw store: %w", err)
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("raw store: %s: %w", s.recordPath(rawURL), err)
	}
	return &r, nil
}

// Body returns the stored body with the given sha256.
func (s *Store) Body(sum string) ([]byte, error) {
	if len(sum) != 64 {
		return nil, fmt.Errorf("raw store: bad sha256 %q", sum)
	}
	b, err := os.ReadFile(s.bodyPath(sum))
	if err != nil {
		return nil, fmt.Errorf("raw store: %w", err)
	}
	return b, nil
}

// HasBody reports whether the body with the given sha256 is stored.
func (s *Store) HasBody(sum string) bool {
	if len(sum) != 64 {
		return false
	}
	_, err := os.Stat(s.bodyPath(sum))
	return err == nil
}

// Put stores a body (if not nil; its sha256 and size go into r) and then
// the record, so a record never points at a missing body.
func (s *Store) Put(r *Record, body []byte) error {
	if body != nil {
		sum := sha256.Sum256(body)
		r.SHA256, r.Size = hex.EncodeToString(sum[:]), int64(len(body))
		if !s.HasBody(r.SHA256) {
			if err := writeFileAtomic(s.bodyPath(r.SHA256), body); err != nil {
				return err
			}
		}
	}
	data, err := marshalJSON(r)
	if err != nil {
		return err
	}
	return writeFileAtomic(s.recordPath(r.URL), data)
}

// Records returns every record in the store, sorted by URL.
func (s *Store) Records() ([]*Record, error) {
	var recs []*Record
	root := filepath.Join(s.Dir, "records")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".json") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var r Record
		if err := json.Unmarshal(data, &r); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		recs = append(recs, &r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("raw store: %w", err)
	}
	slices.SortFunc(recs, func(a, b *Record) int { return strings.Compare(a.URL, b.URL) })
	return recs, nil
}

// writeFileAtomic writes data to a temporary file next to name and renames
// it, so readers and a later run see the old file or the new one, never half.
func writeFileAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("raw store: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("raw store: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("raw store: %w", err)
	}
	return nil
}

// marshalJSON indents v and leaves & < > in URLs as they are.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
