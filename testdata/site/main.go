// Command site serves testdata/site on loopback, a small government site
// with the failures real ones have, to try gongwen crawl on:
//
//	go run ./testdata/site &
//	gongwen crawl http://127.0.0.1:18765/zwgk/ndbg/index.html
//
// Run it from the repository's root (or give -dir). Links to another host
// point to a second server on a free port, which a crawl must never visit.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"

	"github.com/gongwen/gongwen/internal/testsite"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18765", "listen on `HOST:PORT`")
	dir := flag.String("dir", "testdata/site", "serve the files of `DIR`")
	flag.Parse()
	if _, err := os.Stat(*dir); err != nil {
		log.Fatalf("site: %v (run it from the repository's root, or give -dir)", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("site: %v (give another -addr)", err)
	}
	off, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(off, testsite.Offsite(nil))
	fmt.Printf("serving %s at http://%s/\n", *dir, ln.Addr())
	log.Fatal(http.Serve(ln, &testsite.Site{Dir: *dir, Offsite: "http://" + off.Addr().String()}))
}
