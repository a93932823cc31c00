#pragma once
// The footnotes the survival tables (summary_table.h, forest_table.h) share,
// written from a Results alone so a table read on its own says how its
// numbers were made.

#include <triallens/analysis/results.h>

#include <QStringList>

namespace triallens::ui {

// "Medians in months: Kaplan–Meier, 95% CI by the log transform
// (Brookmeyer–Crowley). HR: Cox model (Efron ties), stratified by …, Wald
// 95% CI …"; then the subject filter when there is one, and a line saying
// the data are synthetic when they are. `with_logrank`: the table shows the
// log-rank p, so the note names the test.
QStringList survival_notes(const Results& results, bool with_logrank);

// The filter and synthetic-data lines alone (also for the response table).
QStringList data_notes(const Results& results);

} // namespace triallens::ui
