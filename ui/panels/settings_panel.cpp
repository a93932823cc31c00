#include "panels/settings_panel.h"

#include <triallens/analysis/factor_columns.h>

#include <triallens/data/adam_labels.h>
#include <triallens/data/level_counts.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

QString qt(const std::string& text) {
    return QString::fromStdString(text);
}

// "AGEGR1 — Pooled Age Group 1": the label from the data, else ADaM's.
QString variable_text(const Variable& variable) {
    const std::string label = display_label(variable);
    return label == variable.name() ? qt(variable.name())
                                    : QStringLiteral("%1 — %2").arg(qt(variable.name()), qt(label));
}

// "SEX — Sex: F 53, M 47, missing 2" — what a tooltip says of a column.
QString counts_text(const Variable& variable) {
    const LevelCounts counts = count_levels(variable);
    QStringList parts;
    for (std::size_t i = 0; i < variable.levels().size() && i < counts.subjects.size(); ++i) {
        parts << QStringLiteral("%1 %2").arg(qt(variable.levels()[i])).arg(counts.subjects[i]);
    }
    if (counts.missing > 0) {
        parts << QStringLiteral("missing %1").arg(counts.missing);
    }
    return QStringLiteral("%1: %2").arg(variable_text(variable), parts.join(QStringLiteral(", ")));
}

// "PFS — Progression-free survival: 200 records, 120 events".
QString endpoint_text(const TimeToEvent& endpoint) {
    const auto events =
        std::count(endpoint.event().begin(), endpoint.event().end(), std::uint8_t{1});
    return QStringLiteral("%1 — %2: %3 records, %4 events")
        .arg(qt(endpoint.paramcd()), qt(endpoint.param()))
        .arg(endpoint.size())
        .arg(events);
}

void select_data(QComboBox* box, const QString& data) {
    box->setCurrentIndex(std::max(0, box->findData(data)));
}

void check_names(QListWidget* list, const std::vector<std::string>& names) {
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem* item = list->item(i);
        const std::string name = item->data(Qt::UserRole).toString().toStdString();
        const bool checked = std::find(names.begin(), names.end(), name) != names.end();
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

// Checked names in the order the spec had them, then new ones in list order,
// so ticking a variable adds it at the end as a user would expect.
std::vector<std::string> checked_names(const QListWidget* list,
                                       const std::vector<std::string>& previous) {
    std::vector<std::string> checked;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked) {
            checked.push_back(list->item(i)->data(Qt::UserRole).toString().toStdString());
        }
    }
    std::vector<std::string> ordered;
    for (const auto& name : previous) {
        if (std::find(checked.begin(), checked.end(), name) != checked.end()) {
            ordered.push_back(name);
        }
    }
    for (const auto& name : checked) {
        if (std::find(ordered.begin(), ordered.end(), name) == ordered.end()) {
            ordered.push_back(name);
        }
    }
    return ordered;
}

// "6, 12 24" → {6, 12, 24}; nullopt when any entry is not a non-negative number.
std::optional<std::vector<double>> parse_times(const QString& text) {
    std::vector<double> times;
    for (const QString& part :
         text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = part.toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0) {
            return std::nullopt;
        }
        times.push_back(value);
    }
    return times;
}

QString format_times(const std::vector<double>& times) {
    QStringList parts;
    for (const double time : times) {
        parts << QString::number(time, 'g', 10);
    }
    return parts.join(QStringLiteral(", "));
}

void mark_invalid(QLineEdit* edit, bool invalid) {
    edit->setStyleSheet(invalid ? QStringLiteral("QLineEdit { background: #fde2e2; }") : QString());
}

} // namespace

SettingsPanel::SettingsPanel(QWidget* parent)
    : QWidget(parent), endpoint_(new QComboBox), arm_variable_(new QComboBox),
      reference_(new QComboBox), compare_(new QComboBox), curves_by_(new QComboBox),
      strata_(new QListWidget), subgroups_(new QListWidget), ties_(new QComboBox),
      conf_type_(new QComboBox), conf_level_(new QDoubleSpinBox), time_unit_(new QComboBox),
      landmarks_(new QLineEdit), tau_(new QLineEdit) {
    endpoint_->setToolTip(QStringLiteral("Time-to-event parameter (ADTTE PARAMCD) to analyse"));
    arm_variable_->setToolTip(
        QStringLiteral("The treatment column: its levels are the arms compared (R: the "
                       "right-hand side of Surv(AVAL, 1 - CNSR) ~ arm)"));
    reference_->setToolTip(QStringLiteral("Hazard ratios are of the other arms against this one "
                                          "(R: relevel(arm, ref = ))"));
    compare_->setToolTip(QStringLiteral("The arm the forest plot compares with the reference"));
    curves_by_->setToolTip(QStringLiteral("Draw one Kaplan–Meier curve per arm, or per arm × a "
                                          "variable's levels (R: survfit(… ~ arm + variable))"));
    strata_->setToolTip(QStringLiteral("Stratification factors of the log-rank test and the Cox "
                                       "model (R: + strata(variable) in survdiff and coxph)"));
    subgroups_->setToolTip(QStringLiteral("Variables whose levels are the forest plot's rows"));
    const auto add_choice = [](QComboBox* box, const QString& text, const QString& value,
                               const QString& tip) {
        box->addItem(text, value);
        box->setItemData(box->count() - 1, tip, Qt::ToolTipRole);
    };
    add_choice(ties_, QStringLiteral("Efron"), QStringLiteral("efron"),
               QStringLiteral("Efron's approximation: coxph(ties = \"efron\"), R's default"));
    add_choice(ties_, QStringLiteral("Breslow"), QStringLiteral("breslow"),
               QStringLiteral("Breslow's approximation: coxph(ties = \"breslow\"), SAS PROC "
                              "PHREG's default"));
    add_choice(ties_, QStringLiteral("Exact (SAS DISCRETE)"), QStringLiteral("exact"),
               QStringLiteral("The exact conditional likelihood: coxph(ties = \"exact\"), SAS "
                              "TIES=DISCRETE"));
    ties_->setToolTip(QStringLiteral("How the Cox model handles tied event times: coxph(ties = ); "
                                     "R's default is efron"));
    add_choice(conf_type_, QStringLiteral("log"), QStringLiteral("log"),
               QStringLiteral("Intervals for log S(t): survfit(conf.type = \"log\"), R's default"));
    add_choice(conf_type_, QStringLiteral("log-log"), QStringLiteral("log-log"),
               QStringLiteral("Intervals for log(-log S(t)): survfit(conf.type = \"log-log\"), "
                              "SAS's default"));
    add_choice(conf_type_, QStringLiteral("plain"), QStringLiteral("plain"),
               QStringLiteral("Intervals for S(t) itself: survfit(conf.type = \"plain\")"));
    conf_type_->setToolTip(QStringLiteral("Transform of the Kaplan–Meier confidence intervals and "
                                          "the median's CI: survfit(conf.type = )"));
    conf_level_->setRange(0.5, 0.999);
    conf_level_->setDecimals(3);
    conf_level_->setSingleStep(0.05);
    // R's default, shown before a study (and its spec) arrives.
    conf_level_->setValue(0.95);
    conf_level_->setToolTip(QStringLiteral("Confidence level of every interval: survfit(conf.int "
                                           "= ), confint(coxph, level = )"));
    add_choice(time_unit_, QStringLiteral("as recorded"), QString(),
               QStringLiteral("The times as the data hold them (ADTTE AVALU)"));
    for (const char* unit : {"days", "weeks", "months", "years"}) {
        add_choice(time_unit_, QString::fromLatin1(unit), QString::fromLatin1(unit),
                   QStringLiteral("Times converted to %1").arg(QString::fromLatin1(unit)));
    }
    time_unit_->setToolTip(QStringLiteral("Unit of the time axis, landmarks and RMST horizon "
                                          "(a month is 30.4375 days, a year 365.25)"));
    landmarks_->setPlaceholderText(QStringLiteral("e.g. 6, 12, 24"));
    landmarks_->setToolTip(QStringLiteral("Times at which survival is reported, in the time unit, "
                                          "separated by commas or spaces (R: summary(fit, times "
                                          "= ))"));
    tau_->setPlaceholderText(QStringLiteral("none"));
    tau_->setToolTip(QStringLiteral("Horizon of the restricted mean survival time, in the time "
                                    "unit; empty for none (R: print(fit, rmean = tau))"));
    for (QListWidget* list : {strata_, subgroups_}) {
        list->setMaximumHeight(120);
    }

    auto* form = new QFormLayout(this);
    form->addRow(QStringLiteral("Endpoint"), endpoint_);
    form->addRow(QStringLiteral("Treatment"), arm_variable_);
    form->addRow(QStringLiteral("Reference arm"), reference_);
    form->addRow(QStringLiteral("Compared arm"), compare_);
    form->addRow(QStringLiteral("Curves by"), curves_by_);
    form->addRow(QStringLiteral("Strata"), strata_);
    form->addRow(QStringLiteral("Subgroups"), subgroups_);
    form->addRow(QStringLiteral("Ties"), ties_);
    form->addRow(QStringLiteral("CI transform"), conf_type_);
    form->addRow(QStringLiteral("CI level"), conf_level_);
    form->addRow(QStringLiteral("Time unit"), time_unit_);
    form->addRow(QStringLiteral("Landmarks"), landmarks_);
    form->addRow(QStringLiteral("RMST horizon"), tau_);

    for (QComboBox* box :
         {endpoint_, reference_, compare_, curves_by_, ties_, conf_type_, time_unit_}) {
        connect(box, &QComboBox::currentIndexChanged, this, &SettingsPanel::edited);
    }
    connect(arm_variable_, &QComboBox::currentIndexChanged, this, [this] {
        if (showing_) {
            return;
        }
        // A new treatment column has other arms: take its defaults.
        showing_ = true;
        fillArms(arm_variable_->currentData().toString().toStdString());
        reference_->setCurrentIndex(0);
        compare_->setCurrentIndex(reference_->count() > 1 ? 1 : 0);
        showing_ = false;
        edited();
    });
    for (QListWidget* list : {strata_, subgroups_}) {
        connect(list, &QListWidget::itemChanged, this, &SettingsPanel::edited);
    }
    connect(conf_level_, &QDoubleSpinBox::editingFinished, this, &SettingsPanel::edited);
    for (QLineEdit* edit : {landmarks_, tau_}) {
        connect(edit, &QLineEdit::editingFinished, this, &SettingsPanel::edited);
    }
}

void SettingsPanel::setStudy(std::shared_ptr<const Study> study, const AnalysisSpec& spec) {
    study_ = std::move(study);
    showing_ = true;
    endpoint_->clear();
    arm_variable_->clear();
    curves_by_->clear();
    strata_->clear();
    subgroups_->clear();
    curves_by_->addItem(QStringLiteral("arm"), QString());
    curves_by_->setItemData(0, QStringLiteral("One curve per arm"), Qt::ToolTipRole);
    for (const auto& endpoint : study_->endpoints) {
        const QString code = qt(endpoint.paramcd());
        endpoint_->addItem(QStringLiteral("%1 — %2").arg(code, qt(endpoint.param())), code);
        endpoint_->setItemData(endpoint_->count() - 1, endpoint_text(endpoint), Qt::ToolTipRole);
    }
    for (const Variable& variable : study_->subjects.variables()) {
        if (is_factor(variable)) {
            const QString name = qt(variable.name());
            arm_variable_->addItem(name, name);
            arm_variable_->setItemData(arm_variable_->count() - 1, counts_text(variable),
                                       Qt::ToolTipRole);
        }
    }
    // Strata, subgroups and curves by: the factors with two levels or more,
    // the treatment columns and identifiers left out.
    for (const std::string& column : factor_columns(*study_)) {
        const Variable& variable = *study_->subjects.find(column);
        const QString name = qt(variable.name());
        const QString counts = counts_text(variable);
        curves_by_->addItem(QStringLiteral("arm × %1").arg(name), name);
        curves_by_->setItemData(curves_by_->count() - 1,
                                QStringLiteral("One curve per arm and level of %1").arg(counts),
                                Qt::ToolTipRole);
        for (QListWidget* list : {strata_, subgroups_}) {
            auto* item = new QListWidgetItem(variable_text(variable), list);
            item->setToolTip(counts);
            item->setData(Qt::UserRole, name);
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
            item->setCheckState(Qt::Unchecked);
        }
    }
    show(spec);
    showing_ = false;
}

void SettingsPanel::fillArms(const std::string& arm_variable) {
    reference_->clear();
    compare_->clear();
    const Variable* arm = study_ ? study_->subjects.find(arm_variable) : nullptr;
    if (arm == nullptr) {
        return;
    }
    const LevelCounts counts = count_levels(*arm);
    for (std::size_t i = 0; i < arm->levels().size(); ++i) {
        const QString level = qt(arm->levels()[i]);
        const QString tip = QStringLiteral("%1 = %2: %3 subjects")
                                .arg(qt(arm->name()), level)
                                .arg(counts.subjects[i]);
        for (QComboBox* box : {reference_, compare_}) {
            box->addItem(level, level);
            box->setItemData(box->count() - 1, tip, Qt::ToolTipRole);
        }
    }
}

void SettingsPanel::setSpec(const AnalysisSpec& spec) {
    showing_ = true;
    show(spec);
    showing_ = false;
}

void SettingsPanel::show(const AnalysisSpec& spec) {
    spec_ = spec;
    select_data(endpoint_, qt(spec.paramcd));
    select_data(arm_variable_, qt(spec.arm_variable));
    fillArms(spec.arm_variable);
    select_data(reference_, qt(spec.reference_arm));
    if (spec.compare_arm.empty()) {
        // The first arm that is not the reference, as the engine would take.
        compare_->setCurrentIndex(reference_->currentIndex() == 0 && compare_->count() > 1 ? 1 : 0);
    } else {
        select_data(compare_, qt(spec.compare_arm));
    }
    select_data(curves_by_, qt(spec.curves_by));
    check_names(strata_, spec.strata);
    check_names(subgroups_, spec.subgroups);
    select_data(ties_, QString::fromLatin1(ties_name(spec.ties)));
    select_data(conf_type_, QString::fromLatin1(conf_type_name(spec.km.conf_type)));
    conf_level_->setValue(spec.km.conf_level);
    select_data(time_unit_, qt(spec.time_unit));
    landmarks_->setText(format_times(spec.landmarks));
    tau_->setText(spec.tau ? QString::number(*spec.tau, 'g', 10) : QString());
    mark_invalid(landmarks_, false);
    mark_invalid(tau_, false);
}

AnalysisSpec SettingsPanel::spec() const {
    AnalysisSpec spec = spec_;
    spec.paramcd = endpoint_->currentData().toString().toStdString();
    spec.arm_variable = arm_variable_->currentData().toString().toStdString();
    spec.reference_arm = reference_->currentData().toString().toStdString();
    const std::string compare = compare_->currentData().toString().toStdString();
    spec.compare_arm = compare == spec.reference_arm ? std::string() : compare;
    spec.curves_by = curves_by_->currentData().toString().toStdString();
    spec.strata = checked_names(strata_, spec_.strata);
    spec.subgroups = checked_names(subgroups_, spec_.subgroups);
    spec.ties = ties_from_name(ties_->currentData().toString().toStdString()).value_or(Ties::Efron);
    spec.km.conf_type = conf_type_from_name(conf_type_->currentData().toString().toStdString())
                            .value_or(ConfType::Log);
    spec.km.conf_level = conf_level_->value();
    spec.time_unit = time_unit_->currentData().toString().toStdString();
    if (const auto landmarks = parse_times(landmarks_->text())) {
        spec.landmarks = *landmarks;
    }
    const QString tau = tau_->text().trimmed();
    if (tau.isEmpty()) {
        spec.tau.reset();
    } else if (bool ok = false; tau.toDouble(&ok) > 0 && ok) {
        spec.tau = tau.toDouble();
    }
    return spec;
}

void SettingsPanel::edited() {
    if (showing_) {
        return;
    }
    // A time list or horizon being typed that does not parse is marked and
    // not applied, so the analysis never runs on half an entry.
    const bool bad_landmarks = !parse_times(landmarks_->text());
    bool tau_ok = false;
    const QString tau = tau_->text().trimmed();
    const bool bad_tau = !tau.isEmpty() && !(tau.toDouble(&tau_ok) > 0 && tau_ok);
    mark_invalid(landmarks_, bad_landmarks);
    mark_invalid(tau_, bad_tau);
    if (bad_landmarks || bad_tau) {
        return;
    }
    const AnalysisSpec next = spec();
    if (next == spec_) {
        return;
    }
    spec_ = next;
    emit specEdited(next);
}

} // namespace triallens::ui
