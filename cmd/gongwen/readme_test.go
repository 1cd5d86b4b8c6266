package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongwen/gongwen/internal/testsite"
)

var updateREADME = flag.Bool("update", false, "rewrite in README.md the output of the commands that show it whole (no …) and print something else")

// TestREADME runs the tour of README.md and checks that each command prints
// what the README shows, so that the README cannot go stale. The commands
// are the lines that start with "$ " in the blocks fenced as ```console; the
// lines after a command, up to the next, are what it prints (stdout and
// stderr as a terminal shows them). In what is shown:
//
//   - a line that is only … stands for any number of lines;
//   - … within a line stands for any text;
//   - times (1.321s, 950ms) may differ;
//   - with "# wrapped" after the command, a line that starts with a space
//     continues the line before it (long JSON shown wrapped).
//
// The commands run in a fresh directory where testdata is the repository's,
// one after the other, through the same code as the gongwen binary; the shell
// they understand is small: quotes, "> FILE", "| head -c N", "| head -n N",
// "echo $?", "go run ./testdata/site &", which starts the test site on a
// free port that stands in for the README's 127.0.0.1:18765, and
// "gongwen serve", which serves on a free port, gets the page and stops.
//
// After a deliberate change, -update rewrites the outputs shown whole; those
// with … are left to edit by hand (the failure shows what was printed).
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("the tour ingests the sample reports and crawls the test site")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	steps, err := parseTour(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) < 10 {
		t.Fatalf("README.md has %d commands in ```console blocks; the tour should be there", len(steps))
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "testdata"), filepath.Join(dir, "testdata")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("GONGWEN_DATA", "")
	t.Setenv("GONGWEN_FONT", "")
	t.Logf("%d commands in README.md", len(steps))
	sh := &tourShell{t: t}
	for i, s := range steps {
		got, err := sh.run(s.command)
		if err != nil {
			t.Fatalf("README.md:%d: %s: %v", s.line, s.command, err)
		}
		if !matchLines(s.want, got) {
			steps[i].differs = got
		}
	}
	lines := strings.Split(string(readme), "\n")
	rewrite := func(s tourStep) bool { return *updateREADME && s.whole && s.differs != nil }
	for i := len(steps) - 1; i >= 0; i-- { // from the end, so that a rewrite keeps the lines of the others
		if s := steps[i]; rewrite(s) {
			lines = slices.Replace(lines, s.line, s.line+s.shown, s.differs...)
			t.Logf("README.md:%d: $ %s: output rewritten", s.line, s.command)
		}
	}
	for _, s := range steps {
		if s.differs != nil && !rewrite(s) {
			t.Errorf("README.md:%d: $ %s\n--- the README shows:\n%s\n--- the command printed:\n%s",
				s.line, s.command, strings.Join(s.want, "\n"), strings.Join(s.differs, "\n"))
		}
	}
	if *updateREADME {
		if err := os.WriteFile(filepath.Join(root, "README.md"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tourStep is a command of the README and what it shows the command print.
type tourStep struct {
	line    int // of the command in README.md
	command string
	want    []string
	shown   int  // lines of output shown, up to the last that is not blank
	whole   bool // whether all of the output is shown: no …, not wrapped
	differs []string
}

// parseTour reads the commands and their output from the ```console blocks.
func parseTour(readme string) ([]tourStep, error) {
	var steps []tourStep
	in := false
	sc := bufio.NewScanner(strings.NewReader(readme))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \t")
		switch {
		case strings.HasPrefix(line, "```"):
			if in && len(steps) > 0 {
				steps[len(steps)-1].want = trimBlank(steps[len(steps)-1].want)
			}
			in = !in && strings.TrimSpace(strings.TrimPrefix(line, "```")) == "console"
		case !in:
		case strings.HasPrefix(line, "$ "):
			if len(steps) > 0 {
				steps[len(steps)-1].want = trimBlank(steps[len(steps)-1].want)
			}
			steps = append(steps, tourStep{line: n, command: strings.TrimPrefix(line, "$ ")})
		case len(steps) == 0:
			return nil, fmt.Errorf("README.md:%d: output before any command in a console block", n)
		default:
			steps[len(steps)-1].want = append(steps[len(steps)-1].want, line)
		}
	}
	for i, s := range steps {
		steps[i].shown = len(s.want)
		steps[i].whole = !slices.ContainsFunc(s.want, func(l string) bool { return strings.Contains(l, "…") })
		if _, comment := splitComment(s.command); strings.Contains(comment, "wrapped") {
			steps[i].want = unwrap(s.want)
			steps[i].whole = false
		}
	}
	return steps, sc.Err()
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// unwrap joins each line that starts with a space to the line before it.
func unwrap(lines []string) []string {
	var out []string
	for _, l := range lines {
		if len(out) > 0 && strings.HasPrefix(l, " ") {
			out[len(out)-1] += strings.TrimLeft(l, " ")
		} else {
			out = append(out, l)
		}
	}
	return out
}

// tourShell runs the README's commands, keeping the exit status of the last
// and the test site's address.
type tourShell struct {
	t      *testing.T
	status int
	site   string // the test site's host:port, once started
}

// readmeSite is the address of the test site as the README writes it.
const readmeSite = "127.0.0.1:18765"

func (sh *tourShell) run(command string) ([]string, error) {
	command, _ = splitComment(command)
	if sh.site != "" {
		command = strings.ReplaceAll(command, readmeSite, sh.site)
	}
	stages := strings.Split(command, " | ")
	words, err := splitWords(stages[0])
	if err != nil {
		return nil, err
	}
	var term bytes.Buffer // what a terminal shows: stdout and stderr as written
	var stdout, stderr io.Writer = &term, &term
	var piped, pipedErr bytes.Buffer // a pipeline's output, then its stderr
	if len(stages) > 1 {
		stdout, stderr = &piped, &pipedErr
	}
	if n := len(words); n >= 2 && words[n-2] == ">" {
		f, err := os.Create(words[n-1])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		stdout, words = f, words[:n-2]
	}
	switch {
	case strings.Join(words, " ") == "echo $?":
		fmt.Fprintln(stdout, sh.status)
	case strings.Join(words, " ") == "go run ./testdata/site &":
		if err := sh.startSite(stdout); err != nil {
			return nil, err
		}
	case strings.Join(words, " ") == "gongwen serve":
		if err := sh.serve(stdout, stderr); err != nil {
			return nil, err
		}
	case len(words) > 0 && words[0] == "gongwen":
		sh.status = run(words[1:], stdout, stderr)
	default:
		return nil, fmt.Errorf("the README test runs gongwen and a few shell words, not %q", command)
	}
	out := piped.Bytes()
	for _, stage := range stages[1:] {
		if out, err = filter(stage, out); err != nil {
			return nil, err
		}
	}
	term.Write(out)
	term.Write(pipedErr.Bytes())
	text := term.String()
	if sh.site != "" {
		text = strings.ReplaceAll(text, sh.site, readmeSite)
	}
	return trimBlank(strings.Split(strings.TrimRight(text, "\n"), "\n")), nil
}

// startSite serves testdata/site as go run ./testdata/site does, on a free
// port, until the test ends.
func (sh *tourShell) startSite(term io.Writer) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	off, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: &testsite.Site{Dir: filepath.Join("testdata", "site"), Offsite: "http://" + off.Addr().String()}}
	offsrv := &http.Server{Handler: testsite.Offsite(nil)}
	go srv.Serve(ln)
	go offsrv.Serve(off)
	sh.t.Cleanup(func() { srv.Close(); offsrv.Close() })
	sh.site = ln.Addr().String()
	fmt.Fprintf(term, "serving testdata/site at http://%s/\n", sh.site)
	return nil
}

// readmeServe is the address of gongwen serve as the README writes it.
const readmeServe = "127.0.0.1:8080"

// serve runs gongwen serve on a free port, asks it for the page and stops
// it; its output shows the README's address.
func (sh *tourShell) serve(stdout, stderr io.Writer) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := make(chan string, 1)
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, serveOptions{data: dataDir(""), addr: "127.0.0.1:0", ready: func(a string) { addr <- a }}, &out, stderr)
	}()
	var a string
	select {
	case a = <-addr:
	case err := <-done:
		return err
	}
	resp, err := http.Get("http://" + a + "/")
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("GET /: %s", resp.Status)
		}
	}
	cancel()
	if serr := <-done; err == nil {
		err = serr
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, strings.ReplaceAll(out.String(), a, readmeServe))
	return err
}

// filter runs the command of a pipeline stage on in: head -c N or head -n N.
func filter(stage string, in []byte) ([]byte, error) {
	words, err := splitWords(stage)
	if err != nil {
		return nil, err
	}
	if len(words) == 3 && words[0] == "head" {
		n, err := strconv.Atoi(words[2])
		switch {
		case err != nil:
		case words[1] == "-c":
			return in[:min(n, len(in))], nil
		case words[1] == "-n":
			lines := bytes.SplitAfter(in, []byte("\n"))
			return bytes.Join(lines[:min(n, len(lines))], nil), nil
		}
	}
	return nil, fmt.Errorf("the README test pipes only into head -c N or head -n N, not %q", stage)
}

// splitComment cuts a shell comment (# after a blank, outside quotes) off a
// command.
func splitComment(command string) (string, string) {
	quote := rune(0)
	for i, r := range command {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && (i == 0 || command[i-1] == ' '):
			return strings.TrimSpace(command[:i]), command[i:]
		}
	}
	return strings.TrimSpace(command), ""
}

// splitWords splits a command into words as a shell does, with '…' and "…"
// quoting (no escapes or variables).
func splitWords(command string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord, quote := false, rune(0)
	for _, r := range command {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				w.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed quote in %q", command)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// duration matches a time as gongwen prints one: 1.321s, 950ms, 2m3.5s.
var duration = regexp.MustCompile(`\b(\d+h)?(\d+m)?\d+(\.\d+)?(ns|µs|ms|s)\b`)

// matchLines reports whether got is what want shows (see TestREADME).
func matchLines(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "…" {
		for i := 0; i <= len(got); i++ {
			if matchLines(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && matchLine(want[0], got[0]) && matchLines(want[1:], got[1:])
}

// matchLine matches a line with … standing for any text, times aside.
func matchLine(want, got string) bool {
	want = duration.ReplaceAllString(strings.TrimRight(want, " "), "0s")
	got = duration.ReplaceAllString(strings.TrimRight(got, " "), "0s")
	parts := strings.Split(want, "…")
	if len(parts) == 1 {
		return want == got
	}
	if !strings.HasPrefix(got, parts[0]) {
		return false
	}
	got = got[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(got, p)
		if i < 0 {
			return false
		}
		got = got[i+len(p):]
	}
	return strings.HasSuffix(got, parts[len(parts)-1])
}

func TestMatchLines(t *testing.T) {
	tests := []struct {
		want, got string
		ok        bool
	}{
		{"a\nb", "a\nb", true},
		{"a\nb", "a\nb\nc", false},
		{"a\n…", "a\nb\nc", true},
		{"a\n…\nc", "a\nc", true},
		{"a\n…\nd", "a\nb\nc", false},
		{"ingest: 11 new; 1.321s", "ingest: 11 new; 950ms", true},
		{"ingest: 11 new; 1.321s", "ingest: 12 new; 950ms", false},
		{`{"id":"88…","kind":"y"…}`, `{"id":"88179f","title":"t","kind":"x","y":1}`, false},
		{`{"id":"88…,"kind":"x"…}`, `{"id":"88179f","title":"t","kind":"x","y":1}`, true},
		{"   …理172件。", "   …理172件。", true},
		{"score 1.40", "score 1.35", false},
	}
	for _, tt := range tests {
		if got := matchLines(strings.Split(tt.want, "\n"), strings.Split(tt.got, "\n")); got != tt.ok {
			t.Errorf("matchLines(%q, %q) = %v, want %v", tt.want, tt.got, got, tt.ok)
		}
	}
	if got := unwrap([]string{`{"a":1,`, ` "b":2}`, `next`}); strings.Join(got, "|") != `{"a":1,"b":2}|next` {
		t.Errorf("unwrap = %q", got)
	}
	if w, err := splitWords(`gongwen search --indicator '罚没款>1亿' "a b" c`); err != nil || strings.Join(w, "|") != "gongwen|search|--indicator|罚没款>1亿|a b|c" {
		t.Errorf("splitWords = %q, %v", w, err)
	}
	if c, comment := splitComment(`gongwen compare --long GDP          # testdata/measures`); c != "gongwen compare --long GDP" || comment != "# testdata/measures" {
		t.Errorf("splitComment = %q, %q", c, comment)
	}
}
