package web

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// Limits bound what requests may cost a server. The zero value means the
// defaults.
type Limits struct {
	// Busy is how many searches and comparisons run at once (0: DefaultBusy);
	// a request beyond them is answered 503 with Retry-After at once.
	Busy int
	// Param is the most characters of one query parameter (0: DefaultParam);
	// Name that of an indicator name (0: DefaultName).
	Param, Name int
}

// Defaults of Limits.
const (
	DefaultBusy  = 4
	DefaultParam = 1000
	DefaultName  = 100 // the longest indicator names are some 40 characters
	maxQueryLen  = 8 << 10
	retryAfter   = 1 * time.Second
	idleRelease  = 2 * time.Second // after the last busy request, memory goes back to the system
)

// expensive are the paths whose requests search or compare; the others
// (the page, a document by id) are cheap.
var expensive = map[string]bool{"/api/search": true, "/api/indicators": true, "/api/compare": true, "/compare.svg": true}

// nameParams are the parameters that carry an indicator name.
var nameParams = map[string]bool{"indicator": true, "name": true}

// Guard wraps h: parameters longer than the limits are refused (400), at
// most Busy expensive requests run at once (the others get 503 with
// Retry-After), and after a burst the memory it took is returned to the
// system.
func Guard(h http.Handler, l Limits) http.Handler {
	g := &guard{h: h, l: l, slots: make(chan struct{}, or(l.Busy, DefaultBusy))}
	g.release = time.AfterFunc(time.Hour, g.freeMemory)
	g.release.Stop()
	return g
}

type guard struct {
	h     http.Handler
	l     Limits
	slots chan struct{}

	mu      sync.Mutex
	busy    int
	release *time.Timer
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.RawQuery) > maxQueryLen {
		writeError(w, http.StatusRequestURITooLong, fmt.Sprintf("query string longer than %d bytes", maxQueryLen))
		return
	}
	for name, values := range r.URL.Query() {
		max := or(g.l.Param, DefaultParam)
		if nameParams[name] {
			max = or(g.l.Name, DefaultName)
		}
		for _, v := range values {
			if n := utf8.RuneCountInString(v); n > max {
				writeError(w, http.StatusBadRequest, fmt.Sprintf("%s: %d characters, the limit is %d", name, n, max))
				return
			}
		}
	}
	if !expensive[r.URL.Path] {
		g.h.ServeHTTP(w, r)
		return
	}
	select {
	case g.slots <- struct{}{}:
	default:
		w.Header().Set("Retry-After", strconv.Itoa(int(retryAfter/time.Second)))
		writeError(w, http.StatusServiceUnavailable, "busy: too many searches at once; try again in a second")
		return
	}
	g.enter()
	defer func() {
		g.leave()
		<-g.slots
	}()
	g.h.ServeHTTP(w, r)
}

func (g *guard) enter() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.busy++
	g.release.Stop()
}

func (g *guard) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.busy--; g.busy == 0 {
		g.release.Reset(idleRelease)
	}
}

// freeMemory returns the memory of a burst to the system once the server
// is idle: Go would keep it for the next burst.
func (g *guard) freeMemory() {
	g.mu.Lock()
	idle := g.busy == 0
	g.mu.Unlock()
	if idle {
		debug.FreeOSMemory()
	}
}

func or(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}
