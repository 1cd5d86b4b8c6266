package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// fixtureData ingests the index fixtures into a fresh data directory.
func fixtureData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	jsonl, _ := fixtureJSONL(t, dir)
	data := filepath.Join(dir, "data")
	var out, errOut bytes.Buffer
	if err := runIngest(context.Background(), ingestOptions{data: data, batch: 500}, []string{jsonl}, &out, &errOut); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut.String())
	}
	return data
}

func TestSearchCommand(t *testing.T) {
	data := fixtureData(t)
	tests := []struct {
		name    string
		args    []string
		wantErr error
		want    []string // in stdout, in this order
		stderr  string
	}{
		{name: "words and facets", args: []string{"--data", data, "农业"},
			want: []string{"1. 中国农业发展银行驻马店市分行2023年支持乡村振兴工作情况的报告", "2024-01-20", "中国农业发展银行", "1 document\n", "issuer:", "region: 河南省驻马店市 (1)\n", "year:", "2023 (1)", "kind:"}},
		{name: "flags after words", args: []string{"行政复议", "--data", data, "--limit", "1"},
			want: []string{"1. 洛阳市2023年行政复议工作情况报告", "洛阳市司法局 · 2024-01-28 · 洛司〔2024〕2号", "<mark>", "--offset 1 for more"}},
		{name: "excluded word is not a flag", args: []string{"--data", data, "调解", "委员会", "-代表大会"},
			want: []string{"南阳市人民调解工作情况通报"}},
		{name: "indicator", args: []string{"--data", data, "--indicator", "调解成功率=97.3"},
			want: []string{"调解成功率 = 97.3% (97.3%)", "南阳市人民调解工作情况通报", "调解成功率 = 97.3% (97.3%)", "2 documents"}},
		{name: "region as in the facet", args: []string{"--data", data, "--region", "河南省开封市"},
			want: []string{"5 documents", "region: 河南省开封市 (5)\n"}},
		{name: "region by short name", args: []string{"--data", data, "--region", "开封", "--limit", "1"},
			want: []string{"--offset 1 for more", "region: 河南省开封市 (5)\n"}},
		{name: "region by province code", args: []string{"--data", data, "--region", "410000"},
			want: []string{"27 documents", "region: 河南省驻马店市 (7), 河南省洛阳市 (6), 河南省南阳市 (5), 河南省开封市 (5), 河南省郑州市 (4)\n", "year:"}},
		{name: "region and indicator", args: []string{"--data", data, "--region", "浙江省", "--indicator", "调解成功率"},
			want: []string{"调解成功率 = ", "region: 浙江省"}},
		{name: "region without documents", args: []string{"--data", data, "--region", "湖北省"}, want: []string{"no documents found"}},
		{name: "nothing found", args: []string{"--data", data, "--year", "1999"}, want: []string{"no documents found"}},
		{name: "kind by the web page's label", args: []string{"--data", data, "--kind", "通知公告"}, want: []string{"kind:   notice (3)"}},
		{name: "a known kind without documents", args: []string{"--data", data, "--kind", "budget"}, want: []string{"no documents found"}},
		{name: "no such kind", args: []string{"--data", data, "--kind", "notices"}, wantErr: errUsage, stderr: "kinds: notice (通知公告)"},
		{name: "no such issuer", args: []string{"--data", data, "--issuer", "洛阳司法局"}, wantErr: errUsage, stderr: "nearest: 洛阳市司法局"},
		{name: "no such region", args: []string{"--data", data, "--region", "开风市"}, wantErr: errUsage, stderr: "nearest: 河南省开封市"},
		{name: "punctuation only", args: []string{"--data", data, "。，"}, wantErr: errUsage, stderr: "only punctuation"},
		{name: "bad indicator", args: []string{"--data", data, "--indicator", ">=95"}, wantErr: errUsage, stderr: "NAME OP VALUE"},
		{name: "no index", args: []string{"--data", filepath.Join(t.TempDir(), "none"), "x"}, wantErr: errAny, stderr: ""},
		{name: "help", args: []string{"-h"}, wantErr: errHelp, stderr: `docnum:国发〔2024〕1号`},
		{name: "help on regions", args: []string{"-h"}, wantErr: errHelp, stderr: `--region 河南省`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := cmdSearch(context.Background(), tt.args, &out, &errOut)
			switch {
			case tt.wantErr == errAny && err == nil, tt.wantErr != errAny && !errors.Is(err, tt.wantErr):
				t.Fatalf("err = %v, want %v; stderr %s", err, tt.wantErr, errOut.String())
			}
			rest := out.String()
			for _, w := range tt.want {
				if w == "<mark>" {
					if strings.Contains(rest, w) {
						t.Errorf("text output has HTML marks:\n%s", out.String())
					}
					continue
				}
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, out.String())
				}
				rest = rest[i+len(w):]
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr lacks %q: %s", tt.stderr, errOut.String())
			}
		})
	}
}

var errAny = errors.New("any error")

func TestSearchJSON(t *testing.T) {
	data := fixtureData(t)
	var out, errOut bytes.Buffer
	if err := cmdSearch(context.Background(), []string{"--data", data, "--json", "处理"}, &out, &errOut); err != nil {
		t.Fatal(err, errOut.String())
	}
	// The exact shape: these keys and no others.
	var res map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if got := keys(res); got != "facets hits total" {
		t.Errorf("top-level keys %q", got)
	}
	var hits []map[string]json.RawMessage
	json.Unmarshal(res["hits"], &hits)
	if len(hits) == 0 {
		t.Fatal("no hits")
	}
	if got := keys(hits[0]); got != "doc_numbers fragments id issuer report_year score title url" {
		t.Errorf("hit keys %q", got)
	}
	if !strings.Contains(string(hits[0]["fragments"]), "待<mark>处理</mark>") {
		t.Errorf("fragments %s, want 待<mark>处理</mark>", hits[0]["fragments"])
	}
	var facets map[string][]struct {
		Term  string
		Count int
	}
	json.Unmarshal(res["facets"], &facets)
	if got := keys(facets); got != "issuer kind region year" {
		t.Errorf("facets %q", got)
	}
	for name, counts := range facets {
		if len(counts) == 0 {
			t.Errorf("facet %s is empty: %s", name, res["facets"])
		}
	}
}

func keys[V any](m map[string]V) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}
