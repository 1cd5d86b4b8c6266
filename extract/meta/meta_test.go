package meta

import "testing"

func TestCanonical(t *testing.T) {
	tests := []struct {
		label string
		key   string
		ok    bool
	}{
		{"索引号", "索引号", true},
		{"索 引 号：", "索引号", true},
		{"信息索引号", "索引号", true},
		{"文　　号:", "文号", true},
		{"发文字号：", "文号", true},
		{"文件编号", "文号", true},
		{"分\u00a0\u00a0\u00a0 类：", "主题分类", true},
		{"发文机关", "发布机构", true},
		{"成文机关", "发布机构", true},
		{"名\u00a0\u00a0\u00a0 称", "标题", true},
		{"标　　题：", "标题", true},
		{"印发日期", "成文日期", true},
		{"发文日期:", "成文日期", true},
		{"公开日期", "发布日期", true},
		{"发布时间：", "发布日期", true},
		{"有 效 性", "有效性", true},
		{"时效状态", "有效性", true},
		{"公文时效", "公文时效", true},
		{"主 题 词：", "主题词", true},
		{"浏览次数", "", false},
		{"驻马店市人民政府", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		key, ok := Canonical(tt.label)
		if key != tt.key || ok != tt.ok {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tt.label, key, ok, tt.key, tt.ok)
		}
	}
}

func TestCleanValue(t *testing.T) {
	tests := map[string]string{
		" 驻政文〔2025〕3号 ":   "驻政文〔2025〕3号",
		"无":               "",
		"\\":              "",
		"| 有效 |":          "有效",
		"\u3000杨浦区\u00a0": "杨浦区",
	}
	for in, want := range tests {
		if got := CleanValue(in); got != want {
			t.Errorf("CleanValue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEveryLabelIsCanonical(t *testing.T) {
	for _, l := range Labels() {
		if _, ok := Canonical(l); !ok {
			t.Errorf("Labels() lists %q but Canonical does not know it", l)
		}
	}
}

func TestCutInfo(t *testing.T) {
	for in, want := range map[string]string{
		"青岚区人民政府2024年政府信息公开工作年度报告 发布时间：2025/01/20 09:15　来源：区政府办公室　浏览次数：1362": "青岚区人民政府2024年政府信息公开工作年度报告",
		"关于做好安全生产工作的通知 浏览次数：35":          "关于做好安全生产工作的通知",
		"2024年云溪市生态环境状况公报【字体：大 中 小】":     "2024年云溪市生态环境状况公报",
		"关于印发《某某办法》的通知":                  "关于印发《某某办法》的通知",
		"来源：区政府办公室 浏览次数：1362":            "来源：区政府办公室 浏览次数：1362", // nothing but the info line
		"2025年工作要点（时间：全年）":               "2025年工作要点（时间：全年）",
		"2023年某市政府工作报告 2023-01-10 10:23": "2023年某市政府工作报告",
		"2023年某市政府工作报告　2023年1月10日":       "2023年某市政府工作报告",
		"关于2024年1月1日起施行的规定":              "关于2024年1月1日起施行的规定",
		"": "",
	} {
		if got := CutInfo(in); got != want {
			t.Errorf("CutInfo(%q) = %q, want %q", in, got, want)
		}
	}
}
