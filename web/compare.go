package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gongwen/gongwen/export"
	"github.com/gongwen/gongwen/index"
)

// compareHandler serves the comparison of an indicator across the index:
// /api/compare as JSON (or CSV with format=csv; long=1 for the long form),
// /compare.svg as a chart (width=N: at most N pixels wide). by defaults to issuer; issuer, region, year and
// kind narrow the documents compared, as the filters of /api/search do. An
// indicator without values is 404, as is a chart with nothing to draw.
func compareHandler(ix *index.Index) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := r.URL.Query()
		indicator := strings.TrimSpace(v.Get("indicator"))
		if indicator == "" {
			writeError(w, http.StatusBadRequest, "indicator: missing, e.g. ?indicator=调解成功率")
			return
		}
		by := export.ByIssuer
		if s := v.Get("by"); s != "" {
			var err error
			if by, err = export.ParseBy(s); err != nil {
				writeError(w, http.StatusBadRequest, err.Error())
				return
			}
		}
		where := export.Where{Issuer: v.Get("issuer"), Region: v.Get("region"), Kind: v.Get("kind")}
		if y := v.Get("year"); y != "" {
			var err error
			if where.Year, err = strconv.Atoi(y); err != nil {
				writeError(w, http.StatusBadRequest, "year: want a number such as 2024")
				return
			}
		}
		t, err := export.CompareIndex(r.Context(), ix, indicator, by, where)
		switch {
		case err != nil:
			writeError(w, status(err), err.Error())
			return
		case t.Total == 0:
			writeError(w, http.StatusNotFound, "no values of indicator "+indicator)
			return
		}
		long := v.Get("long") == "1" || v.Get("long") == "true"
		switch {
		case strings.HasSuffix(r.URL.Path, ".svg"):
			width, err := intParam(v.Get("width"), 0)
			if err != nil || width < 0 {
				writeError(w, http.StatusBadRequest, "width: want a number of pixels")
				return
			}
			var svg strings.Builder
			if err := export.ChartWidth(&svg, t, width); err != nil {
				writeError(w, http.StatusNotFound, err.Error())
				return
			}
			w.Header().Set("Content-Type", "image/svg+xml")
			w.Write([]byte(svg.String()))
		case v.Get("format") == "csv":
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			if long {
				t.WriteLongCSV(w)
			} else {
				t.WriteCSV(w)
			}
		case long:
			writeJSON(w, t.Long())
		default:
			writeJSON(w, t)
		}
	})
}
