#pragma once
// The footnotes the survival tables (summary_table.h, forest_table.h) share,
// written from a Results alone so a table read on its own says how its
// numbers were made.

#include "views/population_chip.h"

#include <triallens/analysis/results.h>

#include <QStringList>

namespace triallens::ui {

// "Medians in months: Kaplan–Meier, 95% CI by the log transform
// (Brookmeyer–Crowley). HR: Cox model (Efron ties), stratified by …, Wald
// 95% CI …"; then data_notes(). `with_logrank`: the table shows the
// log-rank p, so the note names the test.
QStringList survival_notes(const Results& results, bool with_logrank,
                           Population population = Population::Focused);

// Whose subjects the table shows when a filter or a focused subgroup narrows
// them ("Subjects: Filtered: ECOGBL == 0 · Subgroup: Sex = F · 30 of 147.",
// population_text), and a line saying the data are synthetic when they are.
QStringList data_notes(const Results& results, Population population = Population::Focused);

} // namespace triallens::ui
