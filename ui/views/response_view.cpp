#include "views/response_view.h"

#include "models/best_response_model.h"
#include "models/response_model.h"
#include "views/fitted_table_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace triallens::ui {

namespace {

FittedTableView* make_table(QAbstractItemModel* model, QWidget* parent) {
    auto* table = new FittedTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

} // namespace

ResponseView::ResponseView(QWidget* parent)
    : QWidget(parent), model_(new ResponseModel(this)), best_model_(new BestResponseModel(this)),
      rate_interval_(new QComboBox(this)), difference_interval_(new QComboBox(this)),
      rate_table_(nullptr), best_table_(nullptr),
      empty_(new QLabel(tr("No ADRS best overall response in this study"), this)),
      content_(new QWidget(this)) {
    for (const auto interval :
         {ResponseModel::RateInterval::ClopperPearson, ResponseModel::RateInterval::Wilson,
          ResponseModel::RateInterval::Jeffreys}) {
        rate_interval_->addItem(ResponseModel::rateIntervalName(interval),
                                QVariant::fromValue(interval));
    }
    for (const auto interval : {ResponseModel::DifferenceInterval::MiettinenNurminen,
                                ResponseModel::DifferenceInterval::Newcombe}) {
        difference_interval_->addItem(ResponseModel::differenceIntervalName(interval),
                                      QVariant::fromValue(interval));
    }
    rate_interval_->setToolTip(tr("Confidence interval of each arm's rate: Clopper–Pearson "
                                  "(exact, binom.test), Wilson (score, prop.test without "
                                  "continuity correction) or Jeffreys (beta quantiles)"));
    difference_interval_->setToolTip(tr("Confidence interval of the difference in rates: "
                                        "Miettinen–Nurminen (score; SAS RISKDIFF(CL=MN)) or "
                                        "Newcombe (hybrid score)"));
    auto* rate_label = new QLabel(tr("Rate CI"), content_);
    rate_label->setBuddy(rate_interval_);
    auto* difference_label = new QLabel(tr("Difference CI"), content_);
    difference_label->setBuddy(difference_interval_);

    rate_table_ = make_table(model_, content_);
    rate_table_->setToolTip(tr("Best overall response from ADRS PARAMCD BOR; subjects without "
                               "a BOR record count as non-responders"));
    best_table_ = make_table(best_model_, content_);
    auto* best_caption = new QLabel(tr("<b>Best overall response</b>"), content_);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(rate_label);
    toolbar->addWidget(rate_interval_);
    toolbar->addSpacing(16);
    toolbar->addWidget(difference_label);
    toolbar->addWidget(difference_interval_);
    toolbar->addStretch();

    auto* content_layout = new QVBoxLayout(content_);
    content_layout->setContentsMargins(0, 0, 0, 0);
    content_layout->addLayout(toolbar);
    content_layout->addWidget(rate_table_);
    content_layout->addSpacing(8);
    content_layout->addWidget(best_caption);
    content_layout->addWidget(best_table_);
    content_layout->addStretch(1);

    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(content_, 1);
    layout->addWidget(empty_, 1);

    connect(rate_interval_, &QComboBox::currentIndexChanged, this, [this] {
        model_->setRateInterval(rate_interval_->currentData().value<ResponseModel::RateInterval>());
        layoutTables();
    });
    connect(difference_interval_, &QComboBox::currentIndexChanged, this, [this] {
        model_->setDifferenceInterval(
            difference_interval_->currentData().value<ResponseModel::DifferenceInterval>());
        layoutTables();
    });
    setResults(nullptr);
}

void ResponseView::setResults(const ResultsPtr& results) {
    model_->setResults(results);
    best_model_->setResults(results);
    const bool any = model_->hasResponses();
    content_->setVisible(any);
    empty_->setVisible(!any);
    if (any) {
        layoutTables();
    }
}

// Header rows span the table; CMH columns show only with strata.
void ResponseView::layoutTables() {
    rate_table_->setColumnHidden(ResponseModel::CmhOddsRatioColumn, !model_->hasCmh());
    rate_table_->setColumnHidden(ResponseModel::CmhPColumn, !model_->hasCmh());
    rate_table_->fitToContents([this](int row) {
        return model_->data(model_->index(row, 0), ResponseModel::RowKindRole)
                   .value<ResponseModel::RowKind>() == ResponseModel::RowKind::Header;
    });
    best_table_->fitColumns();
}

} // namespace triallens::ui
