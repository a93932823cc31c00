#include "triallens/data/adam_labels.h"

#include <algorithm>
#include <array>
#include <utility>

namespace triallens {

namespace {

// Labels as the CDISC ADaM Implementation Guide and the CDISC pilot's define
// file write them; sorted by name for a binary search.
constexpr std::array<std::pair<std::string_view, std::string_view>, 52> known_labels{{
    {"ADT", "Analysis Date"},
    {"AEBODSYS", "Body System or Organ Class"},
    {"AEDECOD", "Dictionary-Derived Term"},
    {"AESER", "Serious Event"},
    {"AESEV", "Severity/Intensity"},
    {"AETOXGR", "Standard Toxicity Grade"},
    {"AGE", "Age"},
    {"AGEGR1", "Pooled Age Group 1"},
    {"AGEGR1N", "Pooled Age Group 1 (N)"},
    {"AGEU", "Age Units"},
    {"ARM", "Description of Planned Arm"},
    {"ARMCD", "Planned Arm Code"},
    {"AVAL", "Analysis Value"},
    {"AVALC", "Analysis Value (C)"},
    {"AVALU", "Analysis Value Unit"},
    {"BMIBL", "Baseline BMI (kg/m^2)"},
    {"CNSR", "Censor"},
    {"COMPLFL", "Completers Population Flag"},
    {"DTHFL", "Subject Death Flag"},
    {"ECOGBL", "Baseline ECOG performance status"},
    {"EFFFL", "Efficacy Population Flag"},
    {"ETHNIC", "Ethnicity"},
    {"EVNTDESC", "Event or Censoring Description"},
    {"FASFL", "Full Analysis Set Population Flag"},
    {"HEIGHTBL", "Baseline Height (cm)"},
    {"ITTFL", "Intent-To-Treat Population Flag"},
    {"PARAM", "Parameter"},
    {"PARAMCD", "Parameter Code"},
    {"PPROTFL", "Per-Protocol Population Flag"},
    {"RACE", "Race"},
    {"RACEN", "Race (N)"},
    {"RANDFL", "Randomized Population Flag"},
    {"REGION1", "Geographic Region 1"},
    {"SAFFL", "Safety Population Flag"},
    {"SEX", "Sex"},
    {"SITEGR1", "Pooled Site Group 1"},
    {"SITEID", "Study Site Identifier"},
    {"STARTDT", "Time-to-Event Origin Date for Subject"},
    {"STUDYID", "Study Identifier"},
    {"SUBJID", "Subject Identifier for the Study"},
    {"TRT01A", "Actual Treatment for Period 01"},
    {"TRT01AN", "Actual Treatment for Period 01 (N)"},
    {"TRT01P", "Planned Treatment for Period 01"},
    {"TRT01PN", "Planned Treatment for Period 01 (N)"},
    {"TRTA", "Actual Treatment"},
    {"TRTDURD", "Total Treatment Duration (Days)"},
    {"TRTEDT", "Date of Last Exposure to Treatment"},
    {"TRTEMFL", "Treatment Emergent Analysis Flag"},
    {"TRTP", "Planned Treatment"},
    {"TRTSDT", "Date of First Exposure to Treatment"},
    {"USUBJID", "Unique Subject Identifier"},
    {"WEIGHTBL", "Baseline Weight (kg)"},
}};

static_assert(std::is_sorted(known_labels.begin(), known_labels.end()),
              "known_labels must stay sorted by name");

} // namespace

std::optional<std::string_view> adam_label(std::string_view name) {
    const auto it = std::lower_bound(known_labels.begin(), known_labels.end(), name,
                                     [](const std::pair<std::string_view, std::string_view>& entry,
                                        std::string_view key) { return entry.first < key; });
    if (it == known_labels.end() || it->first != name) {
        return std::nullopt;
    }
    return it->second;
}

std::string display_label(const Variable& variable) {
    if (!variable.label().empty()) {
        return variable.label();
    }
    if (const auto known = adam_label(variable.name())) {
        return std::string(*known);
    }
    return variable.name();
}

} // namespace triallens
