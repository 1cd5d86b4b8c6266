// Package segment splits Chinese text into words with gse, loading the
// dictionary once per process for the indicator namer and the search index.
package segment
