// Package form reads the tables of a document as a known national form —
// the 政府信息公开工作年度报告 first — under stable keys, and applies the
// form's own arithmetic to them.
//
// A form is data, not code: layouts/NAME.tsv lists each key with the row
// label and column heading of its cell, the checks the form states and the
// names under which the prose restates a key. A second form (部门决算收支
// 总表, the main indicators of a 统计公报) is one more file.
//
// Cells are found by their labels, never by position: labels are folded
// (spaces, punctuation and numbering removed: 1.属于国家秘密 and 1、属于国家
// 秘密 are the same) and compared by content, so a misprint (其他法律行政止
// 公开) finds the nearest label and a label split over two cells is joined.
// Group labels (（三）不予公开, 行政复议) break ties between items with the
// same label (结果维持 under 行政复议 and under 复议后起诉); items that stay
// tied take the keys in the layout's order. A row whose figures stand one
// column off (an empty cell left out) is read in order; a table continued
// on the next page without its header takes the headings of the table
// before it. An empty, /, - or — cell is 0; money is in 元.
package form
