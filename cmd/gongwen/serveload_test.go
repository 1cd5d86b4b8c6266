package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongwen/gongwen/index"
	"github.com/gongwen/gongwen/index/testcorpus"
)

var (
	serveLoadDocs = flag.Int("serve-load", 0, "run TestServeLoad on an index of `N` generated reports")
	serveLoadData = flag.String("serve-load-data", "", "keep the generated index in `DIR` (made once, reused)")
)

// TestServeLoad measures gongwen serve under bursts of concurrent comparisons on loopback: answers,
// 503s, latency, and the server's memory (RssAnon) at its peak and after the burst. It is a
// measurement, run by hand (README "Limits"):
//
//	go test ./cmd/gongwen -run TestServeLoad -v -serve-load 15000 -serve-load-data /tmp/load
func TestServeLoad(t *testing.T) {
	if *serveLoadDocs == 0 {
		t.Skip("a measurement: run with -serve-load N")
	}
	data := *serveLoadData
	if data == "" {
		data = t.TempDir()
	}
	if _, err := os.Stat(filepath.Join(index.Dir(data), "index_meta.json")); err != nil {
		buildLoadIndex(t, data, *serveLoadDocs)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "serve", "--data", data, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), asGongwen+"=1")
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	m := regexp.MustCompile(`http://\S+/`).FindString(line)
	if err != nil || m == "" {
		t.Fatalf("serve said %q, %v", line, err)
	}
	t.Logf("%s", strings.TrimSpace(line))
	rss := func() int64 {
		b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
		f := regexp.MustCompile(`RssAnon:\s+(\d+) kB`).FindSubmatch(b)
		if f == nil {
			return 0
		}
		n, _ := strconv.ParseInt(string(f[1]), 10, 64)
		return n >> 10
	}
	t.Logf("idle: RssAnon %d MB", rss())
	names := []string{"调解成功率", "受理人民调解案件", "办理行政复议案件", "地区生产总值", "举办培训班", "主动公开政府信息"}
	for _, clients := range []int{8, 50, 200} {
		var mu sync.Mutex
		codes := map[int]int{}
		var took []time.Duration
		peak := int64(0)
		done := make(chan struct{})
		go func() {
			for {
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
					mu.Lock()
					peak = max(peak, rss())
					mu.Unlock()
				}
			}
		}()
		var wg sync.WaitGroup
		start := time.Now()
		for i := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				u := m + "api/compare?by=region&indicator=" + url.QueryEscape(names[i%len(names)])
				t0 := time.Now()
				resp, err := http.Get(u)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				codes[resp.StatusCode]++
				if resp.StatusCode == http.StatusOK {
					took = append(took, time.Since(t0))
				}
				mu.Unlock()
			}()
		}
		wg.Wait()
		elapsed := time.Since(start)
		close(done)
		time.Sleep(4 * time.Second) // the server returns memory 2 s after a burst
		slices.Sort(took)
		p50 := time.Duration(0)
		if len(took) > 0 {
			p50 = took[len(took)/2]
		}
		t.Logf("%3d concurrent /api/compare: %v in %v, p50 %v; RssAnon peak %d MB, 4 s later %d MB",
			clients, codes, elapsed.Round(time.Millisecond), p50.Round(time.Millisecond), peak, rss())
	}
}

func buildLoadIndex(t *testing.T, data string, n int) {
	ix, err := index.Create(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b := ix.NewBatch()
	for i := range n {
		if _, err := b.Add(testcorpus.Document(i, 42)); err != nil {
			t.Fatal(err)
		}
		if b.Len() == 200 {
			if err := b.Commit(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	t.Logf("index of %d generated reports in %s", n, data)
}
