#pragma once
// The adverse-event table (core AeTable) as a tree: the "Any adverse event"
// row and each system organ class at top level, each SOC's preferred terms
// as its children, in the core's order (descending frequency).
//
// Columns: the term; per arm "Any" and "≥ 3" (or "Severe" where AESEV
// graded the events: triallens/format/adverse_event_grade_text.h), each
// n (%); per arm other than the reference, the any-grade risk difference
// arm − reference in percentage points with its confidence interval.
// With exposure adjustment on (and treatment durations in the study), each
// arm also has "Rate/100 PY": subjects with the event per 100 patient-years
// with its exact Poisson interval (AeRow::exposure_adjusted).
//
// Headings come in two tiers so a column is as narrow as its numbers: the
// section's own text (Qt::DisplayRole: "Any", "Severe", the compared arm)
// under a group heading (GroupRole: "Placebo (N=86)", "Risk difference, any
// grade, % (95% CI)") that adjacent sections with the same text share. The
// window's header and the exported tables both read these two roles.
//
// Display text matches `triallens ae`; the custom roles carry the raw
// numbers so sorting and export never parse text. The model only adapts the
// table: it computes nothing but percentages of the core's counts.

#include <triallens/stats/adverse_event_incidence.h>

#include <QAbstractItemModel>

#include <cstddef>
#include <memory>
#include <vector>

namespace triallens::ui {

class AeTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum class RowKind { AnyEvent, SystemOrganClass, PreferredTerm };
    enum class ColumnKind { Term, AnyGrade, Grade3Plus, RiskDifference, ExposureRate };

    enum Role {
        RowKindRole = Qt::UserRole + 1, // int(RowKind), in every column
        SortRole,                       // term text, count, or difference estimate
        CountRole,                      // count columns: subjects with the event (qulonglong)
        DenominatorRole,                // count columns: subjects in the arm (qulonglong)
        PercentRole,                    // count columns: 100 × count / denominator
        DifferenceRole,                 // risk difference, percentage points (100 × core)
        DifferenceLowerRole,            // lower confidence limit, percentage points
        DifferenceUpperRole,            // upper confidence limit, percentage points
        MaxIncidenceRole,               // every column: highest any-grade percent of any arm
        ColumnKindRole,                 // headerData: int(ColumnKind)
        ArmRole,                        // headerData: arm index (-1 on the term column)
        GroupRole,       // headerData: the heading over this and like sections ("" on the term)
        GroupColourRole, // headerData: the arm's colour (QColor) on count groups
    };
    Q_ENUM(Role)

    explicit AeTreeModel(QObject* parent = nullptr);

    // Resets the model; a null table empties it.
    void setTable(std::shared_ptr<const AeTable> table);
    const std::shared_ptr<const AeTable>& table() const { return table_; }

    // Adds the per-arm exposure-adjusted rate columns when the table has
    // patient-years; resets the model.
    void setExposureAdjusted(bool on);
    bool exposureAdjusted() const { return exposure_adjusted_; }

    ColumnKind columnKind(int column) const;
    int columnArm(int column) const; // -1 on the term column
    // What the severe column counts and which column graded it, as a sentence.
    QString gradeNote() const;
    // The core row behind an index, or nullptr.
    const AeRow* rowAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Column {
        ColumnKind kind = ColumnKind::Term;
        int arm = -1;
    };
    // A top-level row (the any-AE row or a SOC) and its PT rows, as indices
    // into table_->rows.
    struct Group {
        std::size_t row = 0;
        std::vector<std::size_t> children;
    };

    void rebuild();
    QVariant countData(const AeRow& row, const Column& column, int role) const;
    QVariant differenceData(const AeRow& row, const Column& column, int role) const;
    QVariant rateData(const AeRow& row, const Column& column, int role) const;
    double maxIncidence(const AeRow& row) const;
    QString severeMeaning() const; // for tooltips: what the severe column counts

    std::shared_ptr<const AeTable> table_;
    std::vector<Column> columns_;
    std::vector<Group> groups_;
    bool exposure_adjusted_ = false;
};

} // namespace triallens::ui
