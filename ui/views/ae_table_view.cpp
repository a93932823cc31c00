#include "views/ae_table_view.h"

#include "models/ae_filter_proxy.h"
#include "models/ae_tree_model.h"
#include "views/frozen_column_tree_view.h"
#include "views/grouped_header_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace triallens::ui {

namespace {

bool is_count(AeTreeModel::ColumnKind kind) {
    return kind == AeTreeModel::ColumnKind::AnyGrade ||
           kind == AeTreeModel::ColumnKind::Grade3Plus ||
           kind == AeTreeModel::ColumnKind::ExposureRate;
}

} // namespace

AeTableView::AeTableView(QWidget* parent)
    : QWidget(parent), model_(new AeTreeModel(this)), proxy_(new AeFilterProxy(this)),
      treatment_emergent_(new QCheckBox(tr("Treatment-emergent"), this)),
      related_(new QCheckBox(tr("Related"), this)), serious_(new QCheckBox(tr("Serious"), this)),
      minimum_incidence_(new QDoubleSpinBox(this)), arms_shown_(new QComboBox(this)),
      term_search_(new QLineEdit(this)), arms_shown_label_(new QLabel(tr("Arms shown"), this)),
      grade_note_(new QLabel(this)), tree_(new FrozenColumnTreeView(this)),
      header_(new GroupedHeaderView(AeTreeModel::GroupRole, AeTreeModel::GroupColourRole)) {
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

    // Long arm names must not widen the window: the list opens as wide as
    // its items need.
    arms_shown_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    arms_shown_->setMinimumContentsLength(14);
    arms_shown_->setToolTip(tr("Show every arm, or one compared arm beside the reference "
                               "with their risk difference (this view only: not saved, "
                               "not exported)"));
    term_search_->setObjectName(QStringLiteral("aeTermSearch"));
    term_search_->setPlaceholderText(tr("Find term"));
    term_search_->setClearButtonEnabled(true);
    term_search_->setToolTip(tr("Show only the preferred terms whose name holds this text"));
    term_search_->setMaximumWidth(fontMetrics().averageCharWidth() * 28);
    arms_shown_label_->setBuddy(arms_shown_);
    arms_shown_label_->setToolTip(arms_shown_->toolTip());
    grade_note_->setToolTip(tr("Which ADAE column graded the events, and what the severe "
                               "column counts"));
    grade_note_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Sorting set up before the model so the frozen term column's header
    // takes it over (frozen_column_tree_view.h).
    tree_->setHeader(header_);
    auto* frozen_header =
        new GroupedHeaderView(AeTreeModel::GroupRole, AeTreeModel::GroupColourRole);
    frozen_header->setHeightSource(header_);
    tree_->frozenView()->setHeader(frozen_header);
    tree_->setAlternatingRowColors(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->setTextElideMode(Qt::ElideRight);
    // No sort column: rows keep the core's order, most frequent first.
    header_->setSortIndicator(-1, Qt::DescendingOrder);
    tree_->setSortingEnabled(true);
    header_->setStretchLastSection(false);
    header_->setToolTip(tr("Click a heading to sort by it; click again to reverse"));
    tree_->setToolTip(tr("Subjects with each adverse event by system organ class and "
                         "preferred term; click a column heading to sort"));
    tree_->setModel(proxy_);
    tree_->frozenView()->setToolTip(tree_->toolTip());
    tree_->viewport()->installEventFilter(this);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(treatment_emergent_);
    toolbar->addWidget(related_);
    toolbar->addWidget(serious_);
    toolbar->addSpacing(16);
    toolbar->addWidget(minimum_label);
    toolbar->addWidget(minimum_incidence_);
    toolbar->addSpacing(16);
    toolbar->addWidget(arms_shown_label_);
    toolbar->addWidget(arms_shown_, 1); // up to its longest item, from fillArmsShown()
    toolbar->addStretch();
    toolbar->addWidget(term_search_);

    // Under the table, as the exported table's note.
    grade_note_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(tree_, 1);
    layout->addWidget(grade_note_);

    for (QCheckBox* box : {treatment_emergent_, related_, serious_}) {
        connect(box, &QCheckBox::toggled, this, [this] { emit filterChanged(filter()); });
    }
    connect(minimum_incidence_, &QDoubleSpinBox::valueChanged, proxy_,
            &AeFilterProxy::setMinimumIncidence);
    connect(arms_shown_, &QComboBox::currentIndexChanged, this, &AeTableView::showChosenArms);
    connect(term_search_, &QLineEdit::textEdited, this, [this](const QString& text) {
        proxy_->setTermFilter(text.trimmed());
        tree_->expandAll();
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        grade_note_->setText(model_->gradeNote());
        fillArmsShown();
        tree_->expandAll();
        showChosenArms();
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
    fillArmsShown();
}

void AeTableView::setTable(std::shared_ptr<const AeTable> table) {
    model_->setTable(std::move(table));
}

void AeTableView::showOnlyTerm(const QString& term) {
    term_search_->setText(term);
    proxy_->setTermFilter(term, true);
    tree_->expandAll();
}

QTreeView* AeTableView::treeView() const {
    return tree_;
}

QTreeView* AeTableView::frozenTermView() const {
    return tree_->frozenView();
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

// A new table (a refit, another filter) keeps the pair shown when both its
// arms are still there.
void AeTableView::fillArmsShown() {
    const QString chosen = arms_shown_->currentIndex() > 0 ? arms_shown_->currentText() : QString();
    const QSignalBlocker block(arms_shown_);
    arms_shown_->clear();
    arms_shown_->addItem(tr("All arms"), -1);
    const auto& table = model_->table();
    if (table && table->reference_arm && table->arms.size() >= 3) {
        const QString reference = QString::fromStdString(table->arms[*table->reference_arm]);
        for (std::size_t arm = 0; arm < table->arms.size(); ++arm) {
            if (arm != *table->reference_arm) {
                arms_shown_->addItem(
                    tr("%1 vs %2").arg(QString::fromStdString(table->arms[arm]), reference),
                    static_cast<int>(arm));
            }
        }
    }
    arms_shown_->setCurrentIndex(std::max(0, arms_shown_->findText(chosen)));
    showChosenArmsTip();
    int widest = 0;
    for (int item = 0; item < arms_shown_->count(); ++item) {
        widest = std::max(
            widest, arms_shown_->fontMetrics().horizontalAdvance(arms_shown_->itemText(item)));
    }
    arms_shown_->setMaximumWidth(widest + arms_shown_->sizeHint().width() -
                                 arms_shown_->fontMetrics().horizontalAdvance(
                                     QString(arms_shown_->minimumContentsLength(), u'x')));
    const bool choice = arms_shown_->count() > 1;
    arms_shown_->setVisible(choice);
    arms_shown_label_->setVisible(choice);
}

// The box may be narrower than a pair of long arm names (its list opens as
// wide as they need): its tooltip names the choice whole.
void AeTableView::showChosenArmsTip() {
    arms_shown_->setToolTip(arms_shown_->currentText() + QStringLiteral("\n\n") +
                            arms_shown_label_->toolTip());
}

void AeTableView::showChosenArms() {
    showChosenArmsTip();
    const int compared = arms_shown_->currentData().toInt();
    const auto& table = model_->table();
    const int reference =
        table && table->reference_arm ? static_cast<int>(*table->reference_arm) : -1;
    for (int column = 1; column < model_->columnCount(); ++column) {
        const int arm = model_->columnArm(column);
        const bool shown = compared < 0 || arm == compared ||
                           (arm == reference && is_count(model_->columnKind(column)));
        tree_->setColumnHidden(column, !shown);
    }
    resizeColumns();
}

bool AeTableView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == tree_->viewport() && event->type() == QEvent::Resize) {
        resizeColumns();
    }
    return QWidget::eventFilter(watched, event);
}

// Numbers as wide as their widest cell or heading; the term column as wide
// as its longest shown term, but no wider than leaves room for every shown
// column when it can still show about 30 characters, else for the shown
// arms' counts (the risk differences then scroll, under the frozen term
// column) when that leaves about 18 characters; when even the counts
// scroll (many arms), about 30 characters: the column is frozen, so its
// width costs no column its place, and terms cut to 18 characters would be
// read from tooltips.
void AeTableView::resizeColumns() {
    if (proxy_->columnCount() == 0) {
        return;
    }
    // Half a character's space more between columns of numbers keeps them apart.
    const int character = fontMetrics().averageCharWidth();
    for (int column = 1; column < proxy_->columnCount(); ++column) {
        if (!tree_->isColumnHidden(column)) {
            tree_->resizeColumnToContents(column);
            tree_->setColumnWidth(column, tree_->columnWidth(column) + character / 2);
        }
    }
    header_->widenGroupsToWords();
    int counts = 0;
    int numbers = 0;
    for (int column = 1; column < proxy_->columnCount(); ++column) {
        if (!tree_->isColumnHidden(column)) {
            numbers += tree_->columnWidth(column);
            counts += is_count(model_->columnKind(column)) ? tree_->columnWidth(column) : 0;
        }
    }
    const int terms = std::max(tree_->columnContentWidth(0), header_->sectionSizeHint(0));
    const int viewport = tree_->viewport()->width();
    const int room = viewport - numbers >= 30 * character  ? viewport - numbers
                     : viewport - counts >= 18 * character ? viewport - counts
                                                           : 30 * character;
    tree_->setColumnWidth(0, std::min(terms, room));
}

} // namespace triallens::ui
