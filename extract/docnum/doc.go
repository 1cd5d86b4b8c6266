// Package docnum finds official document numbers (发文字号) such as
// 驻政文〔2025〕3号 in text and splits them into 机关代字, year and serial.
package docnum
