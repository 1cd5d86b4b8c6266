// Package quantity finds numbers with their units in Chinese text — counts,
// money, percentages, measures and ranks — and scales them exactly.
package quantity
