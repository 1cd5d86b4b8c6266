// Package date finds absolute calendar dates (year, month and day) in
// Chinese government documents, gives their ISO value and their role.
package date
