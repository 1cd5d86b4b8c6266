package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	seg, err := DefaultSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		text   string
		search bool
		want   []string // tokens that must be present
	}{
		{"sub-word of a dictionary word", "中国农业发展银行", true, []string{"农业", "银行"}},
		{"sub-word 处理", "待处理事项", true, []string{"处理"}},
		{"unknown word gives characters", "驻政文〔2025〕3号", true, []string{"政", "文", "2025"}},
		{"latin keeps case", "Word与PDF文件", false, []string{"Word", "PDF"}},
		{"decimal stays whole", "调解成功率98.7%", false, []string{"98.7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := seg.Tokens(tt.text, tt.search)
			have := map[string]bool{}
			for _, tok := range toks {
				have[tok.Text] = true
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("Tokens(%q) = %v, missing %q", tt.text, toks, w)
				}
			}
		})
	}
}

// TestTokensOffsets checks on mixed input that every token is the text at
// its offsets, that Pos counts runes, and that no punctuation is a token.
func TestTokensOffsets(t *testing.T) {
	seg, err := DefaultSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"驻马店市人民政府关于2024年度法治政府建设工作情况的报告",
		"受理人民调解案件49545件，调解成功48899件，调解成功率98.7%。",
		"Ünïcödé TEXT  with  spaces\n和换行\t及ＡＢＣ全角１２３",
		"invalid \xff\xfe bytes 中文",
		"。，、；：？！",
		"",
	}
	for _, text := range texts {
		checkTokens(t, seg, text)
	}
}

func FuzzTokens(f *testing.F) {
	seg, err := DefaultSegmenter()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("驻马店市人民政府关于2024年度法治政府建设工作情况的报告")
	f.Add("调解成功率98.7%，Word文件")
	f.Fuzz(func(t *testing.T, text string) { checkTokens(t, seg, text) })
}

func checkTokens(t *testing.T, seg *Segmenter, text string) {
	t.Helper()
	for _, search := range []bool{false, true} {
		for _, tok := range seg.Tokens(text, search) {
			if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
				t.Fatalf("Tokens(%q): bad offsets %+v", text, tok)
			}
			if got := text[tok.Start:tok.End]; got != tok.Text {
				t.Errorf("Tokens(%q): text[%d:%d] = %q, token says %q", text, tok.Start, tok.End, got, tok.Text)
			}
			if pos := utf8.RuneCountInString(text[:tok.Start]); pos != tok.Pos {
				t.Errorf("Tokens(%q): token %q at rune %d, Pos says %d", text, tok.Text, pos, tok.Pos)
			}
			if strings.Trim(tok.Text, "。，、；：？！ \n\t") == "" {
				t.Errorf("Tokens(%q): punctuation token %q", text, tok.Text)
			}
		}
	}
}
