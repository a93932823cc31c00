#include "panels/baseline_panel.h"

#include "models/baseline_model.h"
#include "models/baseline_variable_choices.h"
#include "models/disposition_model.h"
#include "panels/baseline_variables_dialog.h"
#include "views/disposition_flow_view.h"
#include "views/fitted_table_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace triallens::ui {

namespace {

FittedTableView* make_table(QAbstractItemModel* model, const QString& name) {
    auto* table = new FittedTableView;
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

QLabel* footnote_label() {
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

BaselinePanel::BaselinePanel(QWidget* parent)
    : QWidget(parent), model_(new BaselineModel(this)),
      disposition_model_(new DispositionModel(this)),
      table_(make_table(model_, QStringLiteral("baselineTable"))),
      disposition_table_(make_table(disposition_model_, QStringLiteral("dispositionTable"))),
      flow_(new DispositionFlowView), variables_(new QPushButton(tr("&Variables…"))),
      quantile_type_(new QComboBox), p_values_(new QCheckBox(tr("&p-values"))),
      footnote_(footnote_label()), disposition_footnote_(footnote_label()), empty_(new QLabel),
      content_(new QWidget) {
    variables_->setToolTip(tr("Choose the variables Table 1 summarises, and their order"));
    quantile_type_->addItem(tr("Type 2 (SAS)"), 2);
    quantile_type_->addItem(tr("Type 7 (R)"), 7);
    quantile_type_->setToolTip(tr("How the median and quartiles are computed: type 2 as SAS "
                                  "and tern (R's quantile(type = 2)), type 7 as R's default"));
    p_values_->setToolTip(tr("Test each variable for a difference between the arms: "
                             "Kruskal–Wallis, or chi-square / Fisher's exact test"));
    auto* quantile_label = new QLabel(tr("&Quantiles"));
    quantile_label->setBuddy(quantile_type_);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(variables_);
    toolbar->addSpacing(16);
    toolbar->addWidget(quantile_label);
    toolbar->addWidget(quantile_type_);
    toolbar->addSpacing(16);
    toolbar->addWidget(p_values_);
    toolbar->addStretch();

    auto* content_layout = new QVBoxLayout(content_);
    content_layout->addLayout(toolbar);
    content_layout->addWidget(empty_);
    content_layout->addWidget(new QLabel(tr("<b>Baseline characteristics</b>")));
    content_layout->addWidget(table_);
    content_layout->addWidget(footnote_);
    content_layout->addSpacing(12);
    content_layout->addWidget(new QLabel(tr("<b>Disposition of patients</b>")));
    content_layout->addWidget(disposition_table_);
    content_layout->addWidget(disposition_footnote_);
    content_layout->addWidget(flow_);
    content_layout->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content_);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);

    connect(variables_, &QPushButton::clicked, this, &BaselinePanel::chooseVariables);
    connect(quantile_type_, &QComboBox::activated, this, [this] {
        BaselineSpec next = spec_;
        next.quantile_type = quantile_type_->currentData().toInt();
        edit(next);
    });
    connect(p_values_, &QCheckBox::clicked, this, [this](bool checked) {
        BaselineSpec next = spec_;
        next.p_values = checked;
        edit(next);
    });
    setResults(nullptr);
}

void BaselinePanel::setStudy(const std::shared_ptr<const Study>& study) {
    study_ = study;
    defaults_.clear();
    if (study_) {
        for (const std::string& name : default_baseline_variables(*study_)) {
            defaults_ << QString::fromStdString(name);
        }
    }
}

void BaselinePanel::setSpec(const BaselineSpec& spec) {
    spec_ = spec;
    const int index = quantile_type_->findData(spec.quantile_type);
    quantile_type_->setCurrentIndex(index >= 0 ? index : 0);
    p_values_->setChecked(spec.p_values);
}

void BaselinePanel::setResults(const ResultsPtr& results) {
    model_->setResults(results);
    disposition_model_->setResults(results);
    flow_->setResults(results);
    const BaselineTable* table = model_->table();
    // The choices stay: a variable chosen may be what the table could not take.
    const bool any = table != nullptr || disposition_model_->disposition() != nullptr;
    empty_->setVisible(!any);
    table_->setVisible(table != nullptr);
    if (!any) {
        empty_->setText(
            results && !results->baseline_error.empty()
                ? tr("No baseline table: %1").arg(QString::fromStdString(results->baseline_error))
                : tr("No baseline table for these data"));
    }
    footnote_->setText(table ? baseline_footnotes(*table).join(QLatin1Char(' ')) : QString());
    const Disposition* disposition = disposition_model_->disposition();
    disposition_footnote_->setText(
        disposition ? disposition_footnotes(*disposition).join(QLatin1Char(' ')) : QString());
    disposition_table_->setVisible(disposition != nullptr);
    flow_->setVisible(disposition != nullptr);
    table_->fitColumns();
    disposition_table_->fitColumns();
}

void BaselinePanel::setFigureOptions(const KmFigureOptions& options) {
    flow_->setOptions(options);
}

QStringList BaselinePanel::shownVariables() const {
    if (spec_.variables.empty()) {
        return defaults_;
    }
    QStringList names;
    for (const std::string& name : spec_.variables) {
        names << QString::fromStdString(name);
    }
    return names;
}

void BaselinePanel::chooseVariables() {
    if (!study_ || dialog_) {
        return;
    }
    dialog_ = new BaselineVariablesDialog(baseline_variable_choices(*study_), shownVariables(),
                                          defaults_, this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::accepted, this, [this] {
        BaselineSpec next = spec_;
        next.variables.clear();
        // The defaults stay "the defaults" (no list), so they follow the study.
        if (!dialog_->isDefaults()) {
            for (const QString& name : dialog_->variables()) {
                next.variables.push_back(name.toStdString());
            }
        }
        edit(next);
    });
    dialog_->open();
}

void BaselinePanel::edit(const BaselineSpec& spec) {
    if (spec == spec_) {
        return;
    }
    emit specEdited(spec);
}

} // namespace triallens::ui
