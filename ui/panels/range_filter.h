#pragma once
// A numeric variable's kept range as two spin boxes (min and max, starting
// at the data's own bounds, to the data's decimals) and "include missing"
// when some subjects have no value. Bounds at the data's range are no
// restriction.

#include "document/filter_state.h"

#include <triallens/data/value_range.h>

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QDoubleSpinBox;
QT_END_NAMESPACE

namespace triallens::ui {

class RangeFilter : public QWidget {
    Q_OBJECT

public:
    // `name` is the variable's, for the tooltips.
    RangeFilter(const QString& name, const ValueRange& range, QWidget* parent = nullptr);

    RangeSelection selection() const;
    void setSelection(const RangeSelection& selection); // emits nothing
    bool restricts() const { return selection() != RangeSelection{}; }

    QDoubleSpinBox* low() const { return low_; }
    QDoubleSpinBox* high() const { return high_; }
    QCheckBox* includeMissing() const { return include_missing_; } // null when none missing

signals:
    void typing(); // a bound changing under the user's keys or arrows
    void edited(); // a bound committed (Enter, focus out) or the missing box clicked

private:
    QDoubleSpinBox* low_;
    QDoubleSpinBox* high_;
    QCheckBox* include_missing_ = nullptr;
};

} // namespace triallens::ui
