// Package table holds the tables that readers find in documents: a
// rectangular grid of cell texts with its caption, unit and heading rows.
//
// Readers (extract/html, extract/docx, extract/pdf, spreadsheets) build the
// grid, resolving merged cells with Grid; extract annotates every table the
// same way whatever its format, and the recognisers read cells from it.
package table
