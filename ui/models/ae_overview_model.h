#pragma once
// The safety overview (core AeOverview, adverse_event_overview.h) as a
// table: one row per kind of event (any TEAE, related, grade ≥ 3 or severe,
// serious, leading to discontinuation, leading to death); per arm the
// subjects n (%), then per arm other than the reference the risk
// difference in percentage points (CI). With exposure adjustment on, each
// arm also gets its exposure-adjusted rate per 100 patient-years (CI) and
// each compared arm its rate difference (CI).
//
// A kind the study does not record shows "not recorded" in every number
// cell (greyed, the reason in its tooltip and in notes()), never 0.
//
// Headings come in the AE tree's two tiers (ae_tree_model.h): the column's
// own text under a GroupRole heading shared by its neighbours, so the same
// GroupedHeaderView draws both tables and the export reads the same roles.
// The model only formats the core's numbers.

#include <triallens/analysis/adverse_event_overview.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace triallens::ui {

class AeOverviewModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class ColumnKind { Category, Count, RiskDifference, Rate, RateDifference };
    enum Role {
        RecordedRole = Qt::UserRole + 1, // bool, every column
        GroupRole,                       // headerData: the heading over like sections
        GroupColourRole,                 // headerData: the arm's colour on arm groups
    };

    explicit AeOverviewModel(QObject* parent = nullptr);

    // `table` gives the patient-years and how they were read (for the
    // notes); either may be null.
    void setOverview(std::shared_ptr<const AeOverview> overview,
                     std::shared_ptr<const AeTable> table);
    const std::shared_ptr<const AeOverview>& overview() const { return overview_; }

    void setExposureAdjusted(bool on);
    bool exposureAdjusted() const { return exposure_adjusted_; }
    // The study has treatment durations (AeTable::patient_years).
    bool hasExposure() const;
    // Why the exposure-adjusted columns cannot be shown; "" when they can.
    QString noExposureReason() const;

    ColumnKind columnKind(int column) const;
    // Sentences written under the table: grading, TRTEMFL, kinds not
    // recorded, the exposure-adjusted rate's definition when on.
    QStringList notes() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Column {
        ColumnKind kind = ColumnKind::Category;
        std::size_t arm = 0;
    };
    void rebuild();
    QString cellText(const AeOverviewRow& row, const Column& column) const;

    std::shared_ptr<const AeOverview> overview_;
    std::shared_ptr<const AeTable> table_;
    bool exposure_adjusted_ = false;
    std::vector<Column> columns_;
};

} // namespace triallens::ui
