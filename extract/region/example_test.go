package region_test

import (
	"fmt"

	"github.com/gongwen/gongwen/extract/region"
)

func ExampleResolve() {
	for _, issuer := range []string{"驻马店市人民政府", "杭州市西湖区留下街道办事处", "上海市杨浦区人民政府", "縉云縣", "国务院"} {
		r, ok := region.Resolve(issuer)
		fmt.Println(issuer, ok, r.Code(), r.Name(), r.Level())
	}
	// Output:
	// 驻马店市人民政府 true 411700 河南省驻马店市 city
	// 杭州市西湖区留下街道办事处 true 330106009 浙江省杭州市西湖区留下街道 township
	// 上海市杨浦区人民政府 true 310110 上海市杨浦区 county
	// 縉云縣 true 331122 浙江省丽水市缙云县 county
	// 国务院 false   none
}

func ExampleLookup() {
	r, _ := region.Lookup("411702")
	fmt.Println(r.ProvinceCode, r.Province, r.CityCode, r.City, r.CountyCode, r.County)
	// Output: 410000 河南省 411700 驻马店市 411702 驿城区
}
