#pragma once
// The "Response" tab: objective response and disease control rates per arm
// with their comparisons against the reference arm (ResponseModel), the
// intervals chosen in two combos, and below them the best-overall-response
// table (BestResponseModel). A study without ADRS best overall responses
// shows a sentence saying so instead.

#include "views/fitted_table_view.h"

#include <triallens/analysis/results.h>

#include <QWidget>

class QComboBox;
class QLabel;

namespace triallens::ui {

class BestResponseModel;
class ResponseModel;

class ResponseView : public QWidget {
    Q_OBJECT

public:
    explicit ResponseView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);

    ResponseModel* model() const { return model_; }
    BestResponseModel* bestResponseModel() const { return best_model_; }
    QComboBox* rateIntervalBox() const { return rate_interval_; }
    QComboBox* differenceIntervalBox() const { return difference_interval_; }
    FittedTableView* rateTable() const { return rate_table_; }
    FittedTableView* bestResponseTable() const { return best_table_; }
    QLabel* emptyLabel() const { return empty_; }

private:
    void layoutTables();

    ResponseModel* model_;
    BestResponseModel* best_model_;
    QComboBox* rate_interval_;
    QComboBox* difference_interval_;
    FittedTableView* rate_table_;
    FittedTableView* best_table_;
    QLabel* empty_;
    QWidget* content_;
};

} // namespace triallens::ui
