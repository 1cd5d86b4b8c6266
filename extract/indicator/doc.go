// Package indicator names the quantities of a report: for each number with a
// unit it finds what is counted, from the words of the same clause.
package indicator
