#pragma once
// `triallens response`: tumour response per arm (ORR, duration of response,
// time to response) and per subject (best % change, BOR, duration, time on
// treatment), as a table or JSON (schema triallens.response/1).

#include "cli/command_line.h"

#include <triallens/analysis/results.h>

#include <QJsonObject>

namespace triallens::cli {

int run_response(const CommandLine& line);

// The contract's document; null where a value is not defined.
QJsonObject response_json(const TumourResponse& response);

} // namespace triallens::cli
