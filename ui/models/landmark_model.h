#pragma once
// The Survival tab's landmark and RMST table over one immutable Results: one
// row per arm; for each landmark time S(t) with its CI, the number at risk
// and the difference from the reference arm (CI); at the horizon tau the
// RMST (SE), its difference and ratio against the reference (CI). Every
// number as core's number_format writes it. Empty (no columns but the arm)
// when the spec names neither landmarks nor tau.

#include "models/results_table_model.h"

#include <QStringList>

namespace triallens::ui {

class LandmarkModel : public ResultsTableModel {
    Q_OBJECT

public:
    explicit LandmarkModel(QObject* parent = nullptr);

    // Whether there is anything to show: landmarks or an RMST horizon.
    bool hasEstimates() const { return !columns_.isEmpty(); }

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void rebuild() override;
    int tableRowCount() const override;
    int tableColumnCount() const override;
    QString cellText(int row, int column) const override;

private:
    enum class Kind { Survival, AtRisk, SurvivalDifference, Rmst, RmstDifference, RmstRatio };
    struct Column {
        Kind kind;
        std::size_t landmark = 0; // index into the arm's landmarks
        QString header;
    };
    QList<Column> columns_;
};

} // namespace triallens::ui
