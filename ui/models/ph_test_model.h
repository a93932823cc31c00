#pragma once
// The proportional-hazards test (cox.zph of the arm model) as a table over
// one immutable Results: per term (the arm, then GLOBAL) chi-square, df and
// p. Formatting only; the raw numbers are under Qt::UserRole.

#include <triallens/analysis/results.h>

#include <QAbstractTableModel>

namespace triallens::ui {

class PhTestModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TermColumn, ChisqColumn, DfColumn, PColumn, ColumnCount };
    static constexpr int ValueRole = Qt::UserRole; // the raw value; invalid when NA

    explicit PhTestModel(QObject* parent = nullptr);

    void setResults(ResultsPtr results);
    const ResultsPtr& results() const { return results_; }
    // cox.zph's time transform ("km"); empty without a test.
    QString transform() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ResultsPtr results_;
};

} // namespace triallens::ui
