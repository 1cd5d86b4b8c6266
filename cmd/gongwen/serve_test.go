package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
)

// startServe runs gongwen serve on the fixtures and returns its base URL.
func startServe(t *testing.T) string {
	t.Helper()
	return startServeData(t, fixtureData(t))
}

// startServeData runs gongwen serve on the index in data and returns its base URL.
func startServeData(t *testing.T, data string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	var out bytes.Buffer
	go func() {
		done <- runServe(ctx, serveOptions{data: data, addr: "127.0.0.1:0", ready: func(a string) { addr <- a }}, &out, io.Discard)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	select {
	case a := <-addr:
		return "http://" + a
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	return ""
}

func getJSON(t *testing.T, u string, wantStatus int, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != wantStatus {
		body, _ := io.ReadAll(resp.Body)
		t.Fatalf("GET %s: %s, want %d: %s", u, resp.Status, wantStatus, body)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

// TestServe runs gongwen serve on the fixtures: the page, a search and a
// chart come from package web (whose tests go through the rest).
func TestServe(t *testing.T) {
	base := startServe(t)
	var res struct{ Total int }
	getJSON(t, base+"/api/search?q="+url.QueryEscape("调解成功率"), 200, &res)
	if res.Total == 0 {
		t.Error("search through gongwen serve found nothing")
	}
	for path, want := range map[string]string{
		"/": "公文检索",
		"/compare.svg?indicator=%E8%B0%83%E8%A7%A3%E6%88%90%E5%8A%9F%E7%8E%87": "<svg",
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte(want)) {
			t.Errorf("GET %s: %s %.200s", path, resp.Status, body)
		}
	}
}
