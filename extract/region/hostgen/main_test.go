package main

import (
	"slices"
	"testing"

	"github.com/gongwen/gongwen/extract/region"
)

func TestLearn(t *testing.T) {
	doc := func(issuer, code string) document {
		d := document{Title: issuer + "关于…的通知", Issuer: issuer}
		if code == "national" {
			d.National = true
			return d
		}
		r, ok := region.Lookup(code)
		if !ok {
			t.Fatalf("no division %s", code)
		}
		d.Region = &r
		return d
	}
	hosts := map[string][]document{
		// A county's site that reposts a notice of its city.
		"yongchang.gov.cn": {doc("永昌县人民政府", "620321"), doc("永昌县财政局", "620321"), doc("金昌市人民政府", "620300")},
		// A city's portal with documents of its counties.
		"jc.gov.cn":    {doc("金昌市人民政府", "620300"), doc("永昌县人民政府", "620321"), doc("金川区人民政府", "620302")},
		"gov.cn":       {doc("国务院", "national"), doc("国务院办公厅", "national")},
		"one.gov.cn":   {doc("某县人民政府", "620321")},                            // too few
		"known.gov.cn": {doc("金昌市人民政府", "620300"), doc("金昌市人民政府", "620300")}, // already in the table
	}
	got := learn(hosts, map[string]bool{"known.gov.cn": true}, 2, 0.6)
	want := []string{
		"gov.cn\tnational\t国务院关于…的通知 (发布机构 国务院; 2 documents)",
		"jc.gov.cn\t620300\t金昌市人民政府关于…的通知 (发布机构 金昌市人民政府; 3 documents)",
		"yongchang.gov.cn\t620321\t永昌县人民政府关于…的通知 (发布机构 永昌县人民政府; 3 documents)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("learn =\n%q\nwant\n%q", got, want)
	}
}
