#pragma once
// The "Delayed effects" tab: the one-line verdict of whether the methods
// made for delayed effects change the log-rank's conclusion
// (delayed_effects_verdict.h), above the table of every such method
// (DelayedEffectsModel), with two editors of the analysis: the cut points
// of the piecewise hazard ratios ("6, 12") and the time survival is
// counted from (conditional survival, empty = from 0).
//
// An edit is applied with Apply or when the field loses focus / Return is
// pressed. Text that is not a list of numbers, a cut or a landmark at or
// after the last time analysed, is named in red below the fields and
// nothing is emitted; otherwise edited() carries both values (one step)
// and whoever holds the workspace applies it (and may still refuse it with
// showProblem(), as the engine's own rules say). setSpec() shows a spec's
// values without emitting.

#include "views/fitted_table_view.h"

#include <triallens/analysis/analysis_spec.h>
#include <triallens/analysis/results.h>

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;

namespace triallens::ui {

class DelayedEffectsModel;

class DelayedEffectsView : public QWidget {
    Q_OBJECT

public:
    explicit DelayedEffectsView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    // Shows the spec's cut points and landmark, clears any problem shown.
    void setSpec(const AnalysisSpec& spec);
    // Names what is wrong with the last edit, in red.
    void showProblem(const QString& problem);

    DelayedEffectsModel* model() const { return model_; }
    FittedTableView* table() const { return table_; }
    QLabel* verdictLabel() const { return verdict_; }
    QLineEdit* cutsEdit() const { return cuts_; }
    QLineEdit* fromEdit() const { return from_; }
    QPushButton* applyButton() const { return apply_; }
    QLabel* problemLabel() const { return problem_; }

signals:
    // The cut points and the landmark as typed, when either differs from
    // the spec shown.
    void edited(const std::vector<double>& cuts, const std::optional<double>& from);

private:
    void apply();
    // The last time of the records as stored (before any `from`), 0 without results.
    double lastTime() const;

    DelayedEffectsModel* model_;
    QLabel* verdict_;
    QLineEdit* cuts_;
    QLineEdit* from_;
    QPushButton* apply_;
    QLabel* problem_;
    FittedTableView* table_;
    ResultsPtr results_;
    std::vector<double> shown_cuts_;
    std::optional<double> shown_from_;
};

} // namespace triallens::ui
