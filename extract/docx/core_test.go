package docx

import "testing"

func TestCoreTitle(t *testing.T) {
	core := func(title string) string {
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + title + `</dc:title><dc:creator>user</dc:creator></cp:coreProperties>`
	}
	tests := []struct {
		name string
		body []byte
		want string
	}{
		{"title", makeDocx(t, "", "docProps/core.xml", core(" 2025年河南省政府工作报告 ")), "2025年河南省政府工作报告"},
		{"empty title", makeDocx(t, "", "docProps/core.xml", core("")), ""},
		{"no core properties", makeDocx(t, ""), ""},
		{"broken core properties", makeDocx(t, "", "docProps/core.xml", "<cp:coreProperties"), ""},
		{"not a zip", []byte("not a docx"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CoreTitle(tt.body); got != tt.want {
				t.Errorf("CoreTitle = %q, want %q", got, tt.want)
			}
		})
	}
}
