package index

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/gongwen/gongwen/extract"
)

func TestFilterValues(t *testing.T) {
	ind := []extract.Indicator{{Name: "一般公共预算支出", Value: 1e8, Unit: "元", Text: "1亿元", Kind: extract.KindMoney}}
	docs := []*extract.Document{
		{ID: "a", Title: "上海市普陀区2025年区级部门预算", Issuer: "上海市普陀区商务委员会", Kind: "budget", ReportYear: 2025, Text: "预算", Indicators: ind},
		{ID: "b", Title: "2023年周口市国民经济和社会发展统计公报", Issuer: "周口市统计局", Kind: "stats-bulletin", ReportYear: 2023, Text: "公报"},
		{ID: "c", Title: "国务院关于…的意见", Issuer: "国务院", Kind: "notice", National: true, Text: "意见"},
		{ID: "d", Title: "旧的文件", Issuer: "某局", Kind: "memo", Text: "旧"}, // a kind of an older gongwen
	}
	ix := newTestIndex(t, docs)
	ctx := context.Background()
	tests := []struct {
		name    string
		q       Query
		ids     string // the documents found, in id order
		suggest string // in the error, when the filter matches nothing valid
	}{
		{"a kind", Query{Kind: "budget"}, "a", ""},
		{"a kind by its Chinese label", Query{Kind: "预算"}, "a", ""},
		{"a kind by its English label", Query{Kind: "Statistical bulletin"}, "b", ""},
		{"a known kind no document has", Query{Kind: "plan"}, "", ""},
		{"a kind only a document has", Query{Kind: "memo"}, "d", ""},
		{"no such kind", Query{Kind: "budgets"}, "", "budget (预算)"},
		{"no such kind, by a label", Query{Kind: "统计公告"}, "", "stats-bulletin (统计公报)"},
		{"an issuer", Query{Issuer: "周口市统计局"}, "b", ""},
		{"no such issuer", Query{Issuer: "周口统计局"}, "", "周口市统计局"},
		{"no such issuer, written short", Query{Issuer: "商务委员会"}, "", "上海市普陀区商务委员会"},
		{"national documents", Query{Region: "national"}, "c", ""},
		{"national documents, in Chinese", Query{Region: "全国"}, "c", ""},
		{"a known division", Query{Region: "310107"}, "a", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.Limit = 10
			var ids []string
			err := ix.Each(ctx, tt.q, func(d *extract.Document) error { ids = append(ids, d.ID); return nil })
			if tt.suggest != "" {
				if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), tt.suggest) {
					t.Fatalf("error %v, want a bad query that suggests %s", err, tt.suggest)
				}
				if _, err := ix.Search(ctx, tt.q); !errors.Is(err, ErrBadQuery) {
					t.Errorf("Search: %v, want a bad query", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(ids, " "); got != tt.ids {
				t.Errorf("found %q, want %q", got, tt.ids)
			}
		})
	}

	// Indicators are filtered by the document's kind, and checked the same.
	if vals, err := ix.Indicators(ctx, IndicatorFilter{Name: "一般公共预算支出", Kind: "预算"}, 10); err != nil || len(vals) != 1 {
		t.Errorf("indicators of budgets: %v, %v", vals, err)
	}
	if vals, err := ix.Indicators(ctx, IndicatorFilter{Name: "一般公共预算支出", Kind: "stats-bulletin"}, 10); err != nil || len(vals) != 0 {
		t.Errorf("indicators of bulletins: %v, %v", vals, err)
	}
	if _, err := ix.Indicators(ctx, IndicatorFilter{Name: "一般公共预算支出", Issuer: "普陀区商务委"}, 10); !errors.Is(err, ErrBadQuery) {
		t.Errorf("indicators of an unknown issuer: %v, want a bad query", err)
	}
}

func TestNearest(t *testing.T) {
	values := []string{"河南省开封市", "河南省驻马店市", "浙江省杭州市", "上海市杨浦区"}
	for _, tt := range []struct{ s, want string }{
		{"开封", "河南省开封市"}, {"开风市", "河南省开封市"}, {"杨浦", "上海市杨浦区"}, {"驻马店市人民政府", "河南省驻马店市"},
	} {
		if got := nearest(tt.s, values, 1); len(got) != 1 || got[0] != tt.want {
			t.Errorf("nearest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
	if got := nearest("x", values, 10); len(got) != len(values) {
		t.Errorf("nearest with nothing alike: %q, want every value", got)
	}
}
