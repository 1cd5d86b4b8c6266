// Package web serves the index over HTTP for gongwen serve: the search
// page — plain HTML, CSS and JavaScript embedded in the binary, no build
// step — and the JSON API it reads, with index and export doing the work.
//
//	GET /                      the page: search, facets, a document, a comparison (views in the URL's hash)
//	GET /api/search?q=&issuer=&region=&year=&kind=&from=&to=&indicator=&limit=&offset=
//	                           index.Result: total, hits (fragments as HTML with <mark>), facets
//	GET /api/documents/{id}    the extracted document (CONTRACT.md JSON)
//	GET /api/indicators?name=调解成功率>=95[&issuer=&region=&year=&kind=&limit=]
//	                           {"indicators": [index.IndicatorHit …]}
//	GET /api/forms             the national forms gongwen reads: [{"form", "title", "keys"}], keys in
//	                           the layout's order (a document's form values are a JSON object)
//	GET /api/compare?indicator=调解成功率&by=issuer|region|year[&issuer=&region=&year=&kind=]
//	                           export.Table as JSON (empty cells null); &long=1 its long form,
//	                           &format=csv either as CSV
//	GET /compare.svg?…[&width=N]  the same comparison as a chart (export.Chart), at most N px wide
//
// Errors are {"error": "…"} with status 400 (bad query), 404 or 500. A
// filter value that no document has and that names no known kind or
// division (a typo) is a bad query whose error lists the nearest values.
// Guard bounds what requests may cost: parameter lengths and the searches
// that run at once (503 when busy).
package web

import (
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"strconv"

	"github.com/gongwen/gongwen/extract/form"
	"github.com/gongwen/gongwen/index"
)

//go:embed static
var static embed.FS

// maxLimit bounds the page size a client can ask for, maxOffset how deep it
// can page (further is what gongwen export is for).
const (
	maxLimit  = 200
	maxOffset = 10000
)

// Handler returns the HTTP handler of ix.
func Handler(ix *index.Index) http.Handler {
	mux := http.NewServeMux()
	files, _ := fs.Sub(static, "static")
	mux.Handle("GET /", http.FileServerFS(files))
	mux.HandleFunc("GET /api/search", func(w http.ResponseWriter, r *http.Request) {
		v := r.URL.Query()
		q := index.Query{
			Text: v.Get("q"), Issuer: v.Get("issuer"), Region: v.Get("region"), Kind: v.Get("kind"),
			From: v.Get("from"), To: v.Get("to"), Indicator: v.Get("indicator"),
		}
		var err error
		if q.Year, err = intParam(v.Get("year"), 0); err != nil {
			writeError(w, http.StatusBadRequest, "year: "+err.Error())
			return
		}
		if q.Limit, err = intParam(v.Get("limit"), 10); err != nil || q.Limit < 1 || q.Limit > maxLimit {
			writeError(w, http.StatusBadRequest, "limit: want 1 to "+strconv.Itoa(maxLimit))
			return
		}
		if q.Offset, err = intParam(v.Get("offset"), 0); err != nil || q.Offset < 0 || q.Offset > maxOffset {
			writeError(w, http.StatusBadRequest, "offset: want 0 to "+strconv.Itoa(maxOffset))
			return
		}
		res, err := ix.Search(r.Context(), q)
		if err != nil {
			writeError(w, status(err), err.Error())
			return
		}
		writeJSON(w, res)
	})
	mux.HandleFunc("GET /api/documents/{id}", func(w http.ResponseWriter, r *http.Request) {
		doc, err := ix.Document(r.PathValue("id"))
		if err != nil {
			writeError(w, status(err), err.Error())
			return
		}
		writeJSON(w, doc)
	})
	mux.HandleFunc("GET /api/indicators", func(w http.ResponseWriter, r *http.Request) {
		v := r.URL.Query()
		f, err := index.ParseIndicatorFilter(v.Get("name"))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		f.Issuer, f.Region, f.Kind = v.Get("issuer"), v.Get("region"), v.Get("kind")
		limit, err1 := intParam(v.Get("limit"), 1000)
		year, err2 := intParam(v.Get("year"), 0)
		if err1 != nil || err2 != nil || limit < 1 {
			writeError(w, http.StatusBadRequest, "limit and year must be numbers")
			return
		}
		f.Year = year
		hits, err := ix.Indicators(r.Context(), f, min(limit, 10000))
		if err != nil {
			writeError(w, status(err), err.Error())
			return
		}
		writeJSON(w, map[string]any{"indicators": hits})
	})
	compare := compareHandler(ix)
	mux.Handle("GET /api/compare", compare)
	mux.Handle("GET /compare.svg", compare)
	mux.HandleFunc("GET /api/forms", func(w http.ResponseWriter, r *http.Request) {
		type layout struct {
			Form  string   `json:"form"`
			Title string   `json:"title"`
			Keys  []string `json:"keys"`
		}
		out := []layout{}
		for _, l := range form.Layouts() {
			out = append(out, layout{l.Form, l.Title, l.Keys})
		}
		writeJSON(w, out)
	})
	return mux
}

func intParam(s string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	return strconv.Atoi(s)
}

func status(err error) int {
	switch {
	case errors.Is(err, index.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, index.ErrBadQuery), errors.Is(err, index.ErrNoWords), errors.Is(err, index.ErrQueryTooLong):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
