#pragma once
// Which subjects a view shows, said on every tab and in exports: the user's
// filter and the forest row in focus, with the count of subjects out of the
// study's ("Filtered: ECOGBL == 0 · 67 of 147", "Subgroup: PDL1STAT =
// Positive · 72 of 147"). The chip is hidden when there is neither.

#include <triallens/analysis/results.h>

#include <QLabel>
#include <QString>

namespace triallens::ui {

// Whose subjects a view shows: the focused subjects (every panel but the
// forest), or the forest's (the filter only: the forest is never focused).
enum class Population { Focused, Forest };

// "" when the results have no filter (and, for Population::Focused, no focus).
QString population_text(const Results& results, Population population = Population::Focused);

class PopulationChip : public QLabel {
    Q_OBJECT

public:
    explicit PopulationChip(Population population = Population::Focused, QWidget* parent = nullptr);

    // Shows population_text() of `results`; hidden when it is empty.
    void setResults(const ResultsPtr& results);

private:
    Population population_;
};

} // namespace triallens::ui
