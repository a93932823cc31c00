#pragma once
// Results as a plain-text summary table for the terminal: per arm n, events
// and median (CI), then the hazard ratio; every number as
// triallens/format/number_format.h writes it.

#include <triallens/analysis/results.h>

#include <cstddef>
#include <string>

namespace triallens::cli {

std::string summary_table(const Results& results);

// The characters (UTF-8 code points) of a text, so the terminal tables line
// up numbers with an en dash or U+2212 and names with accents.
std::size_t display_width(const std::string& text);

// `text` with spaces after it up to `width` characters (display_width); a
// longer text unchanged.
std::string padded(std::string text, std::size_t width);

} // namespace triallens::cli
