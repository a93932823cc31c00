#include "panels/km_options_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <optional>

namespace triallens::ui {

namespace {

// The risk-table box's entries; "none" is at_risk_row off.
constexpr int no_table = -1;

QDoubleSpinBox* time_box(const QString& tooltip) {
    auto* box = new QDoubleSpinBox;
    box->setRange(0, 1e7);
    box->setDecimals(3);
    box->setSpecialValueText(QStringLiteral("auto")); // 0: chosen for the data
    box->setKeyboardTracking(false);                  // one repaint per value, not per digit
    box->setToolTip(tooltip);
    return box;
}

std::optional<double> time_value(const QDoubleSpinBox* box) {
    return box->value() > 0 ? std::optional<double>(box->value()) : std::nullopt;
}

} // namespace

KmOptionsPanel::KmOptionsPanel(QWidget* parent)
    : QWidget(parent),
      x_limit_(time_box(tr("Where the time axis ends, in the analysis's time unit; the "
                           "curves and the table stop there (auto: the first tick past the "
                           "data)"))),
      break_by_(time_box(tr("Ticks and table columns every this many time units (auto: "
                            "chosen for the data); thinned to a multiple when the labels "
                            "would not fit"))),
      x_label_(new QLineEdit), y_label_(new QLineEdit), y_scale_(new QComboBox),
      percent_(new QCheckBox(tr("In percent"))), risk_table_(new QComboBox),
      ci_bands_(new QCheckBox(tr("Confidence bands"))),
      median_lines_(new QCheckBox(tr("Median lines"))),
      censor_marks_(new QCheckBox(tr("Censor marks"))),
      events_row_(new QCheckBox(tr("Cumulative events row"))),
      censored_row_(new QCheckBox(tr("Censored row"))),
      kmunicate_(new QPushButton(tr("KMunicate style"))),
      defaults_(new QPushButton(tr("Defaults"))), problem_(new QLabel) {
    y_scale_->addItem(tr("Survival"), static_cast<int>(KmYScale::Survival));
    y_scale_->addItem(tr("Cumulative incidence (1 − S)"), static_cast<int>(KmYScale::Cumulative));
    risk_table_->addItem(tr("None"), no_table);
    risk_table_->addItem(tr("Number at risk"), static_cast<int>(KmRiskTable::AtRisk));
    risk_table_->addItem(tr("At risk (cumulative events)"),
                         static_cast<int>(KmRiskTable::AtRiskEvents));
    risk_table_->addItem(tr("KMunicate: at risk, censored, events"),
                         static_cast<int>(KmRiskTable::Kmunicate));
    x_label_->setClearButtonEnabled(true);
    y_label_->setClearButtonEnabled(true);
    kmunicate_->setToolTip(tr("Morris et al. 2019: confidence bands, no censor marks or median "
                              "lines, and a table of at risk, censored and events per arm"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b00020"));
    problem_->hide();

    auto* form = new QFormLayout(this);
    form->addRow(tr("Time axis ends at"), x_limit_);
    form->addRow(tr("Ticks every"), break_by_);
    form->addRow(tr("Time axis title"), x_label_);
    form->addRow(tr("Y axis"), y_scale_);
    form->addRow(QString(), percent_);
    form->addRow(tr("Y axis title"), y_label_);
    form->addRow(tr("Table"), risk_table_);
    for (QCheckBox* box : {ci_bands_, median_lines_, censor_marks_, events_row_, censored_row_}) {
        form->addRow(QString(), box);
        connect(box, &QCheckBox::toggled, this, &KmOptionsPanel::edited);
    }
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(kmunicate_);
    buttons->addWidget(defaults_);
    buttons->addStretch();
    form->addRow(buttons);
    form->addRow(problem_);

    for (QDoubleSpinBox* box : {x_limit_, break_by_}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, &KmOptionsPanel::edited);
    }
    for (QLineEdit* edit : {x_label_, y_label_}) {
        connect(edit, &QLineEdit::editingFinished, this, &KmOptionsPanel::edited);
    }
    for (QComboBox* box : {y_scale_, risk_table_}) {
        connect(box, &QComboBox::currentIndexChanged, this, &KmOptionsPanel::edited);
    }
    connect(percent_, &QCheckBox::toggled, this, &KmOptionsPanel::edited);
    connect(kmunicate_, &QPushButton::clicked, this,
            [this] { apply(with_kmunicate_style(options())); });
    connect(defaults_, &QPushButton::clicked, this, [this] {
        KmFigureOptions defaults;
        defaults.font_point_size = options_.font_point_size;
        defaults.font_family = options_.font_family;
        defaults.palette = options_.palette;
        apply(defaults);
    });
    showOptions(options_);
}

void KmOptionsPanel::setOptions(const KmFigureOptions& options) {
    showOptions(options);
}

void KmOptionsPanel::setDefaultTimeTitle(const QString& title) {
    x_label_->setPlaceholderText(title);
}

void KmOptionsPanel::showOptions(const KmFigureOptions& options) {
    options_ = options;
    showing_ = true;
    x_limit_->setValue(options.x_limit.value_or(0));
    break_by_->setValue(options.break_by.value_or(0));
    x_label_->setText(options.x_label);
    y_label_->setText(options.y_label);
    y_scale_->setCurrentIndex(y_scale_->findData(static_cast<int>(options.y_scale)));
    percent_->setChecked(options.percent);
    risk_table_->setCurrentIndex(risk_table_->findData(
        options.at_risk_row ? static_cast<int>(options.risk_table) : no_table));
    ci_bands_->setChecked(options.ci_bands);
    median_lines_->setChecked(options.median_lines);
    censor_marks_->setChecked(options.censor_marks);
    events_row_->setChecked(options.events_row);
    censored_row_->setChecked(options.censored_row);
    // The optional rows belong to the per-curve tables; KMunicate has its own.
    const bool rows = options.at_risk_row && options.risk_table != KmRiskTable::Kmunicate;
    events_row_->setEnabled(rows);
    censored_row_->setEnabled(rows);
    kmunicate_->setEnabled(!is_kmunicate_style(options));
    y_label_->setPlaceholderText(km_y_axis_title(options));
    problem_->hide();
    showing_ = false;
}

KmFigureOptions KmOptionsPanel::options() const {
    KmFigureOptions options = options_;
    options.x_limit = time_value(x_limit_);
    options.break_by = time_value(break_by_);
    options.x_label = x_label_->text().trimmed();
    options.y_label = y_label_->text().trimmed();
    options.y_scale = static_cast<KmYScale>(y_scale_->currentData().toInt());
    options.percent = percent_->isChecked();
    const int table = risk_table_->currentData().toInt();
    options.at_risk_row = table != no_table;
    if (table != no_table) {
        options.risk_table = static_cast<KmRiskTable>(table);
    }
    options.ci_bands = ci_bands_->isChecked();
    options.median_lines = median_lines_->isChecked();
    options.censor_marks = censor_marks_->isChecked();
    options.events_row = events_row_->isChecked();
    options.censored_row = censored_row_->isChecked();
    return options;
}

void KmOptionsPanel::edited() {
    if (!showing_) {
        apply(options());
    }
}

void KmOptionsPanel::apply(const KmFigureOptions& options) {
    if (const auto problem = km_options_problem(options)) {
        problem_->setText(*problem);
        problem_->show();
        return;
    }
    showOptions(options);
    emit optionsEdited(options);
}

} // namespace triallens::ui
