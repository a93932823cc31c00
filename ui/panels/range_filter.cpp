#include "panels/range_filter.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

// The data's bounds rounded outwards to the shown decimals, so the spin
// boxes' ends never cut off the smallest or largest subject. The slack
// absorbs values such as 25.2999999 read from SAS's floating point.
double outward(double x, int decimals, bool down) {
    const double scale = std::pow(10.0, decimals);
    const double scaled = x * scale;
    const double slack = 1e-9 * std::max(1.0, std::abs(scaled));
    return (down ? std::floor(scaled + slack) : std::ceil(scaled - slack)) / scale;
}

// One step per digit below the span's leading one (1 for ages 18-89, 10
// for day counts in the hundreds), never finer than the data's decimals.
double step_for(double span, int decimals) {
    const double finest = std::pow(10.0, -decimals);
    if (!(span > 0)) {
        return finest;
    }
    return std::max(finest, std::pow(10.0, std::floor(std::log10(span)) - 1));
}

} // namespace

RangeFilter::RangeFilter(const QString& name, const ValueRange& range, QWidget* parent)
    : QWidget(parent), low_(new QDoubleSpinBox), high_(new QDoubleSpinBox) {
    const bool any = !std::isnan(range.min);
    const double minimum = any ? outward(range.min, range.decimals, true) : 0;
    const double maximum = any ? outward(range.max, range.decimals, false) : 0;
    for (QDoubleSpinBox* box : {low_, high_}) {
        box->setDecimals(range.decimals);
        box->setRange(minimum, maximum);
        box->setSingleStep(step_for(maximum - minimum, range.decimals));
        box->setKeyboardTracking(true);
        box->setAccelerated(true);
        box->setEnabled(any);
        connect(box, &QDoubleSpinBox::valueChanged, this, &RangeFilter::typing);
        connect(box, &QDoubleSpinBox::editingFinished, this, &RangeFilter::edited);
    }
    low_->setValue(minimum);
    high_->setValue(maximum);
    low_->setToolTip(QStringLiteral("Keep subjects with %1 at least this (data minimum %2)")
                         .arg(name)
                         .arg(minimum));
    high_->setToolTip(QStringLiteral("Keep subjects with %1 at most this (data maximum %2)")
                          .arg(name)
                          .arg(maximum));

    auto* bounds = new QHBoxLayout;
    bounds->addWidget(low_, 1);
    bounds->addWidget(new QLabel(QStringLiteral("to")));
    bounds->addWidget(high_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(2);
    layout->addLayout(bounds);
    if (range.missing > 0) {
        include_missing_ = new QCheckBox(QStringLiteral("Include missing (%1)").arg(range.missing));
        include_missing_->setChecked(true);
        include_missing_->setToolTip(
            QStringLiteral("Keep the %1 subject(s) with no value for %2; clear to leave them out")
                .arg(range.missing)
                .arg(name));
        connect(include_missing_, &QCheckBox::clicked, this, &RangeFilter::edited);
        layout->addWidget(include_missing_);
    }
}

RangeSelection RangeFilter::selection() const {
    RangeSelection selection;
    if (low_->value() > low_->minimum()) {
        selection.low = low_->value();
    }
    if (high_->value() < high_->maximum()) {
        selection.high = high_->value();
    }
    selection.exclude_missing = include_missing_ != nullptr && !include_missing_->isChecked();
    return selection;
}

void RangeFilter::setSelection(const RangeSelection& selection) {
    const QSignalBlocker low_blocker(low_);
    const QSignalBlocker high_blocker(high_);
    low_->setValue(std::isinf(selection.low) ? low_->minimum() : selection.low);
    high_->setValue(std::isinf(selection.high) ? high_->maximum() : selection.high);
    if (include_missing_ != nullptr) {
        const QSignalBlocker blocker(include_missing_);
        include_missing_->setChecked(!selection.exclude_missing);
    }
}

} // namespace triallens::ui
