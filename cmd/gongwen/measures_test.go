package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gongwen/gongwen/export"
)

// TestMeasureQueries runs the queries of issue 11 end to end — extract,
// ingest, search, compare — on testdata/measures: eight short reports we
// wrote with levels, growth rates, changes in percentage points, targets,
// per-capita values and a from…to change. Each query must find exactly the
// documents that report such a level, and compare exactly the levels.
func TestMeasureQueries(t *testing.T) {
	ctx := context.Background()
	data := filepath.Join(t.TempDir(), "data")
	var out, errOut bytes.Buffer
	if err := cmdIngest(ctx, []string{"--data", data, filepath.Join("..", "..", "testdata", "measures")}, &out, &errOut); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut.String())
	}
	run := func(cmd func(context.Context, []string, io.Writer, io.Writer) error, args ...string) (string, string, error) {
		var stdout, stderr bytes.Buffer
		err := cmd(ctx, append([]string{"--data", data}, args...), &stdout, &stderr)
		return stdout.String(), stderr.String(), err
	}

	tests := []struct {
		indicator string
		want      []string // issuers of the documents found
	}{
		// 850.3亿 only: not the growth rates (6.1 < 1000) nor 人均 (98000元)
		{"地区生产总值<1000亿", []string{"青岚县统计局"}},
		// 12.1% only: not 16.2% through its change of 1.4个百分点, not the target 控制在10%以内,
		// not a report that gives only a change
		{"纠错率<15", []string{"明州市人民政府"}},
		{"纠错率<15%", []string{"明州市人民政府"}},
		{"地区生产总值>1000亿元", []string{"云溪市统计局", "嘉禾市人民政府", "嘉禾市统计局", "澄州市统计局"}},
		{"GDP>1000亿", []string{"云溪市统计局", "嘉禾市人民政府", "嘉禾市统计局", "澄州市统计局"}},
		{"投入资金>=3000万元", []string{"汾阳市人民政府"}},
		{"人均地区生产总值>60000元", []string{"云溪市统计局", "澄州市统计局"}},
		{"change:地区生产总值>5%", []string{"云溪市统计局", "嘉禾市人民政府", "澄州市统计局", "青岚县统计局"}},
		{"地区生产总值增长>5", []string{"云溪市统计局", "嘉禾市人民政府", "澄州市统计局", "青岚县统计局"}},
		{"change:纠错率<0", []string{"汾阳市人民政府"}}, // a change down is negative
		{"纠错率>1个百分点", []string{"桐江区人民政府"}},
		{"target:地区生产总值", []string{"嘉禾市人民政府"}},
		{"target:纠错率<=10%", []string{"汾阳市人民政府"}},
		{"研发经费投入强度>2.4", []string{"云溪市统计局"}}, // 2.5, not the baseline 2.1
		{"研发经费投入强度<2.4", nil},
	}
	for _, tt := range tests {
		t.Run(tt.indicator, func(t *testing.T) {
			stdout, stderr, err := run(cmdSearch, "--json", "--limit", "50", "--indicator", tt.indicator)
			if err != nil {
				t.Fatalf("search: %v\n%s", err, stderr)
			}
			var res struct {
				Hits []struct{ Issuer string } `json:"hits"`
			}
			if err := json.Unmarshal([]byte(stdout), &res); err != nil && stdout != "" {
				t.Fatalf("%v: %s", err, stdout)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Issuer)
			}
			slices.Sort(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("a unit that cannot apply", func(t *testing.T) {
		for _, q := range []string{"纠错率>3亿元", "投入资金>3%"} {
			_, stderr, err := run(cmdSearch, "--indicator", q)
			if !errors.Is(err, errUsage) || !strings.Contains(stderr, "%") || !strings.Contains(stderr, "cannot apply") && !strings.Contains(stderr, "none in") {
				t.Errorf("%s: err %v, stderr %q; want a usage error naming the units", q, err, stderr)
			}
		}
	})

	t.Run("compare 地区生产总值", func(t *testing.T) {
		stdout, stderr, err := run(cmdCompare, "--json", "地区生产总值")
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		var tab export.Table
		if err := json.Unmarshal([]byte(stdout), &tab); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for i, r := range tab.Rows {
			for j, c := range tab.Cells[i] {
				if c != nil {
					got[r+" "+tab.Columns[j]] = c.Text
				}
			}
		}
		want := map[string]string{
			"云溪市统计局 2024": "9500亿元", "嘉禾市人民政府 2025": "1200.5亿元", "嘉禾市统计局 2023": "1100亿元",
			"澄州市统计局 2024": "2376.5亿元", "青岚县统计局 2024": "850.3亿元",
		}
		if diff := cmp.Diff(want, got); diff != "" || tab.Measure != "地区生产总值" || tab.Total != 5 {
			t.Errorf("measure %q, %d values; cells (-want +got):\n%s", tab.Measure, tab.Total, diff)
		}
		if !strings.Contains(stdout, `"cells": [`) || !strings.Contains(stdout, "null") {
			t.Errorf("empty cells are not null:\n%s", stdout)
		}
	})

	t.Run("compare 行政复议案件", func(t *testing.T) {
		stdout, stderr, err := run(cmdCompare, "行政复议案件")
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		for _, w := range []string{"办理行政复议案件", "汾阳市人民政府", "548件", "other measures with this name, not shown: 新收行政复议案件 (1)"} {
			if !strings.Contains(stdout, w) {
				t.Errorf("output lacks %q:\n%s", w, stdout)
			}
		}
		if strings.Contains(stdout, "1326") {
			t.Errorf("新收 mixed with 办理:\n%s", stdout)
		}
		stdout, _, _ = run(cmdCompare, "name:行政复议案件")
		if !strings.Contains(stdout, "1326件") || !strings.Contains(stdout, "548件") {
			t.Errorf("name: does not put every name in one table:\n%s", stdout)
		}
	})

	t.Run("compare --long", func(t *testing.T) {
		stdout, stderr, err := run(cmdCompare, "--long", "GDP")
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if len(lines) != 6 || lines[0] != "place,region_code,year,value,unit,approx,name,doc_id,text,others,measure" ||
			!slices.ContainsFunc(lines, func(l string) bool {
				return strings.HasPrefix(l, "澄州市统计局,,2024,237650000000,元,false,生产总值,")
			}) {
			t.Errorf("long CSV:\n%s", stdout)
		}
		stdout, _, _ = run(cmdCompare, "--long", "--json", "GDP")
		var rows []export.LongRow
		if err := json.Unmarshal([]byte(stdout), &rows); err != nil || len(rows) != 5 || rows[0].Year == nil {
			t.Errorf("long JSON: %v\n%s", err, stdout)
		}
	})

	t.Run("compare --csv", func(t *testing.T) {
		stdout, _, err := run(cmdCompare, "--csv", "地区生产总值")
		if err != nil || !strings.Contains(stdout, "issuer,2023,2024,2025\n") || !strings.Contains(stdout, "嘉禾市统计局,110000000000,,\n") {
			t.Errorf("CSV: %v\n%s", err, stdout)
		}
	})
}
