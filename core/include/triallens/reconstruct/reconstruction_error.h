#pragma once
// The error a reconstruction raises for input it cannot use: a garbage point,
// an at-risk table that rises or that the curve cannot meet, an arm missing
// from a file. Its text names the arm (and the point or table row) so a user
// can find it; where the input came from a file, the CSV import raises
// DataError with the file, line and column instead.

#include <stdexcept>

namespace triallens {

class ReconstructionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace triallens
