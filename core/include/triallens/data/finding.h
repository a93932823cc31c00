#pragma once
// A validation finding about loaded data: an error (the load is refused) or a
// warning (the study loads, and the warning is listed with it), tied to the
// file, line and column it is about.

#include "triallens/data/data_error.h"

#include <string>
#include <vector>

namespace triallens {

enum class Severity { Error, Warning };

struct Finding {
    Severity severity = Severity::Error;
    DataLocation where;
    std::string message;

    // "file:line: column C: message", as DataError::what() reads.
    std::string text() const { return located_message(where, message); }
};

inline bool has_errors(const std::vector<Finding>& findings) {
    for (const auto& finding : findings) {
        if (finding.severity == Severity::Error) {
            return true;
        }
    }
    return false;
}

} // namespace triallens
