package score

import (
	"math/rand/v2"
	"testing"
)

// full is the textbook O(n·m) Levenshtein distance.
func full(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(b)]
}

func TestDistanceMatchesFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("政府报告一二三4 5")
	word := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return r
	}
	for i := 0; i < 300; i++ {
		a, b := word(rng.IntN(80)), word(rng.IntN(80))
		if got, want := Distance(a, b), full(a, b); got != want {
			t.Fatalf("Distance(%q, %q) = %d, want %d", string(a), string(b), got, want)
		}
	}
}

func TestAccuracy(t *testing.T) {
	tests := []struct {
		name, got, want string
		acc             float64
	}{
		{"same", "一二三四", "一二三四", 1},
		{"spaces and line breaks ignored", "一二\n三 四", "一二三四", 1},
		{"one missing", "一二三", "一二三四", 0.75},
		{"one wrong", "一二三五", "一二三四", 0.75},
		{"nothing", "", "一二三四", 0},
		{"empty source", "", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Accuracy(tt.got, tt.want); got != tt.acc {
				t.Errorf("Accuracy(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.acc)
			}
		})
	}
}
