#pragma once
// The colours of best overall response, fixed so that a CR is the same blue
// in every waterfall, spider and export: the Okabe–Ito colour-blind-safe set
// ordered from the deepest response to none, CR blue, PR sky blue, SD
// yellow, NON-CR/NON-PD orange, PD vermillion, NE grey, no response assessed
// light grey (any other AVALC: reddish purple). Grayscale gives distinct grey
// levels, darkest for CR. Plain colour data, beside palette.h.

#include "document/palette_choice.h"

#include <QColor>
#include <QString>

#include <string>
#include <vector>

namespace triallens::ui {

// The categories a legend lists, in RECIST order: CR, PR, SD,
// NON-CR/NON-PD, PD, NE, then "" (no response assessed). A value outside
// them sorts after NE.
const std::vector<std::string>& best_response_order();

// The position of `bor` in best_response_order() (others: after NE, before "").
std::size_t best_response_rank(const std::string& bor);

QColor best_response_colour(const std::string& bor, Palette palette = Palette::Default);

// The legend's word: the AVALC itself, "No response assessed" for "".
QString best_response_label(const std::string& bor);

} // namespace triallens::ui
