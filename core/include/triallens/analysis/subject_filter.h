#pragma once
// Row filters over subject-level columns, as the command line's --filter
// takes them:
//   SAFFL == "Y" and AGE >= 65
//   not (RACE in ("ASIAN", "OTHER")) or SEX != 'F'
//   AGE is missing or (SEX in ('F') and RACE is not missing)
// Operators: == != < <= > >= on a column and a literal (text in single or
// double quotes, a doubled quote standing for one inside: 'it''s', or a
// number), `in (...)` (an empty list keeps nobody), `is missing`,
// `is not missing`, `and`, `or`, `not`, parentheses.
// Text columns compare as text (a number literal by its spelling, so
// ECOGBL == 0 works on a text column); < <= > >= need a numeric column.
// A numeric factor (study.h: a numeric column of few values, ECOGBL coded
// 0/1/2) compares by its levels' spelling with a text literal naming a
// level (ECOGBL == "1", as level filters and focused subgroups write it),
// and otherwise as a number (ECOGBL >= 1, ECOGBL in (0, 1)).
// A missing value satisfies no comparison, as R's subset() drops NA; only
// `is missing` keeps it (a text column's missing value is its empty text).
// Parentheses and `not` nest at most max_filter_depth deep: deeper is a
// FilterError, not a stack overflow. Any number of terms may be chained with
// `and`/`or` or listed in `in (...)`: the work is linear in the expression.

#include "triallens/data/study.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

// Far beyond any filter a person writes; far within the stack the parser
// needs (a few frames of under 200 bytes per level).
inline constexpr std::size_t max_filter_depth = 256;

class FilterError : public std::runtime_error {
public:
    FilterError(std::size_t column, const std::string& what);
    std::size_t column() const { return column_; } // 1-based position in the expression

private:
    std::size_t column_;
};

// A text literal of the grammar: "x" normally, 'x' when x holds a double
// quote, and "" doubling inside when it holds both kinds of quote.
std::string quote_filter_text(std::string_view text);

// The subjects `filter` keeps whose `variable` is `level`:
//   ("AGE >= 40", "SEX", "F") -> (AGE >= 40) and SEX == "F"
// with the level quoted by quote_filter_text.
std::string filter_with_level(std::string_view filter, std::string_view variable,
                              std::string_view level);

// 1 for every subject the expression keeps; an empty expression keeps all.
std::vector<std::uint8_t> evaluate_filter(const SubjectTable& subjects,
                                          std::string_view expression);

} // namespace triallens
