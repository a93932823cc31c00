#pragma once
// The Methods tab's concordance table over one immutable Results'
// MethodConcordance: does the method change what is reported? A header row,
// then the arm hazard ratios (CI) under each Cox ties method with its SAS
// PROC PHREG equivalent; a header row, then every arm's median (CI) under each
// Kaplan–Meier CI transform with its SAS PROC LIFETEST equivalent. The method
// the current analysis used is marked. Formatting only.

#include "models/results_table_model.h"

#include <triallens/analysis/results.h>

#include <QString>

#include <optional>
#include <vector>

namespace triallens::ui {

class ConcordanceModel : public ResultsTableModel {
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

    // SAS's name for R's ties method ("exact" → "PHREG TIES=DISCRETE") or CI
    // transform ("log-log" → "LIFETEST CONFTYPE=LOGLOG").
    static QString sasTies(const QString& ties);
    static QString sasConfType(const QString& conf_type);

    // One sentence: whether the ties method changes any hazard ratio (CI), and
    // the CI transform any median (CI), as shown at 2 decimals.
    QString verdict() const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void rebuild() override;
    int tableRowCount() const override { return static_cast<int>(rows_.size()); }
    int tableColumnCount() const override { return ColumnCount; }
    QString cellText(int row, int column) const override;
    Qt::Alignment cellAlignment(int row, int column) const override;
    bool cellBold(int row, int column) const override;
    QVariant cellData(int row, int column, int role) const override;

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

    std::vector<Row> rows_;
    double conf_level_ = 0.95;
};

} // namespace triallens::ui
