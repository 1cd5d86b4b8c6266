package extract

// Identify runs identify on a document of plain text, for benchmarks.
func Identify(doc *Document) { identify(doc, clues{}) }
