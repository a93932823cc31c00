#pragma once
// What a tumour-response figure says instead of drawing nothing: the data
// it needs that the results lack (ADTR for the waterfall and spider, ADSL
// treatment dates for the swimmer, responders for duration of response),
// or "" when it has something to draw.

#include "document/tumour_figure_options.h"

#include <triallens/analysis/results.h>

#include <QString>

namespace triallens::ui {

QString tumour_figure_missing_text(const Results& results, TumourFigure figure);

} // namespace triallens::ui
