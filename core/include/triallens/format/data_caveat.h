#pragma once
// What every figure, table, status line and export says about data that are
// not a trial's own patients, so that no view shows them unlabelled:
//   - the embedded demo: "SYNTHETIC demo data";
//   - a study rebuilt from a publication's KM figure
//     (ReconstructedSubjects::all): "RECONSTRUCTED from a publication: Smith
//     2024, Fig. 2";
//   - a trial with reconstructed arms beside its own (an overlay):
//     "Partly RECONSTRUCTED from a publication: Smith 2024, Fig. 2";
//   - the demo with such arms: "SYNTHETIC demo data; partly RECONSTRUCTED:
//     Smith 2024, Fig. 2".
// The label is one line: the publications are joined by "; " and the whole
// is cut to data_caveat_max_chars characters, ending in "…". It is empty for
// a trial's own data.
//
// The sentence is for methods paragraphs, table footnotes and the command
// line's summaries: "The data are synthetic." or "296 of 443 subjects are
// pseudo-patients reconstructed from a published Kaplan–Meier figure (Smith
// 2024, Fig. 2) by the algorithm of Guyot et al. (2012): their times are
// approximations, not patients' records." (the two, synthetic first, for
// the demo with published arms). Empty when the label is.

#include "triallens/data/reconstructed_subjects.h"

#include <cstddef>
#include <string>

namespace triallens {

inline constexpr std::size_t data_caveat_max_chars = 72;

std::string data_caveat(bool synthetic, const ReconstructedSubjects& reconstructed);
std::string data_caveat_sentence(bool synthetic, const ReconstructedSubjects& reconstructed);

} // namespace triallens
