#include "panels/filter_section.h"

#include <QToolButton>
#include <QVBoxLayout>

namespace triallens::ui {

FilterSection::FilterSection(const QString& name, const QString& label, QWidget* body,
                             QWidget* parent)
    : QWidget(parent), name_(name), label_(label), header_(new QToolButton), body_(body) {
    header_->setText(label.isEmpty() || label == name ? name
                                                      : name + QStringLiteral(" · ") + label);
    header_->setToolTip(header_->text());
    header_->setCheckable(true);
    header_->setAutoRaise(true);
    header_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // A long label is clipped (the tooltip has it whole) rather than widening
    // the dock's content past its scroll area.
    header_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    connect(header_, &QToolButton::toggled, this, &FilterSection::setExpanded);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header_);
    layout->addWidget(body_);
    // Indent the body under the arrow so levels read as belonging to it.
    body_->setContentsMargins(18, 0, 0, 4);
    setExpanded(false);
}

bool FilterSection::isExpanded() const {
    return header_->isChecked();
}

void FilterSection::setExpanded(bool expanded) {
    header_->setChecked(expanded);
    header_->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    body_->setVisible(expanded);
}

void FilterSection::setActive(bool active) {
    QFont font = header_->font();
    font.setBold(active);
    header_->setFont(font);
}

bool FilterSection::matches(const QString& text) const {
    return name_.contains(text, Qt::CaseInsensitive) || label_.contains(text, Qt::CaseInsensitive);
}

} // namespace triallens::ui
