#pragma once
// Results as a plain-text summary table for the terminal: per arm n, events
// and median (CI), then the hazard ratio; every number as
// triallens/format/number_format.h writes it.

#include <triallens/analysis/results.h>
#include <triallens/data/reconstructed_subjects.h>

#include <cstddef>
#include <string>

namespace triallens::cli {

// The heading carries the data's caveat (data_caveat.h) when the data are
// synthetic or rebuilt from a publication.
std::string summary_table(const Results& results);

// The line a text summary opens with when its data are not a trial's own
// patients (data_caveat.h): "Demo study  [SYNTHETIC DATA]", or the study's
// name and "[RECONSTRUCTED from a publication: …]", then a blank line; ""
// for a trial's own data.
std::string caveat_heading(const std::string& study_name, bool synthetic,
                           const ReconstructedSubjects& reconstructed);

// The characters (UTF-8 code points) of a text, so the terminal tables line
// up numbers with an en dash or U+2212 and names with accents.
std::size_t display_width(const std::string& text);

// `text` with spaces after it up to `width` characters (display_width); a
// longer text unchanged.
std::string padded(std::string text, std::size_t width);

} // namespace triallens::cli
