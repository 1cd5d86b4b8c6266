package region

import (
	"strings"
	"testing"
)

func TestCandidates(t *testing.T) {
	for issuer, want := range map[string]int{"三都镇人民政府": 6, "驻马店市人民政府": 1, "朝阳区人民政府": 2, "国务院": 0} {
		if got := len(Candidates(issuer)); got != want {
			t.Errorf("Candidates(%q): %d, want %d", issuer, got, want)
		}
	}
}

func TestResolveWith(t *testing.T) {
	jiande, _ := Lookup("330182")
	ningde, _ := Lookup("350900")
	zhejiang, _ := Lookup("330000")
	hunan, _ := Lookup("430000")
	kaifeng, _ := Lookup("410200")
	tests := []struct {
		name     string
		issuer   string
		evidence []Region
		want     string // code of the most specific division; "" for none
		used     int
	}{
		{"shared township name without evidence", "三都镇人民政府", nil, "", -1},
		{"a county in the text", "三都镇人民政府", []Region{kaifeng, jiande}, "330182108", 1},
		{"a city's site", "三都镇人民政府", []Region{ningde}, "350902109", 0},
		{"a province with one such town", "三都镇人民政府", []Region{zhejiang}, "330182108", 0},
		{"a province with two: the level evidence supports", "三都镇人民政府", []Region{hunan}, "430000", 0},
		{"narrowed twice", "三都镇人民政府", []Region{hunan, jiande}, "430000", 0},
		{"evidence that fits no candidate is ignored", "三都镇人民政府", []Region{kaifeng}, "", -1},
		{"an unambiguous name needs none", "驻马店市人民政府", []Region{jiande}, "411700", -1},
		{"a national body", "国务院", []Region{jiande}, "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, used, ok := ResolveWith(tt.issuer, tt.evidence...)
			if r.Code() != tt.want || used != tt.used || ok != (tt.want != "") {
				t.Errorf("ResolveWith = %s (%s), %d, %v; want %s, %d", r.Code(), r.Name(), used, ok, tt.want, tt.used)
			}
		})
	}
}

func TestExact(t *testing.T) {
	for name, want := range map[string]string{"西藏": "540000", "黔东南": "522600", "珠海市斗门区": "440403", "北京市": "110100",
		"西藏政府": "", "三都镇": "", "": ""} {
		r, ok := Exact(name)
		if r.Code() != want || ok != (want != "") {
			t.Errorf("Exact(%q) = %s, %v; want %s", name, r.Code(), ok, want)
		}
	}
}

func TestWithin(t *testing.T) {
	town, _ := Lookup("330182108")
	county, _ := Lookup("330182")
	city, _ := Lookup("330100")
	other, _ := Lookup("350900")
	for _, tt := range []struct {
		r, a Region
		want bool
	}{{town, county, true}, {town, city, true}, {county, county, true}, {county, town, false}, {town, other, false}, {town, Region{}, false}} {
		if got := tt.r.Within(tt.a); got != tt.want {
			t.Errorf("%s within %s = %v, want %v", tt.r.Code(), tt.a.Code(), got, tt.want)
		}
	}
}

func TestMentioned(t *testing.T) {
	var codes []string
	for _, r := range Mentioned("2024年，三都镇在建德市委的领导下，与浙江各地一道…；杭州市、建德市。国务院") {
		codes = append(codes, r.Code())
	}
	if got, want := strings.Join(codes, " "), "330182 330000 330100"; got != want {
		t.Errorf("Mentioned = %s, want %s", got, want)
	}
}

func TestLocalName(t *testing.T) {
	for code, want := range map[string]string{"540000": "西藏自治区", "110100": "北京市", "430121": "长沙县", "330182108": "三都镇"} {
		r, _ := Lookup(code)
		if got := r.LocalName(); got != want {
			t.Errorf("LocalName(%s) = %s, want %s", code, got, want)
		}
	}
}

func TestHost(t *testing.T) {
	tests := []struct {
		host     string
		want     string
		national bool
		ok       bool
	}{
		{"www.sjz.gov.cn", "130100", false, true},
		{"tjj.sjz.gov.cn", "130100", false, true},
		{"WWW.HZXH.GOV.CN:8080", "330106", false, true},
		{"www.gov.cn", "", true, true},
		{"www.zhoukou.gov.cn", "", false, false}, // not gov.cn's
		{"example.org", "", false, false},
		{"", "", false, false},
	}
	for _, tt := range tests {
		r, national, ok := Host(tt.host)
		if r.Code() != tt.want || national != tt.national || ok != tt.ok {
			t.Errorf("Host(%q) = %s, %v, %v; want %s, %v, %v", tt.host, r.Code(), national, ok, tt.want, tt.national, tt.ok)
		}
	}
}

func TestParseHostsErrors(t *testing.T) {
	for _, tsv := range []string{
		"a.gov.cn\t330100\n",                             // no example
		"a.gov.cn\t999999\texample\n",                    // unknown code
		"a.gov.cn\t330100\tx\nwww.a.gov.cn\t330100\ty\n", // twice
	} {
		if _, err := parseHosts(tsv); err == nil {
			t.Errorf("parseHosts(%q) accepted a bad table", tsv)
		}
	}
}

func BenchmarkMentioned(b *testing.B) {
	text := strings.Repeat("我市位于浙江省东北部，与宁德市、福安市相邻，全市地区生产总值增长5.6%，建德市和长沙县也有合作。", 20)
	load()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Mentioned(text)
	}
}
