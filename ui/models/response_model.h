#pragma once
// The Response tab's rate table over one immutable Results' ResponseSummary:
// objective response (best overall response CR or PR) and disease control
// (CR, PR, SD or NON-CR/NON-PD), each a header row followed by one row per
// arm. Per arm: n, responders, the rate and its CI under the chosen rate
// interval; for each arm but the reference, the difference against it (in
// percentage points, CI under the chosen difference interval), the odds ratio
// with Woolf's CI, Fisher's exact p and, with strata, the Mantel–Haenszel
// odds ratio and the CMH p. Formatting only: every number comes from the
// core. The custom roles give the raw values of the row.

#include "models/results_table_model.h"

#include <triallens/analysis/results.h>

#include <QString>

#include <optional>
#include <vector>

namespace triallens::ui {

class ResponseModel : public ResultsTableModel {
    Q_OBJECT

public:
    enum class RowKind { Header, Arm };
    Q_ENUM(RowKind)
    enum class Measure { ObjectiveResponse, DiseaseControl };
    Q_ENUM(Measure)
    enum class RateInterval { ClopperPearson, Wilson, Jeffreys };
    Q_ENUM(RateInterval)
    enum class DifferenceInterval { MiettinenNurminen, Newcombe };
    Q_ENUM(DifferenceInterval)

    enum Column {
        ArmColumn,
        NColumn,
        RespondersColumn,
        RateColumn,
        RateCiColumn,
        DifferenceColumn,
        OddsRatioColumn,
        FisherColumn,
        CmhOddsRatioColumn,
        CmhPColumn,
        ColumnCount
    };

    enum Role {
        RowKindRole = Qt::UserRole + 1, // RowKind
        MeasureRole,                    // Measure
        ArmRole,                        // QString; empty on headers
        IsReferenceRole,                // bool
        NRole,                          // qulonglong
        RespondersRole,                 // qulonglong
        RateRole,                       // double, a fraction
        RateLowerRole,                  // double: the chosen rate interval
        RateUpperRole,
        DifferenceRole,      // double, a fraction; invalid on the reference row
        DifferenceLowerRole, // double: the chosen difference interval
        DifferenceUpperRole,
        OddsRatioRole, // Woolf; double or invalid when not estimable
        OddsRatioLowerRole,
        OddsRatioUpperRole,
        FisherPRole,
        CmhOddsRatioRole, // invalid without strata
        CmhLowerRole,
        CmhUpperRole,
        CmhPRole
    };

    explicit ResponseModel(QObject* parent = nullptr);

    // setResults(): results without responses leave the model empty.
    bool hasResponses() const { return !rows_.empty(); }
    // Whether any comparison is stratified (the CMH columns mean something).
    bool hasCmh() const { return has_cmh_; }

    RateInterval rateInterval() const { return rate_interval_; }
    void setRateInterval(RateInterval interval);
    DifferenceInterval differenceInterval() const { return difference_interval_; }
    void setDifferenceInterval(DifferenceInterval interval);

    static QString rateIntervalName(RateInterval interval);
    static QString differenceIntervalName(DifferenceInterval interval);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void rebuild() override;
    int tableRowCount() const override { return static_cast<int>(rows_.size()); }
    int tableColumnCount() const override { return ColumnCount; }
    QString cellText(int row, int column) const override;
    bool cellBold(int row, int column) const override;
    QVariant cellData(int row, int column, int role) const override;

private:
    struct Row {
        RowKind kind = RowKind::Arm;
        Measure measure = Measure::ObjectiveResponse;
        const ResponseRate* rate = nullptr;             // arm rows
        const ResponseDifference* difference = nullptr; // arm rows but the reference
    };

    Interval rateCi(const ResponseRate& rate) const;
    Interval differenceCi(const ResponseDifference& difference) const;
    QString displayText(const Row& row, int column) const;
    void intervalsChanged();

    std::vector<Row> rows_;
    QString reference_arm_;
    double conf_level_ = 0.95;
    bool has_cmh_ = false;
    RateInterval rate_interval_ = RateInterval::ClopperPearson;
    DifferenceInterval difference_interval_ = DifferenceInterval::MiettinenNurminen;
};

} // namespace triallens::ui
