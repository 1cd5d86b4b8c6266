// Package segment splits Chinese text into words as gse does, over gse's
// dictionary compiled into an embedded trie that needs no loading at start.
package segment
