#pragma once
// The error a reader or the study builder raises for bad input: it names the
// file, and the line and column where there is one, so a user can find it.

#include <stdexcept>
#include <string>

namespace triallens {

struct DataLocation {
    std::string file;
    long line = 0; // 1-based; 0 = not tied to a line
    std::string column;
};

class DataError : public std::runtime_error {
public:
    DataError(DataLocation where, const std::string& what);
    const DataLocation& where() const { return where_; }

private:
    DataLocation where_;
};

} // namespace triallens
