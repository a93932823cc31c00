#include "views/methods_view.h"

#include "models/concordance_model.h"
#include "models/ph_test_model.h"
#include "views/fitted_table_view.h"
#include "views/km_figure.h"
#include "views/methods_text.h"

#include <triallens/format/number_format.h>

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace triallens::ui {

namespace {

FittedTableView* make_table(QAbstractItemModel* model, QWidget* parent) {
    auto* table = new FittedTableView(parent);
    table->setModel(model);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    return table;
}

QLabel* caption(const QString& text, QWidget* parent) {
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    label->setContentsMargins(0, 8, 0, 0);
    return label;
}

QLabel* wrapped(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

MethodsView::MethodsView(QWidget* parent)
    : QWidget(parent), concordance_model_(new ConcordanceModel(this)),
      ph_test_model_(new PhTestModel(this)), concordance_table_(nullptr), ph_test_table_(nullptr),
      verdict_(nullptr), ph_test_caption_(nullptr), follow_up_(nullptr), paragraph_(nullptr),
      empty_(new QLabel(tr("No analysis to describe yet"), this)), content_(new QScrollArea(this)) {
    auto* page = new QWidget;
    concordance_table_ = make_table(concordance_model_, page);
    concordance_table_->setToolTip(
        tr("The same data under each method: does the choice change what is reported?"));
    ph_test_table_ = make_table(ph_test_model_, page);
    verdict_ = wrapped(page);
    ph_test_caption_ = caption(tr("Proportional hazards test (cox.zph)"), page);
    follow_up_ = wrapped(page);
    paragraph_ = wrapped(page);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(caption(tr("Does the method matter?"), page));
    layout->addWidget(concordance_table_);
    layout->addWidget(verdict_);
    layout->addWidget(ph_test_caption_);
    layout->addWidget(ph_test_table_);
    layout->addWidget(caption(tr("Median follow-up"), page));
    layout->addWidget(follow_up_);
    layout->addWidget(caption(tr("Methods"), page));
    layout->addWidget(paragraph_);
    layout->addStretch(1);

    QScrollArea* scroll = content_;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    empty_->setAlignment(Qt::AlignCenter);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(scroll, 1);
    outer->addWidget(empty_, 1);
    setResults(nullptr);
}

void MethodsView::setResults(const ResultsPtr& results) {
    results_ = results;
    concordance_model_->setResults(results);
    ph_test_model_->setResults(results);
    content_->setVisible(results != nullptr);
    empty_->setVisible(results == nullptr);
    if (!results) {
        return;
    }
    concordance_table_->fitToContents([this](int row) {
        return concordance_model_
                   ->data(concordance_model_->index(row, 0), ConcordanceModel::RowKindRole)
                   .value<ConcordanceModel::RowKind>() == ConcordanceModel::RowKind::Header;
    });
    concordance_table_->setVisible(concordance_model_->rowCount() > 0);
    const QString verdict = concordance_model_->verdict();
    verdict_->setText(verdict.isEmpty() ? tr("No method comparison for this analysis.") : verdict);

    const bool has_ph_test = ph_test_model_->rowCount() > 0;
    ph_test_caption_->setText(QStringLiteral("<b>%1</b>")
                                  .arg(has_ph_test
                                           ? tr("Proportional hazards test (cox.zph, transform %1)")
                                                 .arg(ph_test_model_->transform())
                                                 .toHtmlEscaped()
                                           : tr("Proportional hazards test: no Cox model")));
    ph_test_table_->setVisible(has_ph_test);
    ph_test_table_->fitColumns();

    if (results->median_follow_up) {
        const QString unit = QString::fromStdString(results->time_unit).toLower();
        const QuantileEstimate& follow_up = *results->median_follow_up;
        const double level =
            results->arms.empty() ? 0.95 : results->arms.front().km.options.conf_level;
        follow_up_->setText(tr("%1%2 (reverse Kaplan–Meier, %3 CI)")
                                .arg(QString::fromStdString(median_ci_text(
                                         follow_up.estimate, follow_up.lower, follow_up.upper,
                                         median_decimals(*results))),
                                     unit.isEmpty() ? QString() : QLatin1Char(' ') + unit,
                                     QString::fromStdString(conf_level_text(level))));
    } else {
        follow_up_->setText(QStringLiteral("—"));
    }
    paragraph_->setText(methods_paragraph(*results));
}

} // namespace triallens::ui
