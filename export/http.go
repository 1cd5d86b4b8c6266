package export

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gongwen/gongwen/index"
)

// Handler serves the comparison of an indicator across the index, for the
// page of gongwen serve:
//
//	GET /api/compare?indicator=调解成功率&by=issuer|region|year   the Table as JSON (empty cells null)
//	GET /api/compare?indicator=…&long=1                          its values in long form, a JSON array of LongRow
//	GET /api/compare?indicator=…&format=csv[&long=1]             the table (or its long form) as CSV
//	GET /compare.svg?indicator=调解成功率&by=region               the chart (image/svg+xml)
//
// A path ending in .svg gets the chart, any other the JSON. by defaults to
// issuer; issuer, region, year and kind narrow the documents compared, as
// the filters of /api/search do. Errors are {"error": "…"} with status 400 for a bad request and
// 404 when the indicator has no values (for the chart: none with a year
// in the main unit).
func Handler(ix *index.Index) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := r.URL.Query()
		indicator := strings.TrimSpace(v.Get("indicator"))
		if indicator == "" {
			httpError(w, http.StatusBadRequest, "indicator: missing, e.g. ?indicator=调解成功率")
			return
		}
		by := ByIssuer
		if s := v.Get("by"); s != "" {
			var err error
			if by, err = ParseBy(s); err != nil {
				httpError(w, http.StatusBadRequest, err.Error())
				return
			}
		}
		where := Where{Issuer: v.Get("issuer"), Region: v.Get("region"), Kind: v.Get("kind")}
		if y := v.Get("year"); y != "" {
			var err error
			if where.Year, err = strconv.Atoi(y); err != nil {
				httpError(w, http.StatusBadRequest, "year: want a number such as 2024")
				return
			}
		}
		t, err := CompareIndex(r.Context(), ix, indicator, by, where)
		switch {
		case errors.Is(err, index.ErrBadQuery):
			httpError(w, http.StatusBadRequest, err.Error())
			return
		case err != nil:
			httpError(w, http.StatusInternalServerError, err.Error())
			return
		case t.Total == 0:
			httpError(w, http.StatusNotFound, "no values of indicator "+indicator)
			return
		}
		long := v.Get("long") == "1" || v.Get("long") == "true"
		switch {
		case strings.HasSuffix(r.URL.Path, ".svg"):
		case v.Get("format") == "csv":
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			if long {
				t.WriteLongCSV(w)
			} else {
				t.WriteCSV(w)
			}
			return
		default:
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			if long {
				enc.Encode(t.Long())
			} else {
				enc.Encode(t)
			}
			return
		}
		var svg strings.Builder
		if err := Chart(&svg, t); err != nil {
			httpError(w, http.StatusNotFound, err.Error())
			return
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write([]byte(svg.String()))
	})
}

func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
