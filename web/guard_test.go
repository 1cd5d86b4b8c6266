package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

func TestGuardParams(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	h := Guard(ok, Limits{})
	for _, tt := range []struct {
		query string
		want  int
	}{
		{"q=" + url.QueryEscape("法治政府"), 200},
		{"indicator=" + url.QueryEscape(strings.Repeat("调", 100)), 200},
		{"indicator=" + url.QueryEscape(strings.Repeat("调", 101)), 400},
		{"name=" + strings.Repeat("x", 100000), 414},
		{"name=" + strings.Repeat("x", 200), 400},
		{"q=" + strings.Repeat("x", 1001), 400},
		{"issuer=" + strings.Repeat("x", 1000), 200},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/compare?"+tt.query, nil))
		if rec.Code != tt.want {
			t.Errorf("%.40s…: status %d, want %d: %s", tt.query, rec.Code, tt.want, rec.Body)
		}
	}
}

// TestGuardBusy fills the slots with requests held inside the handler: the next expensive request is
// turned away with 503 and Retry-After, a cheap one still served, and once a slot is free the next
// expensive one runs.
func TestGuardBusy(t *testing.T) {
	entered := make(chan struct{})
	hold := make(chan struct{})
	h := Guard(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("hold") != "" {
			entered <- struct{}{}
			<-hold
		}
		w.WriteHeader(http.StatusOK)
	}), Limits{Busy: 2})
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/search?hold=1", nil))
		}()
		<-entered
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/compare?indicator=x", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("third request: %d, Retry-After %q; want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/documents/abc", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("a document while busy: %d", rec.Code)
	}
	close(hold)
	wg.Wait()
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?q=x", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("after the burst: %d", rec.Code)
	}
}
