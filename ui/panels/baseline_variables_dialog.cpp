#include "panels/baseline_variables_dialog.h"

#include <triallens/analysis/baseline_table.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace triallens::ui {

namespace {

constexpr int name_role = Qt::UserRole;

} // namespace

BaselineVariablesDialog::BaselineVariablesDialog(const std::vector<BaselineVariableChoice>& choices,
                                                 const QStringList& chosen,
                                                 const QStringList& defaults, QWidget* parent)
    : QDialog(parent), defaults_(defaults), list_(new QListWidget), count_(new QLabel),
      defaults_button_(new QPushButton(tr("&Defaults"))),
      none_button_(new QPushButton(tr("&None"))),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Table 1 variables"));
    setObjectName(QStringLiteral("baselineVariablesDialog"));
    list_->setObjectName(QStringLiteral("baselineVariableList"));
    list_->setDragDropMode(QAbstractItemView::InternalMove);
    const auto add = [this](const BaselineVariableChoice& choice, bool checked) {
        const QString text = choice.label == choice.name
                                 ? choice.name
                                 : QStringLiteral("%1 — %2").arg(choice.name, choice.label);
        auto* item = new QListWidgetItem(
            text + (choice.continuous ? tr(" (continuous)") : tr(" (categorical)")), list_);
        item->setData(name_role, choice.name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setFlags(item->flags() & ~Qt::ItemIsDropEnabled);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    };
    for (const QString& name : chosen) {
        for (const BaselineVariableChoice& choice : choices) {
            if (choice.name == name) {
                add(choice, true);
            }
        }
    }
    for (const BaselineVariableChoice& choice : choices) {
        if (!chosen.contains(choice.name)) {
            add(choice, false);
        }
    }
    defaults_button_->setToolTip(tr("The study's demographics and baseline disease "
                                    "characteristics that Table 1 shows by default"));
    connect(defaults_button_, &QPushButton::clicked, this, [this] { checkOnly(defaults_); });
    connect(none_button_, &QPushButton::clicked, this, [this] { checkOnly({}); });
    connect(list_, &QListWidget::itemChanged, this, &BaselineVariablesDialog::updateCount);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* choice_buttons = new QHBoxLayout;
    choice_buttons->addWidget(defaults_button_);
    choice_buttons->addWidget(none_button_);
    choice_buttons->addStretch();
    choice_buttons->addWidget(count_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Check the variables to summarise; drag to reorder.")));
    layout->addWidget(list_, 1);
    layout->addLayout(choice_buttons);
    layout->addWidget(buttons_);
    resize(420, 480);
    updateCount();
}

QStringList BaselineVariablesDialog::variables() const {
    QStringList names;
    for (int i = 0; i < list_->count(); ++i) {
        if (list_->item(i)->checkState() == Qt::Checked) {
            names << list_->item(i)->data(name_role).toString();
        }
    }
    return names;
}

void BaselineVariablesDialog::checkOnly(const QStringList& names) {
    // The defaults first, in their order, so the table shows them so.
    int next = 0;
    for (const QString& name : names) {
        for (int i = next; i < list_->count(); ++i) {
            if (list_->item(i)->data(name_role).toString() == name) {
                list_->insertItem(next++, list_->takeItem(i));
                break;
            }
        }
    }
    for (int i = 0; i < list_->count(); ++i) {
        QListWidgetItem* item = list_->item(i);
        item->setCheckState(names.contains(item->data(name_role).toString()) ? Qt::Checked
                                                                             : Qt::Unchecked);
    }
    updateCount();
}

void BaselineVariablesDialog::updateCount() {
    const auto n = variables().size();
    const bool too_many = n > static_cast<qsizetype>(max_baseline_variables);
    // No variable at all is the defaults to the core (BaselineSpec), so it
    // cannot be chosen as such.
    count_->setText(too_many ? tr("%1 chosen: at most %2").arg(n).arg(max_baseline_variables)
                    : n == 0 ? tr("choose at least one")
                             : tr("%1 chosen").arg(n));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(n > 0 && !too_many);
}

} // namespace triallens::ui
