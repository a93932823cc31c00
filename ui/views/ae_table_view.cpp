#include "views/ae_table_view.h"

#include "models/ae_filter_proxy.h"
#include "models/ae_tree_model.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace triallens::ui {

namespace {

// QCommonStyle widens a sortable section by the heading's full height for
// the sort arrow, which for our four-line headings nearly doubles the count
// columns; the arrow's box is only half the header's height wide
// (SE_HeaderLabel, SE_HeaderArrow), so reserve that and its margins.
class AeHeaderView : public QHeaderView {
public:
    using QHeaderView::QHeaderView;

protected:
    QSize sectionSizeFromContents(int logical_index) const override {
        QSize size = QHeaderView::sectionSizeFromContents(logical_index);
        if (isSortIndicatorShown() && orientation() == Qt::Horizontal) {
            const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
            // Laid out, every section is as tall as the tallest heading.
            int height = size.height();
            for (int section = 0; section < count(); ++section) {
                height = std::max(height, QHeaderView::sectionSizeFromContents(section).height());
            }
            size.rwidth() += height / 2 + 2 * margin - (size.height() + margin);
        }
        return size;
    }
};

} // namespace

AeTableView::AeTableView(QWidget* parent)
    : QWidget(parent), model_(new AeTreeModel(this)), proxy_(new AeFilterProxy(this)),
      treatment_emergent_(new QCheckBox(tr("Treatment-emergent"), this)),
      related_(new QCheckBox(tr("Related"), this)), serious_(new QCheckBox(tr("Serious"), this)),
      minimum_incidence_(new QDoubleSpinBox(this)), tree_(new QTreeView(this)) {
    proxy_->setSourceModel(model_);

    treatment_emergent_->setToolTip(
        tr("Count only treatment-emergent adverse events (TRTEMFL = Y)"));
    related_->setToolTip(tr("Count only adverse events related to study treatment "
                            "(AEREL other than none or not related)"));
    serious_->setToolTip(tr("Count only serious adverse events (AESER = Y)"));

    minimum_incidence_->setRange(0, 100);
    minimum_incidence_->setDecimals(1);
    minimum_incidence_->setSingleStep(1);
    minimum_incidence_->setAccelerated(true);
    minimum_incidence_->setToolTip(tr("Hide preferred terms reported in fewer than this "
                                      "percentage of subjects in every arm"));
    auto* minimum_label = new QLabel(tr("Min. incidence %"), this);
    minimum_label->setBuddy(minimum_incidence_);
    minimum_label->setToolTip(minimum_incidence_->toolTip());

    tree_->setHeader(new AeHeaderView(Qt::Horizontal, tree_));
    tree_->setModel(proxy_);
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->setToolTip(tr("Subjects with each adverse event by system organ class and "
                         "preferred term; click a column heading to sort"));
    // No sort column: rows keep the core's order, most frequent first.
    tree_->header()->setSortIndicator(-1, Qt::DescendingOrder);
    tree_->setSortingEnabled(true);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setToolTip(tr("Click a heading to sort by it; click again to reverse"));

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(treatment_emergent_);
    toolbar->addWidget(related_);
    toolbar->addWidget(serious_);
    toolbar->addSpacing(16);
    toolbar->addWidget(minimum_label);
    toolbar->addWidget(minimum_incidence_);
    toolbar->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(tree_, 1);

    for (QCheckBox* box : {treatment_emergent_, related_, serious_}) {
        connect(box, &QCheckBox::toggled, this, [this] { emit filterChanged(filter()); });
    }
    connect(minimum_incidence_, &QDoubleSpinBox::valueChanged, proxy_,
            &AeFilterProxy::setMinimumIncidence);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        tree_->expandAll();
        resizeColumns();
    });
    // Rows the threshold brings back open expanded; rows the user collapsed stay so.
    connect(proxy_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& inserted_into, int first, int last) {
                if (!inserted_into.isValid()) {
                    for (int row = first; row <= last; ++row) {
                        tree_->expand(proxy_->index(row, 0));
                    }
                }
                resizeColumns();
            });
}

void AeTableView::setTable(std::shared_ptr<const AeTable> table) {
    model_->setTable(std::move(table));
}

AeFilter AeTableView::filter() const {
    AeFilter filter;
    filter.treatment_emergent_only = treatment_emergent_->isChecked();
    filter.related_only = related_->isChecked();
    filter.serious_only = serious_->isChecked();
    return filter;
}

void AeTableView::setFilter(const AeFilter& filter) {
    const QSignalBlocker block_treatment_emergent(treatment_emergent_);
    const QSignalBlocker block_related(related_);
    const QSignalBlocker block_serious(serious_);
    treatment_emergent_->setChecked(filter.treatment_emergent_only);
    related_->setChecked(filter.related_only);
    serious_->setChecked(filter.serious_only);
}

double AeTableView::minimumIncidence() const {
    return minimum_incidence_->value();
}

void AeTableView::setMinimumIncidence(double percent) {
    minimum_incidence_->setValue(percent);
}

void AeTableView::resizeColumns() {
    for (int column = 0; column < proxy_->columnCount(); ++column) {
        tree_->resizeColumnToContents(column);
    }
}

} // namespace triallens::ui
