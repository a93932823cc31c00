#pragma once
// The Response tab's best-overall-response table over one immutable Results:
// one row per BOR category in the core's order (RECIST's CR, PR, SD,
// NON-CR/NON-PD, PD, NE, other values, then "no assessment / missing"), one
// column per arm, each cell "n (%)" of the arm's subjects. Formatting only.

#include "models/results_table_model.h"

#include <triallens/analysis/results.h>

#include <QString>

namespace triallens::ui {

class BestResponseModel : public ResultsTableModel {
    Q_OBJECT

public:
    enum Role {
        CategoryRole = Qt::UserRole + 1, // QString: the AVALC value; empty for missing
        CountRole,                       // qulonglong; arm columns only
        FractionRole,                    // double, of the arm's n; arm columns only
        ArmRole,                         // QString; arm columns only
        ArmNRole                         // qulonglong; arm columns only
    };

    explicit BestResponseModel(QObject* parent = nullptr);

    // "Partial response (PR)" for RECIST's codes; other values as they are.
    static QString categoryLabel(const QString& category);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    int tableRowCount() const override;
    int tableColumnCount() const override;
    QString cellText(int row, int column) const override;
    QVariant cellData(int row, int column, int role) const override;

private:
    const ResponseSummary* response() const;
};

} // namespace triallens::ui
