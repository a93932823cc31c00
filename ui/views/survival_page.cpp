#include "views/survival_page.h"

#include "models/landmark_model.h"
#include "views/km_chart_view.h"
#include "views/population_chip.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace triallens::ui {

SurvivalPage::SurvivalPage(QWidget* parent)
    : QWidget(parent), chip_(new PopulationChip), breadcrumb_(new QLabel),
      km_view_(new KmChartView), landmark_model_(new LandmarkModel(this)),
      landmark_table_(new QTableView) {
    breadcrumb_->setToolTip(QStringLiteral("Click a forest row to see its subgroup's curves"));
    breadcrumb_->setTextFormat(Qt::RichText);
    breadcrumb_->setText(QStringLiteral("All patients"));
    connect(breadcrumb_, &QLabel::linkActivated, this, &SurvivalPage::allPatientsRequested);

    landmark_table_->setObjectName(QStringLiteral("landmarkTable"));
    landmark_table_->setModel(landmark_model_);
    landmark_table_->verticalHeader()->hide();
    landmark_table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    landmark_table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    landmark_table_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    landmark_table_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(chip_, 0, Qt::AlignLeft);
    layout->addWidget(breadcrumb_);
    layout->addWidget(km_view_, 1);
    layout->addWidget(landmark_table_);
}

void SurvivalPage::setResults(const ResultsPtr& results) {
    chip_->setResults(results);
    km_view_->setResults(results);
    landmark_model_->setResults(results);
    landmark_table_->setVisible(landmark_model_->hasEstimates());
    if (!results || !results->focus) {
        breadcrumb_->setText(QStringLiteral("All patients"));
        return;
    }
    breadcrumb_->setText(
        QStringLiteral("<a href=\"all\">All patients</a> ▸ %1 = %2")
            .arg(QString::fromStdString(variable_label(*results, results->focus->variable))
                     .toHtmlEscaped(),
                 QString::fromStdString(results->focus->level).toHtmlEscaped()));
}

} // namespace triallens::ui
