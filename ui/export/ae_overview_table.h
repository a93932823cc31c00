#pragma once
// The safety overview as ui/models/ae_overview_model.h shows it, for the
// table writers (csv_format.h, html_format.h, rtf_format.h) and the
// clipboard: the model's two tiers of headings on two heading rows, one
// row per kind of event ("not recorded" where the study does not record
// it), the model's notes as footnotes. `exposure_adjusted` adds the rate
// columns when the AE table (`table`, for its patient-years; may be null)
// has treatment durations.

#include "export/export_table.h"

#include <triallens/analysis/adverse_event_overview.h>
#include <triallens/stats/adverse_event_incidence.h>

namespace triallens::ui {

ExportTable ae_overview_table(const AeOverview& overview, const AeTable* table,
                              bool exposure_adjusted = false);

} // namespace triallens::ui
