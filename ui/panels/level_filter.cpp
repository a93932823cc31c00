#include "panels/level_filter.h"

#include <QCheckBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace triallens::ui {

LevelFilter::LevelFilter(const Variable& variable, const LevelCounts& counts, QWidget* parent)
    : QWidget(parent), levels_(variable.levels()) {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(2);
    const QString name = QString::fromStdString(variable.name());
    const auto add_box = [&](const QString& text, std::size_t subjects) {
        // A level's own & is not a mnemonic.
        QString shown = text;
        shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
        auto* box = new QCheckBox(QStringLiteral("%1 (%2)").arg(shown).arg(subjects));
        box->setChecked(true);
        box->setToolTip(
            QStringLiteral("Keep the %1 subject(s) with %2 = %3; clear to leave them out")
                .arg(subjects)
                .arg(name, text));
        box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed); // clip, never widen the dock
        // clicked, not toggled: only the user's own clicks are edits.
        connect(box, &QCheckBox::clicked, this, &LevelFilter::edited);
        layout->addWidget(box);
        return box;
    };
    for (std::size_t i = 0; i < levels_.size(); ++i) {
        boxes_.push_back(add_box(QString::fromStdString(levels_[i]), counts.subjects[i]));
    }
    if (counts.missing > 0) {
        missing_ = add_box(QStringLiteral("(missing)"), counts.missing);
        missing_->setToolTip(
            QStringLiteral("Keep the %1 subject(s) with no value for %2; clear to leave them out")
                .arg(counts.missing)
                .arg(name));
    }
}

LevelSelection LevelFilter::selection() const {
    LevelSelection selection;
    for (std::size_t i = 0; i < levels_.size(); ++i) {
        if (!boxes_[i]->isChecked()) {
            selection.excluded.insert(levels_[i]);
        }
    }
    selection.exclude_missing = missing_ != nullptr && !missing_->isChecked();
    return selection;
}

void LevelFilter::setSelection(const LevelSelection& selection) {
    for (std::size_t i = 0; i < levels_.size(); ++i) {
        const QSignalBlocker blocker(boxes_[i]);
        boxes_[i]->setChecked(!selection.excluded.contains(levels_[i]));
    }
    if (missing_ != nullptr) {
        const QSignalBlocker blocker(missing_);
        missing_->setChecked(!selection.exclude_missing);
    }
}

QCheckBox* LevelFilter::levelBox(const QString& level) const {
    for (std::size_t i = 0; i < levels_.size(); ++i) {
        if (levels_[i] == level.toStdString()) {
            return boxes_[i];
        }
    }
    return nullptr;
}

} // namespace triallens::ui
