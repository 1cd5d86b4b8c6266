// Package date finds absolute calendar dates (year, month and day) in
// Chinese government documents, gives their ISO value and their role.
//
// Recognised forms, one sample each:
//
//	2025-01-17            ISO, also with full-width digits and －
//	2025/1/17             slashes, with or without zero padding
//	2025.01.17            dots
//	2025年1月17日         年月日, also 2025年01月17日
//	2025 年 1 月 17 日    spaces between the parts
//	2025⏎年 1 月 17 日    one line break among them (PDF text wraps anywhere)
//	２０２５年１月１７日  full-width digits
//	2025年3月5号          号 for 日
//	2020年元月15日        元月 for January
//	二〇二五年一月十七日  Chinese numerals; zero as 〇, ○, O, Ｏ or 零
//	二〇二四年十二月三十一日, 二〇二一年二月廿八日   days up to 三十一, 廿 and 卅
//
// Text holds the date only; a time after it (2019-09-18 06:23) is left out,
// but Parse accepts one. Years run from 1900 to 2100 and impossible days
// (2025年2月30日, 2023-02-29, 13月) are rejected.
//
// Not dates: a year or a year and month alone (2024年, 2024年5月), a month
// and day without year (12月31日, also the end of 2023年1月1日至12月31日),
// festival codes (5·12), plan periods (2021—2025年), digits glued to longer
// numbers (索引号 059422325-0481-2025-00250, 12025年1月1日), date paths in
// URLs (/art/2025/3/21/), and anything inside a document number: extract
// passes the numbers that extract/docnum found to Find, which skips them.
//
// Role is Published after a label such as 发布日期, 发布时间, 公开日期,
// 更新时间 or 发布于, and Signed after 成文日期, 印发日期, 发文日期 or
// 签发日期, when the label stands on the same line a few characters before
// the date, also across a table cell (成文日期 | 2025-06-13 |) and when
// spaced out (成 文 日 期), or on the line above when that line holds only
// the label (a table flattened one cell per line). A date alone on its line (maybe in brackets) is
// Signed when the line above names an issuer (金昌市人民政府, …局, …办公室,
// …委员会) or when at most a few short lines follow it: the date under the
// signature. Every other date is Mentioned.
package date
