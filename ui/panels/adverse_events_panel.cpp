#include "panels/adverse_events_panel.h"

#include "models/ae_overview_model.h"
#include "models/ae_tree_model.h"
#include "views/ae_figure_view.h"
#include "views/ae_table_view.h"
#include "views/grouped_header_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace triallens::ui {

AdverseEventsPanel::AdverseEventsPanel(AeTableView* table_view, QWidget* parent)
    : QWidget(parent), table_view_(table_view), overview_model_(new AeOverviewModel(this)),
      overview_view_(new QTableView), overview_notes_(new QLabel), figure_view_(new AeFigureView),
      stack_(new QStackedWidget), page_box_(new QComboBox),
      exposure_(new QCheckBox(tr("Exposure-adjusted"))),
      threshold_label_(new QLabel(tr("Incidence \u2265"))), threshold_(new QDoubleSpinBox),
      top_label_(new QLabel(tr("or top"))), top_(new QSpinBox), scale_(new QComboBox),
      compared_label_(new QLabel(tr("Compared arm"))), compared_(new QComboBox) {
    setObjectName(QStringLiteral("adverseEventsPanel"));
    page_box_->setObjectName(QStringLiteral("aeViewBox"));
    page_box_->addItem(tr("AE table"), static_cast<int>(Page::Table));
    page_box_->addItem(tr("Overview"), static_cast<int>(Page::Overview));
    page_box_->addItem(tr("Dot plot"), static_cast<int>(Page::DotPlot));
    page_box_->addItem(tr("Volcano plot"), static_cast<int>(Page::Volcano));
    page_box_->setToolTip(tr("The AE table, the safety overview, or a figure comparing the "
                             "arms term by term"));
    exposure_->setObjectName(QStringLiteral("aeExposureAdjusted"));
    threshold_->setRange(0, 100);
    threshold_->setDecimals(1);
    threshold_->setValue(AeFigureOptions{}.threshold_percent);
    threshold_->setSuffix(QStringLiteral(" %"));
    threshold_->setToolTip(tr("Show the preferred terms reported in at least this percentage "
                              "of some arm's subjects"));
    threshold_label_->setBuddy(threshold_);
    top_->setRange(0, 200);
    top_->setSpecialValueText(tr("all"));
    top_->setToolTip(tr("Show instead the N most frequent preferred terms (\"all\": use the "
                        "threshold)"));
    top_label_->setBuddy(top_);
    scale_->addItem(tr("Risk difference"), static_cast<int>(AeRiskScale::Difference));
    scale_->addItem(tr("Relative risk (log)"), static_cast<int>(AeRiskScale::Ratio));
    scale_->setToolTip(tr("The right panel: the risk difference or the relative risk of the "
                          "compared arm against the reference"));
    compared_->setToolTip(tr("The arm compared with the reference in the figures"));
    compared_label_->setBuddy(compared_);

    overview_view_->setObjectName(QStringLiteral("aeOverviewTable"));
    overview_view_->setModel(overview_model_);
    auto* header =
        new GroupedHeaderView(AeOverviewModel::GroupRole, AeOverviewModel::GroupColourRole);
    overview_view_->setHorizontalHeader(header);
    overview_view_->verticalHeader()->hide();
    overview_view_->setAlternatingRowColors(true);
    overview_view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    overview_view_->setWordWrap(false);
    overview_notes_->setObjectName(QStringLiteral("aeOverviewNotes"));
    overview_notes_->setWordWrap(true);
    overview_notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* overview_page = new QWidget;
    auto* overview_layout = new QVBoxLayout(overview_page);
    overview_layout->addWidget(overview_view_, 1);
    overview_layout->addWidget(overview_notes_);

    stack_->addWidget(table_view_);
    stack_->addWidget(overview_page);
    stack_->addWidget(figure_view_);

    auto* choices = new QHBoxLayout;
    choices->setContentsMargins(6, 4, 6, 0);
    auto* label = new QLabel(tr("&View:"));
    label->setBuddy(page_box_);
    choices->addWidget(label);
    choices->addWidget(page_box_);
    choices->addWidget(exposure_);
    choices->addWidget(threshold_label_);
    choices->addWidget(threshold_);
    choices->addWidget(top_label_);
    choices->addWidget(top_);
    choices->addWidget(scale_);
    choices->addWidget(compared_label_);
    choices->addWidget(compared_);
    choices->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(choices);
    layout->addWidget(stack_, 1);

    for (QComboBox* box : {page_box_, scale_, compared_}) {
        connect(box, &QComboBox::currentIndexChanged, this, &AdverseEventsPanel::choicesChanged);
    }
    connect(threshold_, &QDoubleSpinBox::valueChanged, this, &AdverseEventsPanel::choicesChanged);
    connect(top_, &QSpinBox::valueChanged, this, &AdverseEventsPanel::choicesChanged);
    connect(exposure_, &QCheckBox::toggled, this, [this](bool on) {
        overview_model_->setExposureAdjusted(on);
        table_view_->model()->setExposureAdjusted(on);
    });
    connect(overview_model_, &QAbstractItemModel::modelReset, this, [this] {
        overview_notes_->setText(
            overview_model_->overview()
                ? overview_model_->notes().join(u'\n')
                : tr("No safety overview: the study has no adverse-event data the overview "
                     "can be made from."));
        overview_view_->resizeColumnsToContents();
        // An arm's heading wraps at its spaces; no word of it is cut.
        if (auto* grouped = qobject_cast<GroupedHeaderView*>(overview_view_->horizontalHeader())) {
            grouped->widenGroupsToWords();
        }
        overview_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    });
    connect(figure_view_, &AeFigureView::termClicked, this, &AdverseEventsPanel::showTerm);
    updateExposure();
    fillCompared();
    choicesChanged();
}

void AdverseEventsPanel::setAdverseEvents(const std::shared_ptr<const AeTable>& table,
                                          const std::shared_ptr<const AeOverview>& overview) {
    table_ = table;
    // The figures draw from Results; until the refit's own arrive (or when
    // the survival analysis cannot be made), one holding the AE table alone.
    auto results = std::make_shared<Results>();
    if (table) {
        results->adverse_events = *table;
    }
    if (overview) {
        results->ae_overview = *overview;
    }
    figure_results_ = std::move(results);
    figure_view_->setResults(figure_results_);
    overview_model_->setOverview(overview, table);
    updateExposure();
    fillCompared();
}

void AdverseEventsPanel::setResults(const ResultsPtr& results) {
    if (results && results->adverse_events) {
        figure_results_ = results;
        figure_view_->setResults(results);
    }
}

void AdverseEventsPanel::setFigureOptions(const KmFigureOptions& options) {
    figure_view_->setOptions(options);
}

AdverseEventsPanel::Page AdverseEventsPanel::page() const {
    return static_cast<Page>(page_box_->currentData().toInt());
}

void AdverseEventsPanel::setPage(Page page) {
    page_box_->setCurrentIndex(page_box_->findData(static_cast<int>(page)));
}

bool AdverseEventsPanel::exposureAdjusted() const {
    return exposure_->isEnabled() && exposure_->isChecked();
}

AeFigure AdverseEventsPanel::figure() const {
    return figure_view_->figure();
}

AeFigureOptions AdverseEventsPanel::figureOptions() const {
    AeFigureOptions options;
    options.threshold_percent = threshold_->value();
    options.top_n = top_->value();
    options.scale = static_cast<AeRiskScale>(scale_->currentData().toInt());
    options.compared_arm = compared_->count() > 0 ? compared_->currentData().toInt() : -1;
    return options;
}

void AdverseEventsPanel::updateExposure() {
    const bool has = overview_model_->hasExposure();
    exposure_->setEnabled(has);
    if (!has) {
        const QSignalBlocker block(exposure_);
        exposure_->setChecked(false);
    }
    exposure_->setToolTip(has ? tr("Add each arm's subjects with the event per 100 "
                                   "patient-years of treatment, with exact Poisson CIs, to the "
                                   "overview and the AE table")
                              : overview_model_->noExposureReason());
}

// The compared arm by name, so a refit that keeps the arms keeps the choice.
void AdverseEventsPanel::fillCompared() {
    const QString chosen = compared_->currentText();
    const QSignalBlocker block(compared_);
    compared_->clear();
    if (table_ && table_->reference_arm) {
        for (std::size_t arm = 0; arm < table_->arms.size(); ++arm) {
            if (arm != *table_->reference_arm) {
                compared_->addItem(
                    tr("%1 vs %2")
                        .arg(QString::fromStdString(table_->arms[arm]),
                             QString::fromStdString(table_->arms[*table_->reference_arm])),
                    static_cast<int>(arm));
            }
        }
    }
    compared_->setCurrentIndex(std::max(0, compared_->findText(chosen)));
    choicesChanged();
}

void AdverseEventsPanel::choicesChanged() {
    const Page shown = page();
    const bool dot = shown == Page::DotPlot;
    const bool figure = dot || shown == Page::Volcano;
    stack_->setCurrentIndex(shown == Page::Table ? 0 : shown == Page::Overview ? 1 : 2);
    exposure_->setVisible(!figure);
    for (QWidget* widget :
         std::initializer_list<QWidget*>{threshold_label_, threshold_, top_label_, top_, scale_}) {
        widget->setVisible(dot);
    }
    threshold_->setEnabled(top_->value() == 0);
    const bool choice = compared_->count() > 1;
    compared_->setVisible(figure && choice);
    compared_label_->setVisible(figure && choice);
    if (figure) {
        figure_view_->setFigure(dot ? AeFigure::DotPlot : AeFigure::Volcano);
    }
    figure_view_->setAeOptions(figureOptions());
}

void AdverseEventsPanel::showTerm(const QString& term) {
    table_view_->showOnlyTerm(term);
    setPage(Page::Table);
    emit statusMessage(
        tr("AE table filtered to %1; clear \"Find term\" to show every term.").arg(term));
}

} // namespace triallens::ui
