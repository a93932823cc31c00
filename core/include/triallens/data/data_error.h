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

// "file:line: column C: what", leaving out the parts `where` does not have.
std::string located_message(const DataLocation& where, const std::string& what);

class DataError : public std::runtime_error {
public:
    DataError(DataLocation where, const std::string& what);
    const DataLocation& where() const { return where_; }
    // What is wrong, without the location.
    const std::string& message() const { return message_; }

private:
    DataLocation where_;
    std::string message_;
};

} // namespace triallens
