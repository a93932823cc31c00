#pragma once
// A cell bound for a spreadsheet (CSV, the clipboard's tab-separated text)
// that the spreadsheet would run as a formula is written with a leading
// apostrophe, OWASP's rule against CSV injection: an arm or level named
// =HYPERLINK("http://x") must arrive as text, not as a live link.
//
// The rule, precisely: a cell is prefixed with ' when its first character is
// one of  =  +  -  @  tab  CR  (or their full-width forms ＝ ＋ － ＠, which
// some spreadsheets also take as a formula start), unless the whole cell is
// numeric text as our tables print it:
//   number    := sign? (digits ("." digits?)? | "." digits) (("e"|"E") sign? digits)? "%"?
//   sign      := "+" | "-" | "−" (U+2212)
//   numeric   := number (separator number)* closer*
//   separator := spaces? one or more of  , ; ( ) [ ] – (U+2013)  with spaces around
//   closer    := spaces? ")" | "]" | "%"
// so "-0.311", "−0.446, −0.176", "-0.31 (-0.45–-0.18)" and "+5%" stay as they
// are, while "-1+2", "-1 -2" (two numbers with only a space between: a formula
// to a spreadsheet) and "-foo" are prefixed. A cell starting with U+2212 is
// never a formula and is never touched. HTML and RTF are not spreadsheet
// input and keep their cells as they are.

#include <QString>

namespace triallens::ui {

// `cell` as a spreadsheet should receive it: with a leading apostrophe when
// it would start a formula, else unchanged.
QString spreadsheet_safe(const QString& cell);

} // namespace triallens::ui
