package web

import (
	"regexp"
	"testing"

	"github.com/gongwen/gongwen/extract/identity"
)

// The page shows each kind with the labels that the command line and the
// API accept for it (identity.KindNamed).
func TestPageKindLabels(t *testing.T) {
	js, err := static.ReadFile("static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	entry := regexp.MustCompile(`"([a-z-]+)": \["([^"]+)", "([^"]+)"\]`)
	page := map[string][2]string{}
	for _, m := range entry.FindAllStringSubmatch(string(js), -1) {
		page[m[1]] = [2]string{m[2], m[3]}
	}
	for _, k := range identity.Kinds {
		if got, want := page[k.Kind], [2]string{k.Chinese, k.English}; got != want {
			t.Errorf("app.js labels %s as %q, identity.Kinds as %q", k.Kind, got, want)
		}
	}
	if len(page) != len(identity.Kinds) {
		t.Errorf("app.js has %d kinds, identity.Kinds %d", len(page), len(identity.Kinds))
	}
}
