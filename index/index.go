package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/gongwen/gongwen/extract"
)

// Format is the version of the index layout this package writes: the
// mapping, the analyzer and the stored fields. Bump it whenever an index
// written before the change would give wrong answers. 4: measures, figures
// and targets on indicator records; 5: national documents in the region
// fields, the document kind on indicator records; 6: documents keep their
// tables and forms, and table cells are indicators (an older index would
// export no form panel and skip its files as unchanged); 7: pairs of
// Chinese characters are terms, which phrases read (an older index has
// none, and would find nothing), and indicator records keep their issuer
// and year in fields of their own; 8: facets count one field of
// "name:value" terms and the order of a search without words is one key
// (an older index has neither, and would show no facets).
const Format = 8

// formatKey is the bleve internal key under which the format is kept, so it
// is written in the same transaction as the documents.
var formatKey = []byte("gongwen-format")

// ErrNotExist is returned by Open when there is no index in the directory.
var ErrNotExist = errors.New("no index")

// Index is a bleve index of extracted documents. It is safe for concurrent
// use: searches see the state after the last committed batch.
type Index struct {
	bi  bleve.Index
	dir string // the data directory, "" for an in-memory index
}

// Dir returns the bleve index directory inside the data directory dir.
func Dir(dataDir string) string { return filepath.Join(dataDir, "index") }

// Open opens the index of the data directory dir for searching. Several
// processes may search one index at once; a process that writes (Create)
// excludes them, and Open then fails after a short wait rather than hang.
func Open(dataDir string) (*Index, error) {
	return open(dataDir, true)
}

// Create opens the index of the data directory dataDir for writing, making
// the directory and the index when they do not exist yet.
func Create(dataDir string) (*Index, error) {
	return create(dataDir, AnalyzerName)
}

// create is Create with another analyzer, for the benchmark that compares
// the gse analyzer with bleve's cjk.
func create(dataDir, analyzer string) (*Index, error) {
	path := Dir(dataDir)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dataDir, 0o755); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		bi, err := bleve.NewUsing(path, newMapping(analyzer), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, nil)
		if err != nil {
			return nil, fmt.Errorf("index: create %s: %w", path, err)
		}
		if err := bi.SetInternal(formatKey, []byte(strconv.Itoa(Format))); err != nil {
			bi.Close()
			return nil, fmt.Errorf("index: create %s: %w", path, err)
		}
		return &Index{bi: bi, dir: dataDir}, nil
	}
	return open(dataDir, false)
}

func open(dataDir string, readOnly bool) (*Index, error) {
	path := Dir(dataDir)
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("index: %w in %s; build it with: gongwen ingest --data %s FILE|DIR|URL ...", ErrNotExist, dataDir, shellQuote(dataDir))
		}
		return nil, fmt.Errorf("index: %w", err)
	}
	config := map[string]any{"read_only": readOnly, "bolt_timeout": "3s"}
	bi, err := bleve.OpenUsing(path, config)
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("index: %s is in use by another gongwen process (ingest or serve); wait for it to finish and try again", path)
		}
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	ix := &Index{bi: bi, dir: dataDir}
	if err := ix.checkFormat(); err != nil {
		bi.Close()
		return nil, err
	}
	return ix, nil
}

// checkFormat refuses an index whose format this version cannot read, and
// says what to run.
func (ix *Index) checkFormat() error {
	raw, err := ix.bi.GetInternal(formatKey)
	if err != nil {
		return fmt.Errorf("index: %s: %w", Dir(ix.dir), err)
	}
	format, _ := strconv.Atoi(string(raw))
	switch {
	case format == Format:
		return nil
	case format > Format:
		return fmt.Errorf("index: %s was written by a newer gongwen (index format %d, this one reads %d); use the newer gongwen, or rebuild with: rm -r %s && gongwen ingest --data %s FILE|DIR|URL ...",
			Dir(ix.dir), format, Format, shellQuote(Dir(ix.dir)), shellQuote(ix.dir))
	default:
		return fmt.Errorf("index: %s was written by an older gongwen (index format %d, this one reads %d); rebuild it with: rm -r %s && gongwen ingest --data %s FILE|DIR|URL ...",
			Dir(ix.dir), format, Format, shellQuote(Dir(ix.dir)), shellQuote(ix.dir))
	}
}

func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// NewMem returns an empty index in memory, for tests and one-off use. It is
// scorch, as on disk, without a directory: bleve's NewMemOnly (upsidedown
// over a treap) indexes several times slower.
func NewMem() (*Index, error) {
	bi, err := bleve.NewUsing("", newMapping(AnalyzerName), scorch.Name, bleve.Config.DefaultKVStore, nil)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return &Index{bi: bi}, nil
}

// Close closes the index. A batch not committed is lost; the index stays
// readable.
func (ix *Index) Close() error { return ix.bi.Close() }

// Count returns the number of documents (not counting indicators).
func (ix *Index) Count(ctx context.Context) (int, error) {
	req := bleve.NewSearchRequestOptions(typeQuery(typeDoc), 0, 0, false)
	req.Score = noScore
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return int(res.Total), nil
}

func typeQuery(t string) query.Query {
	q := bleve.NewTermQuery(t)
	q.SetField(fType)
	return q
}

// Document returns the extracted document with the given id, or an error
// wrapping ErrNotFound.
func (ix *Index) Document(id string) (*extract.Document, error) {
	doc, _, _, err := ix.stored(id)
	return doc, err
}

// ErrNotFound is returned (wrapped) for an id that is not in the index.
var ErrNotFound = errors.New("not found")

// stored returns the stored document, its content hash and its number of
// indicator records.
func (ix *Index) stored(id string) (*extract.Document, string, int, error) {
	if strings.Contains(id, "#") {
		return nil, "", 0, fmt.Errorf("index: document %q: %w", id, ErrNotFound)
	}
	req := bleve.NewSearchRequest(bleve.NewDocIDQuery([]string{id}))
	req.Fields = []string{fJSON, fHash, fNumInd}
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, "", 0, fmt.Errorf("index: document %q: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, "", 0, fmt.Errorf("index: document %q: %w", id, ErrNotFound)
	}
	return decodeHit(res.Hits[0])
}

func decodeHit(h *search.DocumentMatch) (*extract.Document, string, int, error) {
	raw, _ := h.Fields[fJSON].(string)
	var doc extract.Document
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		return nil, "", 0, fmt.Errorf("index: document %q: stored JSON: %w", h.ID, err)
	}
	hash, _ := h.Fields[fHash].(string)
	n, _ := strconv.Atoi(fmt.Sprint(h.Fields[fNumInd]))
	return &doc, hash, n, nil
}

// ContentHash is the hash that decides whether a document changed: the
// SHA-256 of its JSON without the fetch time.
func ContentHash(doc *extract.Document) string {
	d := *doc
	d.Source.FetchedAt = time.Time{}
	raw, _ := json.Marshal(&d)
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
