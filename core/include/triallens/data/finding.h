#pragma once
// A validation finding about loaded data: an error (the load is refused) or a
// warning (the study loads, and the warning is listed with it), tied to the
// file, line and column it is about.
//
// A row-level error is about one row of a dataset only (a bad time or flag,
// a duplicate record, a subject absent from ADSL, text in a numeric cell, a
// ragged row): a load with LoadOptions::exclude_invalid_rows drops that row
// and lists the finding as a warning, "excluded: " + its message.

#include "triallens/data/data_error.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

enum class Severity { Error, Warning };

struct Finding {
    Severity severity = Severity::Error;
    DataLocation where;
    std::string message;
    bool row_level = false; // an error that dropping its one row would clear

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

// Cell text as a message shows it: cut to its first `max_characters` UTF-8
// characters, with an ellipsis "…" when cut, so a 1 MB cell (or a header
// name) never fills a message. Every message that echoes what a file holds
// goes through here.
std::string capped_text(std::string_view text, std::size_t max_characters = 80);

// capped_text in double quotes: "text in a numeric column: " + quoted_cell(cell).
std::string quoted_cell(std::string_view cell);

// The warning a row-level error becomes once its row is excluded.
inline Finding excluded(Finding error) {
    error.severity = Severity::Warning;
    error.message = "excluded: " + error.message;
    return error;
}

} // namespace triallens
