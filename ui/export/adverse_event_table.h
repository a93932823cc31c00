#pragma once
// The adverse-event table as ui/models/ae_tree_model.h shows it (the builder
// reads that model through ae_filter_proxy.h, so text and the incidence
// threshold are the screen's): the "Any adverse event" row and each system
// organ class bold, each preferred term indented under its SOC, in the
// core's order (descending frequency). Columns and their two rows of
// headings are the window's: the term; per arm (its name and N spanning two
// columns) "Any" and "≥ 3" — "Severe" where AESEV graded the events — each
// n (%); under "Risk difference, any grade, % (CI)" per arm other than the
// reference, arm − reference in percentage points with its Miettinen–
// Nurminen CI. The notes name the grading variable ("Grade from AESEV:
// severe counted as grade ≥ 3"). Every arm is exported, whatever the AE
// tab's "Arms shown".
//
// Needs the core table (triallens/analysis/adverse_event_report.h). From a
// command:
//   adverse_event_table(triallens::adverse_event_table(study, ae_spec), ae_spec.filter)
// `applied` only words the title ("Treatment-emergent, related adverse
// events"); `minimum_incidence` (percent, 0 = every row) hides rare terms as
// the AE tab's threshold does; `exposure_adjusted` adds each arm's
// exposure-adjusted rate per 100 patient-years (the AE tab's toggle) when
// the table has treatment durations, with its definition in the notes.

#include "export/export_table.h"

#include <triallens/stats/adverse_event_incidence.h>

namespace triallens::ui {

ExportTable adverse_event_table(const AeTable& table, const AeFilter& applied = {},
                                double minimum_incidence = 0, bool exposure_adjusted = false);

} // namespace triallens::ui
