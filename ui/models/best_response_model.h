#pragma once
// The Response tab's best-overall-response table over one immutable Results:
// one row per BOR category in the core's order (RECIST's CR, PR, SD,
// NON-CR/NON-PD, PD, NE, other values, then "no assessment / missing"), one
// column per arm, each cell "n (%)" of the arm's subjects. Formatting only.

#include <triallens/analysis/results.h>

#include <QAbstractTableModel>
#include <QString>

namespace triallens::ui {

class BestResponseModel : public QAbstractTableModel {
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

    void setResults(ResultsPtr results);
    const ResultsPtr& results() const { return results_; }

    // "Partial response (PR)" for RECIST's codes; other values as they are.
    static QString categoryLabel(const QString& category);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const ResponseSummary* response() const;

    ResultsPtr results_;
};

} // namespace triallens::ui
