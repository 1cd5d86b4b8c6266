package chars

import "testing"

func TestDigits(t *testing.T) {
	tests := []struct {
		s           string
		i           int
		value, n, e int
	}{
		{"2025年", 0, 2025, 4, 4},
		{"〔２０２４〕", 3, 2024, 4, 15},
		{"第15号", 3, 15, 2, 5},
		{"年", 0, 0, 0, 0},
		{"12345678901", 0, 123456789, 11, 11},
	}
	for _, tt := range tests {
		v, n, e := Digits(tt.s, tt.i)
		if v != tt.value || n != tt.n || e != tt.e {
			t.Errorf("Digits(%q, %d) = %d, %d, %d; want %d, %d, %d", tt.s, tt.i, v, n, e, tt.value, tt.n, tt.e)
		}
	}
}

func TestSkipSpaces(t *testing.T) {
	tests := []struct {
		s    string
		i, e int
	}{
		{"54 场", 2, 3},
		{"2025 \u3000年", 4, 8},
		{"\u00a0\t1", 0, 3},
		{"件", 0, 0},
	}
	for _, tt := range tests {
		if e := SkipSpaces(tt.s, tt.i); e != tt.e {
			t.Errorf("SkipSpaces(%q, %d) = %d, want %d", tt.s, tt.i, e, tt.e)
		}
	}
}
