#pragma once
// The forest plot's table: one immutable Results as rows of text and raw
// values. An "All patients" row first, then per subgroup variable a header
// row (the variable and its arm × variable interaction p) followed by its
// levels in the order Results::subgroups lists them. Formatting only: every
// number comes from the core.
//
// Columns: subgroup, then per arm (reference, then compared) "n/events" and
// "median (CI)", then "HR (CI)" and the interaction p. The custom roles give
// the raw values (the same for every column of a row, except SortRole) so
// sorting, export and painting never parse display text. The texts are
// triallens/format/number_format.h's: "0.67 (0.45–0.99)", "p = 0.310".

#include "models/results_table_model.h"

#include <triallens/analysis/results.h>

#include <QString>

#include <optional>
#include <vector>

namespace triallens::ui {

class ForestModel : public ResultsTableModel {
    Q_OBJECT

public:
    enum class RowKind { AllPatients, Header, Level };
    Q_ENUM(RowKind)

    enum Column {
        SubgroupColumn,
        ReferenceCountsColumn,
        ReferenceMedianColumn,
        ComparedCountsColumn,
        ComparedMedianColumn,
        HazardRatioColumn,
        InteractionColumn,
        ColumnCount
    };

    enum Role {
        RowKindRole = Qt::UserRole + 1, // RowKind
        VariableRole,                   // QString; empty for All patients
        LevelRole,                      // QString; empty for All patients and headers
        HazardRatioRole,                // double, or invalid when not estimable
        LowerRole,                      // double, or invalid
        UpperRole,                      // double, or invalid
        NRole,                          // qulonglong: both arms together
        EventsRole,                     // qulonglong: both arms together
        InteractionPRole,               // double on headers and levels, or invalid
        SortRole = ValueRole            // the raw value of the cell's column
    };

    explicit ForestModel(QObject* parent = nullptr);

    // The arms compared: names, and their index in Results::arms (for colours
    // matching the Kaplan–Meier curves); -1 when absent.
    QString referenceArm() const { return reference_arm_; }
    QString comparedArm() const { return compared_arm_; }
    int referenceArmIndex() const { return reference_index_; }
    int comparedArmIndex() const { return compared_index_; }
    double confLevel() const { return conf_level_; }

    // The row of a level (or of All patients for two empty strings); -1 if none.
    int rowOf(const QString& variable, const QString& level) const;
    bool isSelectable(int row) const;

    // The short caption of a column without the arm name ("n/events").
    QString columnCaption(int column) const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void rebuild() override;
    int tableRowCount() const override { return static_cast<int>(rows_.size()); }
    int tableColumnCount() const override { return ColumnCount; }
    QString cellText(int row, int column) const override;
    QVariant cellValue(int row, int column) const override;
    bool cellBold(int row, int column) const override;
    QVariant cellData(int row, int column, int role) const override;

private:
    struct ArmCell {
        std::size_t n = 0;
        std::size_t events = 0;
        QuantileEstimate median;
    };
    struct Row {
        RowKind kind = RowKind::Level;
        QString variable;
        QString label; // a header's: the variable's label
        QString level;
        std::size_t n = 0;
        std::size_t events = 0;
        ArmCell arms[2];
        bool has_arms = false;
        std::optional<double> hr;
        std::optional<double> lower;
        std::optional<double> upper;
        std::optional<double> interaction_p;
    };

    QString displayText(const Row& row, int column) const;
    QVariant sortValue(const Row& row, int column) const;

    std::vector<Row> rows_;
    QString reference_arm_;
    QString compared_arm_;
    int reference_index_ = -1;
    int compared_index_ = -1;
    double conf_level_ = 0.95;
    int median_decimals_ = 1;
};

} // namespace triallens::ui
