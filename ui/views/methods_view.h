#pragma once
// The "Methods" tab, for the current Results: whether the method matters
// (ConcordanceModel: hazard ratios by ties method, medians by CI transform,
// with their SAS names and a sentence saying whether the reported numbers
// change), the proportional-hazards test (PhTestModel), the median
// follow-up, and a plain-language methods paragraph (methods_text.h).

#include "views/fitted_table_view.h"

#include <triallens/analysis/results.h>

#include <QWidget>

class QLabel;
class QScrollArea;

namespace triallens::ui {

class ConcordanceModel;
class PhTestModel;

class MethodsView : public QWidget {
    Q_OBJECT

public:
    explicit MethodsView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    const ResultsPtr& results() const { return results_; }

    ConcordanceModel* concordanceModel() const { return concordance_model_; }
    PhTestModel* phTestModel() const { return ph_test_model_; }
    FittedTableView* concordanceTable() const { return concordance_table_; }
    FittedTableView* phTestTable() const { return ph_test_table_; }
    QLabel* verdictLabel() const { return verdict_; }
    QLabel* phTestLabel() const { return ph_test_caption_; }
    QLabel* followUpLabel() const { return follow_up_; }
    QLabel* paragraphLabel() const { return paragraph_; }
    QLabel* emptyLabel() const { return empty_; }

private:
    ResultsPtr results_;
    ConcordanceModel* concordance_model_;
    PhTestModel* ph_test_model_;
    FittedTableView* concordance_table_;
    FittedTableView* ph_test_table_;
    QLabel* verdict_;
    QLabel* ph_test_caption_;
    QLabel* follow_up_;
    QLabel* paragraph_;
    QLabel* empty_;
    QScrollArea* content_;
};

} // namespace triallens::ui
