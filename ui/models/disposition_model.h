#pragma once
// The disposition of patients (Results::disposition, core's disposition.h)
// as a flat table: one bold row per stage (randomised, treated, ongoing,
// completed or discontinued treatment and study), one indented row per
// reason under a discontinuation; one "n (%)" column per arm and the total,
// the percentage of the column's randomised subjects, headed "Arm\n(N = 86)".
// Formatting only.

#include "models/results_table_model.h"

#include <triallens/analysis/results.h>

#include <QString>
#include <QStringList>

namespace triallens::ui {

class DispositionModel : public ResultsTableModel {
    Q_OBJECT

public:
    enum Role {
        IsReasonRole = Qt::UserRole + 1, // bool: a reason under its stage
        LabelRole,                       // QString: the first cell without its indent
    };

    explicit DispositionModel(QObject* parent = nullptr);

    const Disposition* disposition() const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    int tableRowCount() const override;
    int tableColumnCount() const override;
    QString cellText(int row, int column) const override;
    QVariant cellValue(int row, int column) const override;
    bool cellBold(int row, int column) const override;
    QVariant cellData(int row, int column, int role) const override;
};

// The randomised subjects of each column (the "Randomised" row; else the
// first stage's), for headings.
std::vector<std::size_t> disposition_column_n(const Disposition& disposition);

// The table's footnotes: the percentages' base and the columns read.
QStringList disposition_footnotes(const Disposition& disposition);

} // namespace triallens::ui
