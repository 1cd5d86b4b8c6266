// Package cell reads the figures of table cells: each number with its unit
// from the headings, named by its row and column headings.
//
// A figure's name joins the labels that say what it counts with " · ",
// outermost first: the groups of its row, its row label, the groups of its
// column, its column heading — 粮食 · 产量, 本年度办理结果 · 不予公开 ·
// 属于国家秘密 · 法人或其他组织 · 商业企业. Numbering (一、 （三） 1.) and
// 其中： are dropped from the labels and units from the headings (产量（万吨）
// is 产量); a 其中 row is named under the row above it (粮食 · 夏粮 · 产量);
// a heading over every column or a group label over every row says nothing
// the caption does not, and is left out.
//
// A value is in base units by the unit the cell itself writes (1.6万户), else
// the unit of its column heading (产量（万吨）, 比上年增长（%）, 本年收费金额
// （单位：万元）), else that of its row (a 单位 column, 受理矛盾纠纷（件）),
// else the table's (（单位：万元） in the caption). A cell that is empty or a
// dash (/, -, —) is no figure; 0 is one.
package cell
