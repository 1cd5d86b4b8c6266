package html

import (
	"fmt"
	"regexp"
	"strconv"
)

// isoDate matches the dates of metadata values: 2025年01月17日,
// 2019-09-18 06:23, 2025/1/17, 2025.1.17.
var isoDate = regexp.MustCompile(`(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})`)

// parseDate returns the ISO form of the first date in s.
// TODO: use extract/date.Parse when it lands.
func parseDate(s string) (string, bool) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), true
}
