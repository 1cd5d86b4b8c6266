package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMeasuresOnDevSet checks the measure model on real documents of the
// dev set (../shared/eval/dev; skipped when it is absent): figures named by
// their document and text, with what they measure and how.
func TestMeasuresOnDevSet(t *testing.T) {
	dir := "../../shared/eval/dev/docs"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/eval/dev")
	}
	tests := []struct {
		doc, text, measure, reading string
	}{
		{"014", "468亿元", "地区生产总值", "level"},
		{"014", "4.1%", "地区生产总值", "change up"},
		{"014", "102.8%", "工业投资", "change up 上年同期"},
		{"018", "319.73億元", "地区生产总值", "level"},
		{"018", "8.0%", "地区生产总值", "change up 上年"},
		{"018", "78655元", "人均地区生产总值", "level"},
		{"018", "0.3萬人", "常住人口", "change up 上年末"},
		{"018", "60.4%", "常住人口城镇化率", "level"},
		{"018", "1.3個百分點", "常住人口城镇化率", "change up 上年"},
		{"018", "70.3%", "税收收入占一般公共预算收入比重", "level"},
		{"021", "34290件", "收到政府信息公开申请", "level"},
		{"021", "29.3%", "", "change up 2022年"},
	}
	ex := &Extractor{Segmenter: testSegmenter(t)}
	docs := map[string]*Document{}
	for _, tt := range tests {
		doc := docs[tt.doc]
		if doc == nil {
			raw, err := os.ReadFile(filepath.Join(dir, tt.doc+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			if doc, err = ex.Extract(Input{Name: tt.doc + ".txt", Body: []byte(stripEvalHeader(string(raw)))}); err != nil {
				t.Fatal(err)
			}
			docs[tt.doc] = doc
		}
		found := false
		for _, ind := range doc.Indicators {
			if ind.Text != tt.text {
				continue
			}
			found = true
			reading := "level"
			if ind.Change != nil {
				reading = "change " + ind.Change.Direction
				if ind.Change.Base != "" {
					reading += " " + ind.Change.Base
				}
			}
			if ind.Target {
				reading += " target"
			}
			if ind.Measure != tt.measure || reading != tt.reading {
				t.Errorf("%s %s (%s): measure %q, %s; want %q, %s", tt.doc, tt.text, ind.Name, ind.Measure, reading, tt.measure, tt.reading)
			}
			break
		}
		if !found {
			t.Errorf("%s: no indicator %s", tt.doc, tt.text)
		}
	}
}
