#include "views/delayed_effects_view.h"

#include "models/delayed_effects_model.h"

#include <triallens/format/delayed_effects_verdict.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

QString number_text(double value) {
    return QString::number(value, 'g', 10);
}

// "6, 12" -> {6, 12}; the first entry that is not a finite number is `bad`.
std::vector<double> parse_numbers(const QString& text, QString& bad) {
    std::vector<double> values;
    for (const QString& part :
         text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = part.toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            bad = part;
            return {};
        }
        values.push_back(value);
    }
    return values;
}

QString format_numbers(const std::vector<double>& values) {
    QStringList parts;
    for (const double value : values) {
        parts << number_text(value);
    }
    return parts.join(QStringLiteral(", "));
}

void mark_invalid(QLineEdit* edit, bool invalid) {
    edit->setStyleSheet(invalid ? QStringLiteral("QLineEdit { background: #fde2e2; }") : QString());
}

} // namespace

DelayedEffectsView::DelayedEffectsView(QWidget* parent)
    : QWidget(parent), model_(new DelayedEffectsModel(this)), verdict_(new QLabel(this)),
      cuts_(new QLineEdit(this)), from_(new QLineEdit(this)),
      apply_(new QPushButton(tr("Apply"), this)), problem_(new QLabel(this)),
      table_(new FittedTableView(this)) {
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verdict_->setToolTip(tr("Significance at 5%, two-sided; a method changes the conclusion "
                            "when its p is on the other side of 0.05 than the log-rank's"));
    cuts_->setPlaceholderText(tr("e.g. 6, 12"));
    cuts_->setToolTip(tr("Cut points of the piecewise hazard ratios, ascending, in the time "
                         "unit (counted from the landmark); one Cox HR per period "
                         "(R: survSplit + coxph)"));
    from_->setPlaceholderText(tr("0"));
    from_->setToolTip(tr("Conditional survival: analyse only the records event-free and under "
                         "follow-up at this time, times counted from it; empty = from 0"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b00020"));
    problem_->hide();

    auto* cuts_label = new QLabel(tr("Cut points"), this);
    cuts_label->setBuddy(cuts_);
    auto* from_label = new QLabel(tr("Survival from"), this);
    from_label->setBuddy(from_);
    auto* editors = new QHBoxLayout;
    editors->addWidget(cuts_label);
    editors->addWidget(cuts_, 2);
    editors->addSpacing(12);
    editors->addWidget(from_label);
    editors->addWidget(from_, 1);
    editors->addWidget(apply_);
    editors->addStretch(1);

    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(verdict_);
    layout->addLayout(editors);
    layout->addWidget(problem_);
    layout->addWidget(table_);
    layout->addStretch(1);

    connect(apply_, &QPushButton::clicked, this, &DelayedEffectsView::apply);
    for (QLineEdit* edit : {cuts_, from_}) {
        connect(edit, &QLineEdit::editingFinished, this, &DelayedEffectsView::apply);
    }
}

void DelayedEffectsView::setResults(const ResultsPtr& results) {
    results_ = results;
    model_->setResults(results);
    const std::string verdict = results ? delayed_effects_verdict(*results) : std::string();
    verdict_->setText(verdict.empty()
                          ? tr("No delayed-effects test in this analysis (it needs two arms).")
                          : QString::fromStdString(verdict));
    table_->fitToContents([this](int row) { return model_->isTitle(row); });
}

void DelayedEffectsView::setSpec(const AnalysisSpec& spec) {
    shown_cuts_ = spec.hr_cuts;
    shown_from_ = spec.from;
    cuts_->setText(format_numbers(spec.hr_cuts));
    from_->setText(spec.from ? number_text(*spec.from) : QString());
    mark_invalid(cuts_, false);
    mark_invalid(from_, false);
    problem_->hide();
}

void DelayedEffectsView::showProblem(const QString& problem) {
    problem_->setText(problem);
    problem_->show();
}

double DelayedEffectsView::lastTime() const {
    if (!results_) {
        return 0;
    }
    double last = 0;
    for (const ArmSurvival& arm : results_->arms) {
        if (!arm.km.curve.time.empty()) {
            last = std::max(last, arm.km.curve.time.back());
        }
    }
    return last + results_->from.value_or(0);
}

void DelayedEffectsView::apply() {
    const auto refuse = [this](QLineEdit* edit, const QString& problem) {
        mark_invalid(edit, true);
        showProblem(problem);
    };
    mark_invalid(cuts_, false);
    mark_invalid(from_, false);
    problem_->hide();

    QString bad;
    const std::vector<double> cuts = parse_numbers(cuts_->text(), bad);
    if (!bad.isEmpty()) {
        return refuse(cuts_, tr("Cut point “%1” is not a number").arg(bad));
    }
    const std::vector<double> from_values = parse_numbers(from_->text(), bad);
    if (!bad.isEmpty() || from_values.size() > 1) {
        return refuse(from_, tr("Survival from “%1” is not one number").arg(from_->text()));
    }
    const std::optional<double> from =
        from_values.empty() ? std::nullopt : std::optional<double>(from_values.front());
    const double last = lastTime();
    if (from && *from < 0) {
        return refuse(from_, tr("Survival from %1 is negative").arg(number_text(*from)));
    }
    if (from && results_ && !(*from < last)) {
        return refuse(from_, tr("Survival from %1 is not before the last time analysed (%2)")
                                 .arg(number_text(*from), number_text(last)));
    }
    if (cuts.size() > max_hr_cuts) {
        return refuse(cuts_, tr("At most %1 cut points").arg(max_hr_cuts));
    }
    for (std::size_t k = 0; k < cuts.size(); ++k) {
        if (!(cuts[k] > 0)) {
            return refuse(cuts_, tr("Cut point %1 is not positive").arg(number_text(cuts[k])));
        }
        if (k > 0 && !(cuts[k] > cuts[k - 1])) {
            return refuse(cuts_, tr("Cut point %1 is not after %2: give them ascending, each once")
                                     .arg(number_text(cuts[k]), number_text(cuts[k - 1])));
        }
        const double last_after_from = last - from.value_or(0);
        if (results_ && !(cuts[k] < last_after_from)) {
            return refuse(cuts_, tr("Cut point %1 is not before the last time analysed (%2)")
                                     .arg(number_text(cuts[k]), number_text(last_after_from)));
        }
    }
    if (cuts == shown_cuts_ && from == shown_from_) {
        return;
    }
    emit edited(cuts, from);
}

} // namespace triallens::ui
