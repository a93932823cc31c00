#pragma once
// `triallens reconstruct`: pseudo individual patient data from published
// Kaplan–Meier figures (core/reconstruct, Guyot et al. 2012), from a CSV of
// digitised points per arm (--curve ARM=points.csv) and the number-at-risk
// table (--at-risk risk.csv), written as DIR/adsl.csv and DIR/adtte.csv that
// every other command reads (reconstructed_study.h). Every input is read and
// every arm rebuilt and built into a study before anything is written: a
// refused input leaves --out untouched.
//
// Prints per arm n, events, censored, the rebuilt KM median, the fit report
// and every cleaning change; --json prints the same as
//   { "schema": "triallens.reconstruct/1",
//     "out": DIR, "files": ["adsl.csv", "adtte.csv"],
//     "paramcd": "RECON", "param": "...", "time_unit": "months", "source": "...",
//     "arms": [ { "arm", "n", "events", "censored",
//                 "median",                  // null = not reached
//                 "total_events_published",  // --events, else null
//                 "fit": { "points", "max_abs_difference", "rms_difference",
//                          "at_risk": [ { "time", "published", "rebuilt" } ] },
//                 "changes": [ "..." ] } ] }

#include "cli/command_line.h"

namespace triallens::cli {

int run_reconstruct(const CommandLine& line);

} // namespace triallens::cli
