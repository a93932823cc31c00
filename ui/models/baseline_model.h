#pragma once
// Table 1 (Results::baseline, core's baseline_table.h) as a flat table, one
// immutable Results at a time. Per variable a bold row with its label (and,
// when the table has p-values, the p of its test), then:
//   - continuous: "n", "Mean (SD)", "Median (Q1–Q3)", "Min–Max", "Missing";
//   - categorical: one "n (%)" row per level, in level order, then "Missing".
// Columns: the characteristic, one per arm, "Total", then "p-value" when the
// table has them; the arms headed "Arm\n(N = 75)". Means, SDs, quantiles and
// extremes at one decimal, as tern's and gtsummary's Table 1 print them;
// counts with their percentage as "12 (16.0%)" (number_format.h).
// Formatting only: every number is the core's.

#include "models/results_table_model.h"

#include <triallens/analysis/results.h>

#include <QString>
#include <QStringList>

#include <cstddef>
#include <vector>

namespace triallens::ui {

class BaselineModel : public ResultsTableModel {
    Q_OBJECT

public:
    enum class RowKind { Variable, Statistic, Level, Missing };
    Q_ENUM(RowKind)

    enum Role {
        RowKindRole = Qt::UserRole + 1, // RowKind
        VariableRole,                   // QString: the row's variable (its column name)
        LabelRole,                      // QString: the first cell without its indent
    };

    // The decimals of means, SDs, quantiles, minima and maxima.
    static constexpr int decimals = 1;

    explicit BaselineModel(QObject* parent = nullptr);

    const BaselineTable* table() const;
    bool hasPValues() const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void rebuild() override;
    int tableRowCount() const override;
    int tableColumnCount() const override;
    QString cellText(int row, int column) const override;
    QVariant cellValue(int row, int column) const override;
    bool cellBold(int row, int column) const override;
    QString cellToolTip(int row, int column) const override;
    QVariant cellData(int row, int column, int role) const override;

private:
    struct Line {
        RowKind kind = RowKind::Variable;
        std::size_t variable = 0; // index into BaselineTable::rows
        std::size_t item = 0;     // the statistic (0 n … 3 min–max) or the level
    };
    QString label(const Line& line) const;

    std::vector<Line> lines_;
};

// The table's footnotes: the population, how each statistic is made (the
// quantile type), the tests behind the p-values, and the core's notes.
QStringList baseline_footnotes(const BaselineTable& table);

} // namespace triallens::ui
