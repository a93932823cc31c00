#pragma once
// The "Delayed effects" tab's table over one immutable Results: every method
// that bears on a delayed treatment effect, side by side, so the question
// "does the method change the conclusion?" can be read down the p column.
// Sections (title rows spanning the table), each present only when the
// results hold its numbers:
//   tests        the log-rank test (all arms), the Cox HR of the compared
//                arm, each Fleming–Harrington FH(ρ,γ) test (z, χ², p) and
//                MaxCombo (z_max, p, the tests it combines);
//   milestones   the RMST difference at tau (CI, Wald p) and the survival
//                differences at each landmark (CI), of the compared arm;
//   piecewise    one Cox HR per period of the cut points (events, HR, CI, p).
// The compared arm is Results::delayed_effects_arm (else the forest's
// compared arm). Formatting only; raw numbers under ValueRole, each row's
// kind under KindRole.

#include "models/results_table_model.h"

#include <QString>

#include <vector>

namespace triallens::ui {

class DelayedEffectsModel : public ResultsTableModel {
    Q_OBJECT

public:
    enum Column {
        MethodColumn,
        EventsColumn,
        ZColumn,
        ChisqColumn,
        EstimateColumn,
        PColumn,
        NoteColumn,
        ColumnCount
    };
    enum class Kind {
        Title,
        LogRank,
        Cox,
        WeightedLogRank,
        MaxCombo,
        RmstDifference,
        SurvivalDifference,
        PiecewiseHazardRatio
    };
    Q_ENUM(Kind)
    // The row's Kind (as int), on every cell.
    static constexpr int KindRole = ValueRole + 1;

    explicit DelayedEffectsModel(QObject* parent = nullptr);

    Kind kind(int row) const;
    bool isTitle(int row) const { return kind(row) == Kind::Title; }
    // The rows of one kind, in table order.
    std::vector<int> rowsOf(Kind kind) const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void rebuild() override;
    int tableRowCount() const override { return static_cast<int>(rows_.size()); }
    int tableColumnCount() const override { return ColumnCount; }
    QString cellText(int row, int column) const override;
    QVariant cellValue(int row, int column) const override;
    Qt::Alignment cellAlignment(int row, int column) const override;
    bool cellBold(int row, int column) const override;
    QString cellToolTip(int row, int column) const override;
    QVariant cellData(int row, int column, int role) const override;

private:
    struct Row {
        Kind kind = Kind::Title;
        QString text[ColumnCount];
        QVariant value[ColumnCount];
        QString tool_tip;
    };
    std::vector<Row> rows_;
};

} // namespace triallens::ui
