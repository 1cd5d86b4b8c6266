// Package docnum finds official document numbers (发文字号) such as
// 驻政文〔2025〕3号 in text and splits them into 机关代字, year and serial.
//
// A number is a prefix (the 机关代字), a four-digit year from 1949 to 2100
// in brackets, an optional 第, a serial of up to six digits and 号. Spaces
// may stand between the parts. Recognised forms, one sample each:
//
//	驻政文〔2025〕3号     hexagonal brackets, the official form
//	豫政办[2023]12号      ASCII square brackets
//	国办发(2021)5号       ASCII parentheses
//	厅字（2019）28号      full-width parentheses
//	粤府【2020】1号       lenticular brackets
//	京政发［2022］7号     full-width square brackets
//	浙政办发﹝2024﹞15号  small tortoise-shell brackets
//	皖政〖2018〗36号      white lenticular brackets
//	鲁政字„2009‟102号     〔〕 mis-encoded on GBK pages read as Windows-1252
//	浙政发“2024”3号       〔〕 replaced by curly quotes
//	湘政发〔２０２４〕８号 full-width digits in year and serial
//	政府令〔2010〕第15号  serial with 第
//	桃府法字〔2023〕第3號 traditional 號
//	苏政发〔2024〕001号   zero-padded serial (Serial 1)
//	国发 〔2024〕 1 号    spaces between the parts
//	〔2024〕1号           no prefix (Prefix "")
//
// The prefix is the run of Han characters (rarely Latin letters) right
// before the bracket. It stops at punctuation, spaces, digits, 《》 and the 号
// of a previous number, and leaves out words that cannot belong to a code:
//
//	根据国发〔2024〕1号               → 国发〔2024〕1号
//	省政府办公厅印发的豫政办〔2022〕40号 → 豫政办〔2022〕40号
//	河南省人民政府办公厅豫政办〔2023〕12号 → 豫政办〔2023〕12号
//	2023年市委发〔2023〕1号           → 市委发〔2023〕1号
//
// Orders are also numbered without a year or brackets: an issuer's short
// name and 令, 第, the serial and 号 (国令第707号, 国务院令第711号,
// 省政府令第206号; Year 0).
//
// A prefix keeps at most 12 runes. Not document numbers: 索引号 values
// (059422325-0481-2025-00250), plan periods ((2015-2020年)), a bracketed year
// without serial and 号 (金政发〔2025〕), court case numbers with the year
// first (（2020）粤0402民初123号), numbered buildings and lines ((2024)3号楼).
package docnum
