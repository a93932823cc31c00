#pragma once
// The safety additions of `triallens ae`: the overview (--overview) and the
// exposure-adjusted rates (--exposure-adjusted), as JSON and as text, and
// the definition of the rates written under every table that shows them.

#include <triallens/analysis/adverse_event_overview.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <QJsonArray>
#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace triallens::cli {

QJsonObject difference_json(const AeDifference& difference);

// {ARM: {subjects, patient_years, rate, lower, upper}} and {ARM: {estimate,
// lower, upper}} of one row's rates; arms without one are left out.
QJsonObject exposure_adjusted_json(const std::vector<std::string>& arms,
                                   const std::vector<std::optional<ExposureAdjustedRate>>& rates);
QJsonObject rate_difference_json(const std::vector<std::string>& arms,
                                 const std::vector<std::optional<AeDifference>>& differences);

// {source, patient_years: {ARM: x}, missing}; null without durations.
QJsonValue exposure_json(const AeTable& table);

// [{key, category, recorded, not_recorded, counts: {ARM: {n, pct}},
// risk_difference: {ARM: {...}}}], with the rates when `exposure_adjusted`.
QJsonArray ae_overview_json(const AeOverview& overview, bool exposure_adjusted);

// "12.3 (8.1, 17.9)": a rate per 100 patient-years with its CI.
std::string rate_ci_text(const ExposureAdjustedRate& rate);

// The overview as a table: per arm n (%) [and the rate], then the risk
// differences [and the rate differences]; the not-recorded rows say why.
std::string ae_overview_text(const AeOverview& overview, bool exposure_adjusted);

// What the rates are, for under a table: the definition and the exposure.
std::string exposure_note(const AeTable& table);

} // namespace triallens::cli
