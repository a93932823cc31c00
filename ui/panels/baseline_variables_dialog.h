#pragma once
// The Baseline tab's "Variables…" chooser: a checkable list of the columns
// Table 1 can summarise (baseline_variable_choices.h), the chosen ones
// first in their table order, then the others in the study's order; drag
// to reorder. "Defaults" checks the study's default variables, "None"
// clears every check. The table shows the checked ones in list order.

#include "models/baseline_variable_choices.h"

#include <QDialog>
#include <QStringList>

#include <vector>

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace triallens::ui {

class BaselineVariablesDialog : public QDialog {
    Q_OBJECT

public:
    BaselineVariablesDialog(const std::vector<BaselineVariableChoice>& choices,
                            const QStringList& chosen, const QStringList& defaults,
                            QWidget* parent = nullptr);

    // The checked variables, in list order.
    QStringList variables() const;
    // Whether the checked ones are the defaults, in their order.
    bool isDefaults() const { return variables() == defaults_; }

    QListWidget* list() const { return list_; }
    QPushButton* defaultsButton() const { return defaults_button_; }
    QPushButton* noneButton() const { return none_button_; }
    QDialogButtonBox* buttons() const { return buttons_; }

private:
    void checkOnly(const QStringList& names);
    void updateCount();

    QStringList defaults_;
    QListWidget* list_;
    QLabel* count_;
    QPushButton* defaults_button_;
    QPushButton* none_button_;
    QDialogButtonBox* buttons_;
};

} // namespace triallens::ui
