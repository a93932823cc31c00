#pragma once
// Row filters over subject-level columns, as the command line's --filter
// takes them:
//   SAFFL == "Y" and AGE >= 65
//   not (RACE in ("ASIAN", "OTHER")) or SEX != 'F'
// Operators: == != < <= > >= on a column and a literal (text in single or
// double quotes, or a number), `in (...)`, `and`, `or`, `not`, parentheses.
// Text columns compare as text (a number literal by its spelling, so
// ECOGBL == 0 works on a text column); < <= > >= need a numeric column.
// A missing value satisfies no comparison, as R's subset() drops NA.

#include "triallens/data/study.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

class FilterError : public std::runtime_error {
public:
    FilterError(std::size_t column, const std::string& what);
    std::size_t column() const { return column_; } // 1-based position in the expression

private:
    std::size_t column_;
};

// 1 for every subject the expression keeps; an empty expression keeps all.
std::vector<std::uint8_t> evaluate_filter(const SubjectTable& subjects,
                                          std::string_view expression);

} // namespace triallens
