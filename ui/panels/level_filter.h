#pragma once
// The levels of a categorical variable as checkboxes with their subject
// counts ("F (53)"), plus "(missing)" when some subjects have no value; a
// checked box keeps its subjects. All checked is no restriction.

#include "document/filter_state.h"

#include <triallens/data/level_counts.h>
#include <triallens/data/study.h>

#include <QWidget>

#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
QT_END_NAMESPACE

namespace triallens::ui {

class LevelFilter : public QWidget {
    Q_OBJECT

public:
    LevelFilter(const Variable& variable, const LevelCounts& counts, QWidget* parent = nullptr);

    LevelSelection selection() const;
    void setSelection(const LevelSelection& selection); // emits nothing
    bool restricts() const { return selection() != LevelSelection{}; }

    QCheckBox* levelBox(const QString& level) const;
    QCheckBox* missingBox() const { return missing_; } // null when nothing is missing

signals:
    void edited(); // a box clicked by the user

private:
    std::vector<std::string> levels_;
    std::vector<QCheckBox*> boxes_;
    QCheckBox* missing_ = nullptr;
};

} // namespace triallens::ui
