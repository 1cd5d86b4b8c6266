package measure

import "testing"

// TestWordIndex checks that the word index finds in every part of a text
// what hasWord finds in that part alone.
func TestWordIndex(t *testing.T) {
	text := "主要预期目标是：计划生育服务，确保完成计划的80%，力争草拟方案；实际已完成了计划，拟定预期寿命目标的预期"
	c := &clause{v: load(), text: text}
	x := &wordIndex{v: c.v, text: text}
	for from := range text {
		for to := from; to <= len(text); to++ {
			for _, r := range [][2]string{{"cue", "not-cue"}, {"reset", ""}} {
				want := c.hasWord(text[from:to], r[0], r[1])
				got := x.last(from, to, r[0], r[1])
				if got >= 0 {
					got -= from
				}
				if got != want {
					t.Fatalf("%s in %q: %d, want %d", r[0], text[from:to], got, want)
				}
			}
		}
	}
}
