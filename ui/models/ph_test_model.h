#pragma once
// The proportional-hazards test (cox.zph of the arm model) as a table over
// one immutable Results: per term (the arm, then GLOBAL) chi-square, df and
// p. Formatting only; the raw numbers are under ValueRole (Qt::UserRole).

#include "models/results_table_model.h"

#include <triallens/analysis/results.h>

namespace triallens::ui {

class PhTestModel : public ResultsTableModel {
    Q_OBJECT

public:
    enum Column { TermColumn, ChisqColumn, DfColumn, PColumn, ColumnCount };
    // ValueRole (the base's): the raw value; invalid when NA.

    explicit PhTestModel(QObject* parent = nullptr);

    // cox.zph's time transform ("km"); empty without a test.
    QString transform() const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    int tableRowCount() const override;
    int tableColumnCount() const override { return ColumnCount; }
    QString cellText(int row, int column) const override;
    QVariant cellValue(int row, int column) const override;

private:
    // The cell's text (display) or raw value.
    QVariant cell(int row, int column, bool display) const;
};

} // namespace triallens::ui
