package region

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Real issuers of every level, as they appear on government documents.
var resolveTests = []struct {
	issuer string
	want   string // code of the most specific division; "" for not found
}{
	// Provinces and their departments.
	{"河南省人民政府", "410000"},
	{"河南省司法厅", "410000"},
	{"山西省人民政府", "140000"},
	{"浙江省卫生和计划生育委员会", "330000"},
	{"广西壮族自治区人民政府办公厅", "450000"},
	{"广西", "450000"},
	{"内蒙古自治区统计局", "150000"},
	{"新疆维吾尔自治区司法厅", "650000"},
	{"宁夏回族自治区人民政府", "640000"},
	{"吉林", "220000"}, // the province before the city of the same name
	{"海南", "460000"}, // the province before 海南藏族自治州

	// Municipalities are their own city.
	{"上海市人民政府", "310100"},
	{"北京市司法局", "110100"},
	{"重庆市人民政府办公厅", "500100"},

	// Cities, prefectures, leagues and their departments.
	{"驻马店市人民政府", "411700"},
	{"驻马店市统计局", "411700"},
	{"中共驻马店市委办公室", "411700"},
	{"河南省驻马店市人民政府", "411700"},
	{"驻马店", "411700"},
	{"金昌市人民政府", "620300"},
	{"杭州市司法局", "330100"},
	{"荆州市公安局", "421000"}, // not 公安县
	{"吉林市人民政府", "220200"},
	{"东莞市人民政府", "441900"},
	{"恩施土家族苗族自治州人民政府", "422800"},
	{"恩施州司法局", "422800"},
	{"黔东南州人民政府", "522600"},
	{"延边朝鲜族自治州人民政府", "222400"},
	{"锡林郭勒盟行政公署", "152500"},
	{"阿克苏地区行政公署", "652900"},
	{"海南州人民政府", "632500"},

	// Districts.
	{"上海市杨浦区人民政府", "310110"},
	{"北京市朝阳区人民政府", "110105"},
	{"长春市朝阳区人民政府", "220104"},
	{"杭州市西湖区人民政府", "330106"},
	{"南昌市西湖区人民政府", "360103"},
	{"杭州西湖区", "330106"},
	{"珠海市斗门区人民政府", "440403"},
	{"驻马店市驿城区人民政府", "411702"},
	{"天津市静海区人民政府", "120118"},
	{"静海区", "120118"}, // unique without context
	{"滨海新区", "120116"},
	{"重庆市万州区人民政府", "500101"},
	{"金川区人民政府", "620302"},

	// Counties, county-level cities, autonomous counties.
	{"缙云县人民政府", "331122"},
	{"縉云縣", "331122"}, // traditional
	{"万载县人民政府", "360922"},
	{"永昌县人民政府", "620321"},
	{"公安县人民政府", "421022"},
	{"长阳土家族自治县人民政府", "420528"},
	{"长阳县", "420528"},
	{"义乌市人民政府", "330782"},
	{"济源市人民政府", "419001"}, // directly under the province
	{"重庆市巫山县", "500237"},
	{"恩施市人民政府", "422801"},

	// Townships and sub-districts.
	{"塘栖镇", "330113100"},
	{"塘栖镇人民政府", "330113100"},
	{"杭州市西湖区留下街道办事处", "330106009"},
	{"北京市朝阳区建外街道办事处", "110105001"},
	{"上海市杨浦区五角场街道办事处", "310110019"},
	{"深圳市南山区粤海街道", "440305007"},

	// Local offices of national bodies.
	{"国家税务总局驻马店市税务局", "411700"},
	{"国家统计局驻马店调查队", "411700"},
	{"国家统计局驻杭州调查队", "330100"},
	{"中国人民银行杭州市中心支行", "330100"},
	{"中国农业发展银行驻马店市分行", "411700"},
	{"国家税务总局", ""},

	// Traditional characters in departments.
	{"浙江省人民政府辦公廳", "330000"},
	{"廣東省", "440000"},

	// National bodies, ambiguous and unknown names.
	{"国务院", ""},
	{"国务院办公厅", ""},
	{"司法部", ""},
	{"国家统计局", ""},
	{"中共中央办公厅", ""},
	{"朝阳区人民政府", ""}, // Beijing or Changchun
	{"西湖区人民政府", ""}, // Hangzhou or Nanchang
	{"鼓楼区", ""},
	{"城关镇", ""},
	{"人民政府", ""},
	{"", ""},
}

// TestIdeographsKept checks what normalize takes for granted: no CJK
// Unified Ideograph is a space or a punctuation mark.
func TestIdeographsKept(t *testing.T) {
	for r := rune(0x4e00); r <= 0x9fff; r++ {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			t.Errorf("%U is a space or a punctuation mark", r)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, tt := range resolveTests {
		r, ok := Resolve(tt.issuer)
		if ok != (tt.want != "") || r.Code() != tt.want {
			t.Errorf("Resolve(%q) = %q %v (%s), want %q", tt.issuer, r.Code(), ok, r.Name(), tt.want)
		}
	}
}

func TestResolveFields(t *testing.T) {
	tests := []struct {
		issuer string
		want   Region
	}{
		{"杭州市西湖区留下街道办事处", Region{
			ProvinceCode: "330000", Province: "浙江省", CityCode: "330100", City: "杭州市",
			CountyCode: "330106", County: "西湖区", TownshipCode: "330106009", Township: "留下街道"}},
		{"上海市杨浦区人民政府", Region{
			ProvinceCode: "310000", Province: "上海市", CityCode: "310100", City: "上海市",
			CountyCode: "310110", County: "杨浦区"}},
		{"济源市人民政府", Region{
			ProvinceCode: "410000", Province: "河南省", CountyCode: "419001", County: "济源市"}},
		{"河南省司法厅", Region{ProvinceCode: "410000", Province: "河南省"}},
	}
	for _, tt := range tests {
		got, _ := Resolve(tt.issuer)
		if got != tt.want {
			t.Errorf("Resolve(%q)\n got %+v\nwant %+v", tt.issuer, got, tt.want)
		}
	}
}

// TestResolveEveryName resolves the full name of every division in the table
// back to that division: the aliases never shadow a real name.
func TestResolveEveryName(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(divisionsGz))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	n, bad := 0, 0
	for sc.Scan() {
		code, _, _ := strings.Cut(sc.Text(), "\t")
		want, ok := Lookup(code)
		if !ok {
			t.Fatalf("Lookup(%q) failed for a code of the table", code)
		}
		n++
		got, ok := Resolve(want.Name())
		if !ok || got != want {
			bad++
			if bad <= 20 {
				t.Errorf("Resolve(%q) = %q %v, want %q", want.Name(), got.Code(), ok, want.Code())
			}
		}
	}
	if n < 40000 {
		t.Errorf("the table has %d divisions, want more than 40,000", n)
	}
	if bad > 0 {
		t.Errorf("%d of %d names resolve elsewhere", bad, n)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code, want string // want is Name()
	}{
		{"410000", "河南省"},
		{"41", "河南省"},
		{"411700", "河南省驻马店市"},
		{"4117", "河南省驻马店市"},
		{"411702", "河南省驻马店市驿城区"},
		{"330106009", "浙江省杭州市西湖区留下街道"},
		{"310100", "上海市"},
		{"500200", "重庆市"},
		{"999999", ""},
		{"", ""},
		{"4", ""},
	}
	for _, tt := range tests {
		r, ok := Lookup(tt.code)
		if ok != (tt.want != "") || r.Name() != tt.want {
			t.Errorf("Lookup(%q) = %q %v, want %q", tt.code, r.Name(), ok, tt.want)
		}
	}
}

func TestLevel(t *testing.T) {
	for issuer, want := range map[string]Level{
		"国务院": None, "河南省司法厅": Province, "驻马店市人民政府": City,
		"静海区": County, "塘栖镇": Township,
	} {
		r, _ := Resolve(issuer)
		if r.Level() != want {
			t.Errorf("Resolve(%q).Level() = %v, want %v", issuer, r.Level(), want)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, tt := range resolveTests {
		f.Add(tt.issuer)
	}
	f.Add("北京市朝阳区朝阳区朝阳区")
	f.Add("\xff\xfe上海")
	f.Fuzz(func(t *testing.T, issuer string) {
		r, ok := Resolve(issuer)
		if !ok {
			if r != (Region{}) {
				t.Fatalf("Resolve(%q) failed but returned %+v", issuer, r)
			}
			return
		}
		// Every code lies inside the one above it, and the region is one
		// the table knows.
		for _, c := range []string{r.CityCode, r.CountyCode, r.TownshipCode} {
			if c != "" && !strings.HasPrefix(c, r.ProvinceCode[:2]) {
				t.Fatalf("Resolve(%q) = %+v: %s is not in province %s", issuer, r, c, r.ProvinceCode)
			}
		}
		if r.CountyCode != "" && r.CityCode != "" && r.City != r.Province && r.CountyCode[:4] != r.CityCode[:4] {
			t.Fatalf("Resolve(%q) = %+v: county outside its city", issuer, r)
		}
		if back, ok := Lookup(r.Code()); !ok || back != r {
			t.Fatalf("Resolve(%q) = %+v, but Lookup(%q) = %+v", issuer, r, r.Code(), back)
		}
		if !utf8.ValidString(r.Name()) {
			t.Fatalf("Resolve(%q): name %q is not UTF-8", issuer, r.Name())
		}
	})
}

func BenchmarkResolve(b *testing.B) {
	load()
	for i := 0; b.Loop(); i++ {
		Resolve(resolveTests[i%len(resolveTests)].issuer)
	}
}
