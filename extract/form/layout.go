package form

import (
	"embed"
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync"
)

// layouts holds one file per national form: its cells (labels → keys), its
// checks and the prose that restates it. A new form is one more file.
//
//go:embed layouts/*.tsv
var layouts embed.FS

// Layout is a national form as its file describes it.
type Layout struct {
	Form   string   // xxgk-annual-report
	Title  string   // 政府信息公开工作年度报告
	Keys   []string // every key, in the file's order
	Lines  []Line
	Checks []CheckRule
	Prose  []ProseRule

	rowIndex, columnIndex map[string][]int // lines by folded row and column label (leaves)
}

// Line maps the labels of a cell to a key.
type Line struct {
	Key      string   // "-" for a label the form knows but keeps under no key
	Row      []string // row label, groups first ("" none: the cell has no row label, as in a table of one row)
	Column   []string // column heading, groups first
	Edition  int      // the older edition that alone prints this label; 0 for the current one
	Unit     string   // the unit when the heading leaves it out (万元)
	Replaces []string // keys a variant row stands for: they are 0 when this line is read
	Note     string   // a warning to give when this line is read
}

// CheckRule is one piece of arithmetic the form states: the keys of Left
// sum to the keys of Right.
type CheckRule struct {
	Name        string
	Left, Right []string
}

// ProseRule lists the names under which the prose restates a key.
type ProseRule struct {
	Key   string
	Names []string
}

// Layouts returns the forms gongwen knows, by name.
func Layouts() []*Layout { return loaded() }

// loaded parses the layouts on first use: most commands never read a form,
// and every one would pay for it at start.
var loaded = sync.OnceValue(func() []*Layout {
	all := mustLoad()
	for _, l := range all {
		for _, ln := range l.Lines {
			for _, s := range append(append([]string{}, ln.Row...), ln.Column...) {
				foldCache[s] = Fold(s)
			}
		}
		l.rowIndex, l.columnIndex = l.leaves()
	}
	return all
})

func mustLoad() []*Layout {
	files, err := layouts.ReadDir("layouts")
	if err != nil {
		panic(err)
	}
	var out []*Layout
	for _, f := range files {
		raw, err := layouts.ReadFile(path.Join("layouts", f.Name()))
		if err != nil {
			panic(err)
		}
		l, err := parseLayout(string(raw))
		if err != nil {
			panic(fmt.Sprintf("form: layouts/%s: %v", f.Name(), err))
		}
		out = append(out, l)
	}
	return out
}

// parseLayout reads a layout file: "name<TAB>value" lines for the form's
// name and title, then [cells], [checks] and [prose] sections, each with a
// header line naming its columns. Lines starting with # are comments.
func parseLayout(raw string) (*Layout, error) {
	l := &Layout{}
	section := ""
	var header []string
	seen := map[string]bool{}
	for n, line := range strings.Split(raw, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section, header = strings.Trim(line, "[]"), nil
			if section != "cells" && section != "checks" && section != "prose" {
				return nil, fmt.Errorf("line %d: unknown section [%s]", n+1, section)
			}
			continue
		}
		fields := strings.Split(line, "\t")
		if section == "" {
			switch fields[0] {
			case "form":
				l.Form = field(fields, 1)
			case "title":
				l.Title = field(fields, 1)
			default:
				return nil, fmt.Errorf("line %d: unknown setting %q", n+1, fields[0])
			}
			continue
		}
		if header == nil {
			header = fields
			continue
		}
		get := func(name string) string {
			for i, h := range header {
				if h == name {
					return strings.TrimSpace(field(fields, i))
				}
			}
			return ""
		}
		switch section {
		case "cells":
			ln := Line{Key: get("key"), Row: splitPath(get("row")), Column: splitPath(get("column")),
				Unit: get("unit"), Replaces: strings.Fields(get("replaces")), Note: get("note")}
			if e := get("edition"); e != "" {
				ed, err := strconv.Atoi(e)
				if err != nil {
					return nil, fmt.Errorf("line %d: edition %q is not a year", n+1, e)
				}
				ln.Edition = ed
			}
			if ln.Key == "" || len(ln.Column) == 0 && len(ln.Row) == 0 {
				return nil, fmt.Errorf("line %d: a cell needs a key and a label", n+1)
			}
			if ln.Key != "-" && !seen[ln.Key] {
				seen[ln.Key] = true
				l.Keys = append(l.Keys, ln.Key)
			}
			l.Lines = append(l.Lines, ln)
		case "checks":
			c := CheckRule{Name: get("check"), Left: splitSum(get("left")), Right: splitSum(get("right"))}
			if c.Name == "" || len(c.Left) == 0 || len(c.Right) == 0 {
				return nil, fmt.Errorf("line %d: a check needs a name and two sides", n+1)
			}
			l.Checks = append(l.Checks, c)
		case "prose":
			p := ProseRule{Key: get("key"), Names: strings.Split(get("names"), "|")}
			l.Prose = append(l.Prose, p)
		}
	}
	if l.Form == "" {
		return nil, fmt.Errorf("no form name")
	}
	for _, c := range l.Checks {
		for _, k := range append(append([]string{}, c.Left...), c.Right...) {
			if !seen[k] {
				return nil, fmt.Errorf("check %q: unknown key %s", c.Name, k)
			}
		}
	}
	for _, ln := range l.Lines {
		for _, k := range ln.Replaces {
			if !seen[k] {
				return nil, fmt.Errorf("key %s replaces unknown key %s", ln.Key, k)
			}
		}
	}
	for _, p := range l.Prose {
		if !seen[p.Key] {
			return nil, fmt.Errorf("prose: unknown key %s", p.Key)
		}
	}
	return l, nil
}

func field(fields []string, i int) string {
	if i < len(fields) {
		return fields[i]
	}
	return ""
}

// splitPath splits "三、本年度办理结果 / （一）予以公开" into its labels.
func splitPath(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, " / ")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// splitSum splits "a + b + c" into its keys.
func splitSum(s string) []string {
	var keys []string
	for _, k := range strings.Split(s, "+") {
		if k = strings.TrimSpace(k); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}
