#pragma once
// The Methods tab's concordance table over one immutable Results'
// MethodConcordance: does the method change what is reported? A header row,
// then the arm hazard ratios (CI) under each Cox ties method with its SAS
// PROC PHREG equivalent; a header row, then every arm's median (CI) under each
// Kaplan–Meier CI transform with its SAS PROC LIFETEST equivalent. The method
// the current analysis used is marked. Formatting only.

#include <triallens/analysis/results.h>

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace triallens::ui {

class ConcordanceModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class RowKind { Header, Ties, Median };
    Q_ENUM(RowKind)

    enum Column { MethodColumn, SasColumn, ArmColumn, EstimateColumn, CurrentColumn, ColumnCount };

    enum Role {
        RowKindRole = Qt::UserRole + 1, // RowKind
        MethodRole,                     // QString: R's name, "efron" or "log-log"
        SasRole,                        // QString: "PHREG TIES=DISCRETE"
        ArmRole,                        // QString
        EstimateRole,                   // double (HR or median), or invalid
        LowerRole,                      // double, or invalid
        UpperRole,                      // double, or invalid
        CurrentRole                     // bool: the method the analysis used
    };

    explicit ConcordanceModel(QObject* parent = nullptr);

    void setResults(ResultsPtr results);
    const ResultsPtr& results() const { return results_; }

    // SAS's name for R's ties method ("exact" → "PHREG TIES=DISCRETE") or CI
    // transform ("log-log" → "LIFETEST CONFTYPE=LOGLOG").
    static QString sasTies(const QString& ties);
    static QString sasConfType(const QString& conf_type);

    // One sentence: whether the ties method changes any hazard ratio (CI), and
    // the CI transform any median (CI), as shown at 2 decimals.
    QString verdict() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        RowKind kind = RowKind::Header;
        QString title; // header rows
        QString method;
        QString arm;
        std::optional<double> estimate;
        std::optional<double> lower;
        std::optional<double> upper;
        QString text; // the estimate (CI) as shown
        bool current = false;
    };

    ResultsPtr results_;
    std::vector<Row> rows_;
    double conf_level_ = 0.95;
};

} // namespace triallens::ui
