// The adverse-event tab over the demo study's table: the tree's roles carry
// the core's counts and risk differences, the toggles report a new AeFilter,
// the incidence threshold hides rare terms, and sorting keeps the
// "Any adverse event" row first. On the CDISC pilot too (three arms, graded
// by AESEV): the severe column says "Severe" and names AESEV, the term
// column stays in view when the table scrolls sideways, every arm's counts
// fit a 1280-pixel window, "Arms shown" narrows the table to one pair, and
// the exported table's headings are the window's. On the generated stress
// study (stress_study.h: 8 arms of 40-character names, terms of 40+
// characters) in a 1280 × 800 window: every arm's name whole in its heading,
// every column reachable right of the frozen term column, widths from
// content, and a pair for every compared arm.

#include "../cdisc_pilot.h"
#include "../stress_study.h"

#include <controller/refit_controller.h>
#include <export/adverse_event_table.h>
#include <main_window.h>
#include <models/ae_filter_proxy.h>
#include <models/ae_tree_model.h>
#include <views/ae_table_view.h>
#include <views/grouped_header_view.h>

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/default_spec.h>
#include <triallens/demo/demo_study.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <memory>

using namespace triallens;
using namespace triallens::ui;

namespace {

std::shared_ptr<const AeTable> demo_table() {
    static const auto table =
        std::make_shared<const AeTable>(adverse_event_table(generate_demo_study(), AeSpec{}));
    return table;
}

std::shared_ptr<const AeTable> pilot_table() {
    static const auto table =
        std::make_shared<const AeTable>(adverse_event_table(cdisc_pilot::study(), AeSpec{}));
    return table;
}

bool is_count_column(const AeTreeModel& model, int column) {
    return model.columnKind(column) == AeTreeModel::ColumnKind::AnyGrade ||
           model.columnKind(column) == AeTreeModel::ColumnKind::Grade3Plus;
}

// The rows a tree view shows at a height of its viewport, as source rows of
// the proxy: column 0 of the row under that point, or invalid.
QModelIndex row_at(const QTreeView& view, int x, int y) {
    return view.indexAt(QPoint(x, y)).siblingAtColumn(0);
}

bool is_soc_row(const AeRow& row) {
    return row.soc && !row.pt;
}

// The core's row with this SOC and PT (PT empty for a SOC row).
const AeRow* core_row(const AeTable& table, const QString& soc, const QString& pt) {
    for (const AeRow& row : table.rows) {
        if (row.soc && QString::fromStdString(*row.soc) == soc &&
            (pt.isEmpty() ? !row.pt : row.pt && QString::fromStdString(*row.pt) == pt)) {
            return &row;
        }
    }
    return nullptr;
}

double max_incidence(const AeTable& table, const AeRow& row) {
    double highest = 0;
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        highest = std::max(highest, 100.0 * static_cast<double>(row.counts[a].any) /
                                        static_cast<double>(table.denominators[a]));
    }
    return highest;
}

int kind_of(const QModelIndex& index) {
    return index.data(AeTreeModel::RowKindRole).toInt();
}

constexpr int any_event = static_cast<int>(AeTreeModel::RowKind::AnyEvent);

// The model column of an arm's count or difference.
int column_of(const AeTreeModel& model, AeTreeModel::ColumnKind kind, std::size_t arm) {
    for (int column = 0; column < model.columnCount(); ++column) {
        if (model.columnKind(column) == kind && model.columnArm(column) == static_cast<int>(arm)) {
            return column;
        }
    }
    return -1;
}

} // namespace

class TestAeTableView : public QObject {
    Q_OBJECT

private slots:
    void topLevelHasAnyEventRowAndEverySoc() {
        AeTreeModel model;
        model.setTable(demo_table());
        const AeTable& table = *demo_table();
        const auto socs = std::count_if(table.rows.begin(), table.rows.end(), is_soc_row);
        QVERIFY(socs > 0);
        QCOMPARE(model.rowCount(), 1 + static_cast<int>(socs));
        QCOMPARE(kind_of(model.index(0, 0)), any_event);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Any adverse event"));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        for (int row = 1; row < model.rowCount(); ++row) {
            QCOMPARE(kind_of(model.index(row, 0)),
                     static_cast<int>(AeTreeModel::RowKind::SystemOrganClass));
            QVERIFY(model.rowCount(model.index(row, 0)) > 0);
        }
    }

    void headersNameEachArmAndItsSubjects() {
        AeTreeModel model;
        model.setTable(demo_table());
        const AeTable& table = *demo_table();
        QVERIFY(table.arms.size() >= 2);
        QCOMPARE(model.columnCount(),
                 1 + 2 * static_cast<int>(table.arms.size()) + int(table.arms.size()) - 1);
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            const QString heading = QString::fromStdString(table.arms[a]) +
                                    QStringLiteral(" (N=%1)").arg(table.denominators[a]);
            const int column = column_of(model, AeTreeModel::ColumnKind::AnyGrade, a);
            // The arm's name and N once, over both its columns; each column
            // itself says only what it counts.
            const auto group = [&](int section) {
                return model.headerData(section, Qt::Horizontal, AeTreeModel::GroupRole).toString();
            };
            QCOMPARE(group(column), heading);
            QCOMPARE(group(column + 1), heading);
            QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), QStringLiteral("Any"));
        }
        QCOMPARE(column_of(model, AeTreeModel::ColumnKind::RiskDifference, *table.reference_arm),
                 -1);
    }

    void countsAndPercentsAreTheCores() {
        AeTreeModel model;
        model.setTable(demo_table());
        const AeTable& table = *demo_table();
        int terms = 0;
        for (int s = 1; s < model.rowCount(); ++s) {
            const QModelIndex soc = model.index(s, 0);
            for (int p = 0; p < model.rowCount(soc); ++p) {
                const QString pt = model.index(p, 0, soc).data().toString();
                const AeRow* row = core_row(table, soc.data().toString(), pt);
                QVERIFY2(row != nullptr, qPrintable(pt));
                for (std::size_t a = 0; a < table.arms.size(); ++a) {
                    const int any = column_of(model, AeTreeModel::ColumnKind::AnyGrade, a);
                    const int severe = column_of(model, AeTreeModel::ColumnKind::Grade3Plus, a);
                    const QModelIndex cell = model.index(p, any, soc);
                    QCOMPARE(cell.data(AeTreeModel::CountRole).toULongLong(),
                             static_cast<qulonglong>(row->counts[a].any));
                    QCOMPARE(model.index(p, severe, soc).data(AeTreeModel::CountRole).toULongLong(),
                             static_cast<qulonglong>(row->counts[a].grade3plus));
                    QCOMPARE(cell.data(AeTreeModel::DenominatorRole).toULongLong(),
                             static_cast<qulonglong>(table.denominators[a]));
                    QCOMPARE(cell.data(AeTreeModel::PercentRole).toDouble(),
                             100.0 * static_cast<double>(row->counts[a].any) /
                                 static_cast<double>(table.denominators[a]));
                    QCOMPARE(cell.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight,
                             int(Qt::AlignRight));
                    QVERIFY(cell.data().toString().startsWith(
                        QStringLiteral("%1 (").arg(row->counts[a].any)));
                }
                ++terms;
            }
        }
        QVERIFY(terms > 0);
    }

    void riskDifferencesAreTheCoresInPercentagePoints() {
        AeTreeModel model;
        model.setTable(demo_table());
        const AeTable& table = *demo_table();
        int checked = 0;
        for (int s = 0; s < model.rowCount(); ++s) {
            const QModelIndex top = model.index(s, 0);
            for (int p = -1; p < model.rowCount(top); ++p) {
                const QModelIndex term = p < 0 ? top : model.index(p, 0, top);
                const AeRow* row = model.rowAt(term);
                QVERIFY(row != nullptr);
                if (s > 0) {
                    QCOMPARE(row, core_row(table, top.data().toString(),
                                           p < 0 ? QString() : term.data().toString()));
                }
                for (std::size_t a = 0; a < table.arms.size(); ++a) {
                    if (a == *table.reference_arm) {
                        continue;
                    }
                    const int column = column_of(model, AeTreeModel::ColumnKind::RiskDifference, a);
                    QVERIFY(column > 0);
                    const QModelIndex cell = term.siblingAtColumn(column);
                    const AeDifference& core = row->risk_difference[a]->any;
                    QCOMPARE(cell.data(AeTreeModel::DifferenceRole).toDouble(),
                             100 * core.estimate);
                    QCOMPARE(cell.data(AeTreeModel::DifferenceLowerRole).toDouble(),
                             100 * core.lower);
                    QCOMPARE(cell.data(AeTreeModel::DifferenceUpperRole).toDouble(),
                             100 * core.upper);
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 0);
    }

    void singleArmTableHasNoDifferenceColumn() {
        auto table = std::make_shared<AeTable>();
        table->arms = {"Open label"};
        table->denominators = {20};
        table->rows = {
            {std::nullopt, std::nullopt, {{5, 1}}, {std::nullopt}, {std::nullopt}, {}, {}},
            {"Cardiac disorders", std::nullopt, {{3, 1}}, {std::nullopt}, {std::nullopt}, {}, {}},
            {"Cardiac disorders",
             "Palpitations",
             {{3, 1}},
             {std::nullopt},
             {std::nullopt},
             {},
             {}}};
        AeTreeModel model;
        model.setTable(table);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.index(1, 0)), 1);
        QCOMPARE(model.index(0, 0, model.index(1, 0)).data().toString(),
                 QStringLiteral("Palpitations"));
        QCOMPARE(model.index(0, 1, model.index(1, 0)).data().toString(),
                 QStringLiteral("3 (15.0%)"));
        QCOMPARE(model.index(0, 2, model.index(1, 0)).data(AeTreeModel::PercentRole).toDouble(),
                 5.0);

        model.setTable(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
    }

    void relatedToggleReportsFilter() {
        AeTableView view;
        view.setTable(demo_table());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy changed(&view, &AeTableView::filterChanged);
        QTest::mouseClick(view.relatedBox(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        const auto filter = changed.at(0).at(0).value<AeFilter>();
        QVERIFY(filter.related_only);
        QVERIFY(!filter.treatment_emergent_only);
        QVERIFY(!filter.serious_only);

        QTest::mouseClick(view.seriousBox(), Qt::LeftButton);
        QCOMPARE(changed.count(), 2);
        QVERIFY(changed.at(1).at(0).value<AeFilter>().related_only);
        QVERIFY(changed.at(1).at(0).value<AeFilter>().serious_only);
    }

    void setFilterDoesNotReportBack() {
        AeTableView view;
        QSignalSpy changed(&view, &AeTableView::filterChanged);
        AeFilter filter;
        filter.treatment_emergent_only = true;
        view.setFilter(filter);
        QCOMPARE(changed.count(), 0);
        QVERIFY(view.treatmentEmergentBox()->isChecked());
        QVERIFY(view.filter().treatment_emergent_only);
    }

    void minimumIncidenceHidesRareTerms() {
        AeTableView view;
        view.setTable(demo_table());
        const AeTable& table = *demo_table();
        view.minimumIncidenceBox()->setValue(10);
        QCOMPARE(view.proxy()->minimumIncidence(), 10.0);

        const QAbstractItemModel& proxy = *view.proxy();
        QCOMPARE(kind_of(proxy.index(0, 0)), any_event);
        int shown = 0;
        for (int s = 1; s < proxy.rowCount(); ++s) {
            const QModelIndex soc = proxy.index(s, 0);
            for (int p = 0; p < proxy.rowCount(soc); ++p) {
                const AeRow* row = core_row(table, soc.data().toString(),
                                            proxy.index(p, 0, soc).data().toString());
                QVERIFY(row != nullptr);
                QVERIFY(max_incidence(table, *row) >= 10);
                ++shown;
            }
        }
        int expected = 0;
        for (const AeRow& row : table.rows) {
            expected += row.pt && max_incidence(table, row) >= 10 ? 1 : 0;
        }
        QVERIFY(expected > 0);
        QCOMPARE(shown, expected);
        // Some terms of the demo are rarer than 10%, or the threshold tested nothing.
        const auto terms = std::count_if(table.rows.begin(), table.rows.end(),
                                         [](const AeRow& row) { return row.pt.has_value(); });
        QVERIFY(shown < terms);

        // Terms the threshold brings back open expanded.
        view.minimumIncidenceBox()->setValue(60);
        view.minimumIncidenceBox()->setValue(0);
        for (int s = 1; s < proxy.rowCount(); ++s) {
            QVERIFY(view.treeView()->isExpanded(proxy.index(s, 0)));
        }
        int all = 0;
        for (int s = 1; s < proxy.rowCount(); ++s) {
            all += proxy.rowCount(proxy.index(s, 0));
        }
        QCOMPARE(all, static_cast<int>(terms));
    }

    void anyEventRowStaysFirstWhateverTheSort() {
        AeTableView view;
        view.setTable(demo_table());
        view.minimumIncidenceBox()->setValue(10);
        const QAbstractItemModel& proxy = *view.proxy();
        for (int column = 0; column < proxy.columnCount(); ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                view.treeView()->sortByColumn(column, order);
                QVERIFY2(kind_of(proxy.index(0, 0)) == any_event,
                         qPrintable(QStringLiteral("column %1 order %2").arg(column).arg(order)));
            }
        }
    }

    void unsortedRowsKeepTheCoreOrder() {
        AeTableView view;
        view.setTable(demo_table());
        QCOMPARE(view.treeView()->header()->sortIndicatorSection(), -1);
        const AeTable& table = *demo_table();
        int top = 0;
        for (const AeRow& row : table.rows) {
            if (!row.pt) {
                QCOMPARE(view.proxy()->mapToSource(view.proxy()->index(top, 0)).data().toString(),
                         view.model()->index(top, 0).data().toString());
                ++top;
            }
        }
        QVERIFY(view.treeView()->isExpanded(view.proxy()->index(1, 0)));
    }

    // Sorting by a real header click: the click goes to the header's viewport
    // at the section's centre, which works offscreen.
    void clickingHeaderSortsNumerically() {
        AeTableView view;
        view.resize(1400, 700);
        view.setTable(demo_table());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const AeTable& table = *demo_table();
        const std::size_t arm = table.arms.size() - 1;
        const int column = column_of(*view.model(), AeTreeModel::ColumnKind::Grade3Plus, arm);
        QHeaderView* header = view.treeView()->header();
        const auto click_header = [&] {
            const QPoint centre(header->sectionViewportPosition(column) +
                                    header->sectionSize(column) / 2,
                                header->height() / 2);
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
        };

        click_header();
        QCOMPARE(header->sortIndicatorSection(), column);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        const QAbstractItemModel& proxy = *view.proxy();
        const auto count = [&](int row, const QModelIndex& parent = {}) {
            return proxy.index(row, column, parent).data(AeTreeModel::CountRole).toULongLong();
        };
        QCOMPARE(kind_of(proxy.index(0, 0)), any_event);
        for (int s = 2; s < proxy.rowCount(); ++s) {
            QVERIFY(count(s - 1) >= count(s));
        }
        const QModelIndex first_soc = proxy.index(1, 0);
        for (int p = 1; p < proxy.rowCount(first_soc); ++p) {
            QVERIFY(count(p - 1, first_soc) >= count(p, first_soc));
        }

        click_header();
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(kind_of(proxy.index(0, 0)), any_event);
        for (int s = 2; s < proxy.rowCount(); ++s) {
            QVERIFY(count(s - 1) <= count(s));
        }
    }

    void termColumnSortsAlphabetically() {
        AeTableView view;
        view.setTable(demo_table());
        view.treeView()->sortByColumn(0, Qt::AscendingOrder);
        const QAbstractItemModel& proxy = *view.proxy();
        QCOMPARE(kind_of(proxy.index(0, 0)), any_event);
        for (int s = 2; s < proxy.rowCount(); ++s) {
            QVERIFY(proxy.index(s - 1, 0).data().toString().localeAwareCompare(
                        proxy.index(s, 0).data().toString()) <= 0);
        }
    }

    void everyControlHasATooltip() {
        AeTableView view;
        QVERIFY(!view.treatmentEmergentBox()->toolTip().isEmpty());
        QVERIFY(!view.relatedBox()->toolTip().isEmpty());
        QVERIFY(!view.seriousBox()->toolTip().isEmpty());
        QVERIFY(!view.minimumIncidenceBox()->toolTip().isEmpty());
        QVERIFY(!view.treeView()->toolTip().isEmpty());
    }

    // The severe column says what it counts and which ADAE column graded it.
    void severeHeadingNamesTheGradingVariable_data() {
        QTest::addColumn<bool>("pilot");
        QTest::addColumn<QString>("heading");
        QTest::addColumn<QString>("variable");
        QTest::newRow("pilot, AESEV") << true << QStringLiteral("Severe") << "AESEV";
        QTest::newRow("demo, AETOXGR") << false << QStringLiteral("\u2265 3") << "AETOXGR";
    }

    void severeHeadingNamesTheGradingVariable() {
        QFETCH(bool, pilot);
        QFETCH(QString, heading);
        QFETCH(QString, variable);
        AeTableView view;
        view.setTable(pilot ? pilot_table() : demo_table());
        const AeTreeModel& model = *view.model();
        int severe_columns = 0;
        for (int column = 1; column < model.columnCount(); ++column) {
            const QString text = model.headerData(column, Qt::Horizontal).toString();
            if (model.columnKind(column) == AeTreeModel::ColumnKind::Grade3Plus) {
                QCOMPARE(text, heading);
                const QString tip =
                    model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
                QVERIFY2(tip.contains(variable), qPrintable(tip));
                ++severe_columns;
            } else {
                QVERIFY2(!text.contains(QStringLiteral("Severe")) &&
                             !text.contains(QStringLiteral("Grade")),
                         qPrintable(text));
            }
        }
        QCOMPARE(severe_columns, static_cast<int>(model.table()->arms.size()));
        QVERIFY(view.gradeNoteLabel()->text().startsWith(QStringLiteral("Grade from ") + variable));
        QVERIFY(view.gradeNoteLabel()->text().contains(QStringLiteral("\u2265 3")));
    }

    // Scrolled fully right, the frozen view still shows the term of each row
    // the counts are on, at the same height, over the left of the viewport.
    void termColumnStaysVisibleWhenScrolledRight() {
        AeTableView view;
        view.resize(700, 500); // narrower than the pilot's table
        view.setTable(pilot_table());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTreeView& tree = *view.treeView();
        QTreeView& frozen = *view.frozenTermView();
        QScrollBar& horizontal = *tree.horizontalScrollBar();
        QTRY_VERIFY(horizontal.maximum() > 0);
        tree.verticalScrollBar()->setValue(tree.verticalScrollBar()->maximum() / 2);
        horizontal.setValue(horizontal.maximum());
        QTest::qWait(0);

        // The term column has scrolled off in the tree itself …
        QVERIFY(tree.header()->sectionViewportPosition(0) + tree.columnWidth(0) <= 0);
        // … but the frozen view covers the viewport's left edge with it.
        QVERIFY(frozen.isVisible());
        const QPoint frozen_left = frozen.viewport()->mapTo(&tree, QPoint(0, 0));
        const QPoint tree_left = tree.viewport()->mapTo(&tree, QPoint(0, 0));
        QCOMPARE(frozen_left, tree_left);
        QCOMPARE(frozen.viewport()->width(), tree.columnWidth(0));
        QVERIFY(tree.columnWidth(0) > 100);
        QVERIFY(tree.childAt(tree_left + QPoint(20, 20)) == frozen.viewport());
        // Its heading too, over the tree's scrolled header.
        const QPoint heading = tree.header()->viewport()->mapTo(&tree, QPoint(20, 5));
        QVERIFY(tree.childAt(heading) == frozen.header()->viewport());
        QCOMPARE(frozen.header()->height(), tree.header()->height());
        for (int column = 1; column < frozen.model()->columnCount(); ++column) {
            QVERIFY(frozen.isColumnHidden(column));
        }

        // Row by row, the term beside the counts is that row's.
        int compared = 0;
        const int x = tree.viewport()->width() - 5;
        for (int y = 2; y < tree.viewport()->height(); y += tree.viewport()->height() / 12) {
            const QModelIndex counts_row = row_at(tree, x, y);
            QVERIFY(counts_row.isValid());
            const QModelIndex term_row = row_at(frozen, 5, y);
            QCOMPARE(term_row, counts_row);
            QCOMPARE(frozen.visualRect(term_row).top(), tree.visualRect(counts_row).top());
            ++compared;
        }
        QVERIFY(compared >= 10);

        // Moving through the rows by keyboard keeps the table scrolled right.
        tree.setCurrentIndex(row_at(tree, x, 2));
        horizontal.setValue(horizontal.maximum());
        QTest::keyClick(&tree, Qt::Key_Down);
        QTest::keyClick(&tree, Qt::Key_Down);
        QCOMPARE(horizontal.value(), horizontal.maximum());

        // Collapsing a SOC in the frozen view collapses it in the table, and
        // selecting a row there selects it in both.
        const QModelIndex soc = view.proxy()->index(1, 0);
        QVERIFY(tree.isExpanded(soc) && frozen.isExpanded(soc));
        frozen.collapse(soc);
        QVERIFY(!tree.isExpanded(soc));
        tree.expand(soc);
        QVERIFY(frozen.isExpanded(soc));
        tree.selectionModel()->select(soc, QItemSelectionModel::ClearAndSelect |
                                               QItemSelectionModel::Rows);
        QVERIFY(frozen.selectionModel()->isSelected(soc));

        const QString directory = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            QVERIFY(view.grab().save(directory + QStringLiteral("/ae_table_scrolled.png")));
        }
    }

    // The main window at 1280 × 800 with its docks as they open: every arm's
    // count columns of the pilot lie within the AE table's viewport, right of
    // the term column; the window did not grow to make room.
    void pilotArmsFitA1280Window() {
        const auto study = std::make_shared<const Study>(cdisc_pilot::study());
        RefitController controller;
        QSignalSpy tables(&controller, &RefitController::adverseEventsReady);
        controller.setStudy(study, default_spec(*study));
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("adverse-events")));
        // The first refit, as the stress window's below: slow on a loaded machine.
        QTRY_VERIFY_WITH_TIMEOUT(window.adverseEventView()->model()->columnCount() > 0, 30000);
        QTest::qWait(50);
        QCOMPARE(window.width(), 1280);

        AeTableView& view = *window.adverseEventView();
        QCOMPARE(view.armsShownBox()->currentData().toInt(), -1);
        const QTreeView& tree = *view.treeView();
        const AeTreeModel& model = *view.model();
        QCOMPARE(model.table()->arms.size(), std::size_t{3});
        int counted = 0;
        for (int column = 1; column < model.columnCount(); ++column) {
            if (!is_count_column(model, column)) {
                continue;
            }
            QVERIFY(!tree.isColumnHidden(column));
            const int left = tree.header()->sectionViewportPosition(column);
            QVERIFY2(left >= tree.columnWidth(0) &&
                         left + tree.columnWidth(column) <= tree.viewport()->width(),
                     qPrintable(QStringLiteral("column %1 at %2..%3 of %4")
                                    .arg(column)
                                    .arg(left)
                                    .arg(left + tree.columnWidth(column))
                                    .arg(tree.viewport()->width())));
            ++counted;
        }
        QCOMPARE(counted, 6);
    }

    // The stress study's 8 arms in the main window's AE tab at 1280 × 800.
    void stressArmsHoldInA1280Window() {
        const auto study = std::make_shared<const Study>(stress_study::study());
        RefitController controller;
        controller.setStudy(study, default_spec(*study));
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("adverse-events")));
        QTRY_VERIFY_WITH_TIMEOUT(window.adverseEventView()->model()->columnCount() > 0, 30000);
        QTest::qWait(50);
        QCOMPARE(window.width(), 1280);

        AeTableView& view = *window.adverseEventView();
        const AeTreeModel& model = *view.model();
        const AeTable& table = *model.table();
        QTreeView& tree = *view.treeView();
        GroupedHeaderView& header = *view.header();
        QCOMPARE(table.arms.size(), stress_study::arm_names().size());
        QCOMPARE(view.armsShownBox()->currentData().toInt(), -1);

        // Every arm's name whole in the band over its columns: no word wider
        // than the group (so the band's word wrap breaks only at spaces), the
        // band as tall as the wrapped heading, the header as tall as it asks.
        const int margin = header.style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, &header);
        const QFontMetrics header_metrics(header.font());
        QVERIFY(header.height() >= header.sizeHint().height());
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            const QString name = QString::fromStdString(table.arms[a]);
            QCOMPARE(name.size(), static_cast<qsizetype>(stress_study::arm_name_length));
            const int any = column_of(model, AeTreeModel::ColumnKind::AnyGrade, a);
            const QString heading = header.groupText(any);
            QVERIFY2(heading.startsWith(name + QStringLiteral(" (N=")), qPrintable(heading));
            int width = 0;
            for (int column = 1; column < model.columnCount(); ++column) {
                width += header.groupText(column) == heading ? tree.columnWidth(column) : 0;
            }
            for (const QString& word : heading.split(u' ', Qt::SkipEmptyParts)) {
                QVERIFY2(header_metrics.horizontalAdvance(word) <= width - 2 * margin,
                         qPrintable(word + QStringLiteral(" in %1 px").arg(width)));
            }
            const QRect wrapped =
                header_metrics.boundingRect(QRect(0, 0, width - 2 * margin, 10000),
                                            Qt::AlignHCenter | Qt::TextWordWrap, heading);
            QVERIFY2(wrapped.height() + 2 * margin <= header.bandHeight(), qPrintable(heading));
        }

        // Every column can be scrolled into view right of the frozen term
        // column, the last arm's at the far right; the terms stay beside them.
        QScrollBar& horizontal = *tree.horizontalScrollBar();
        QTreeView& frozen = *view.frozenTermView();
        const int term_width = tree.columnWidth(0);
        QVERIFY(term_width >= 18 * tree.fontMetrics().averageCharWidth());
        for (int column = 1; column < model.columnCount(); ++column) {
            const int wanted = tree.header()->sectionPosition(column) - term_width;
            horizontal.setValue(std::clamp(wanted, 0, horizontal.maximum()));
            QTest::qWait(0);
            const int left = tree.header()->sectionViewportPosition(column);
            QVERIFY2(left >= term_width &&
                         left + tree.columnWidth(column) <= tree.viewport()->width(),
                     qPrintable(QStringLiteral("column %1 at %2..%3, terms %4, viewport %5")
                                    .arg(column)
                                    .arg(left)
                                    .arg(left + tree.columnWidth(column))
                                    .arg(term_width)
                                    .arg(tree.viewport()->width())));
        }
        QCOMPARE(horizontal.value(), horizontal.maximum());
        QVERIFY(horizontal.maximum() > 0);
        QVERIFY(frozen.isVisible());
        QCOMPARE(frozen.viewport()->mapTo(&tree, QPoint(0, 0)),
                 tree.viewport()->mapTo(&tree, QPoint(0, 0)));
        QCOMPARE(frozen.viewport()->width(), term_width);
        const int x = tree.viewport()->width() - 5;
        for (int y = 2; y < tree.viewport()->height(); y += tree.viewport()->height() / 8) {
            QCOMPARE(row_at(frozen, 5, y), row_at(tree, x, y));
        }

        // Widths from content: each column of numbers as wide as its widest
        // cell or heading (or its arm's longest word), not much wider; a
        // term the column elides is whole in its tooltip.
        const QAbstractItemModel& proxy = *view.proxy();
        QFont bold = tree.font();
        bold.setBold(true);
        std::vector<QModelIndex> rows;
        for (int s = 0; s < proxy.rowCount(); ++s) {
            const QModelIndex top = proxy.index(s, 0);
            rows.push_back(top);
            for (int p = 0; p < proxy.rowCount(top); ++p) {
                rows.push_back(proxy.index(p, 0, top));
            }
        }
        for (int column = 1; column < proxy.columnCount(); ++column) {
            int widest = tree.header()->sectionSizeHint(column);
            for (const QModelIndex& row : rows) {
                const QFontMetrics metrics(row.parent().isValid() ? tree.font() : bold);
                widest = std::max(widest, metrics.horizontalAdvance(
                                              row.siblingAtColumn(column).data().toString()));
            }
            QVERIFY2(tree.columnWidth(column) >= widest, qPrintable(QString::number(column)));
            const QString group = header.groupText(column);
            int longest_word = 0;
            for (const QString& word : group.split(u' ', Qt::SkipEmptyParts)) {
                longest_word = std::max(longest_word, header_metrics.horizontalAdvance(word));
            }
            QVERIFY2(tree.columnWidth(column) <= std::max(widest, longest_word + 2 * margin) + 40,
                     qPrintable(QStringLiteral("column %1: %2 for %3")
                                    .arg(column)
                                    .arg(tree.columnWidth(column))
                                    .arg(widest)));
        }
        // So many arms' counts scroll anyway: the frozen terms take about 30
        // characters, not the 18 they would shrink to beside fewer arms.
        int longest_term = 0;
        for (const QModelIndex& row : rows) {
            const QFontMetrics metrics(row.parent().isValid() ? tree.font() : bold);
            longest_term = std::max(longest_term, metrics.horizontalAdvance(row.data().toString()));
        }
        QVERIFY2(term_width >= std::min(longest_term, 30 * tree.fontMetrics().averageCharWidth()),
                 qPrintable(QStringLiteral("terms %1 px of %2").arg(term_width).arg(longest_term)));
        int elided = 0;
        for (const QModelIndex& row : rows) {
            const QString term = row.data().toString();
            const QFontMetrics metrics(row.parent().isValid() ? tree.font() : bold);
            const int indent = row.parent().isValid() ? 2 * tree.indentation() : tree.indentation();
            if (metrics.horizontalAdvance(term) + indent > term_width) {
                QVERIFY2(row.data(Qt::ToolTipRole).toString().contains(term), qPrintable(term));
                ++elided;
            }
        }
        qInfo("term column %d px; %d of %zu terms elided (whole in their tooltips)", term_width,
              elided, rows.size());

        // "Arms shown": all arms, then each compared arm with the reference.
        QComboBox& arms = *view.armsShownBox();
        QVERIFY(arms.isVisible());
        QCOMPARE(arms.count(), static_cast<int>(table.arms.size()));
        const std::size_t reference = *table.reference_arm;
        const QString reference_name = QString::fromStdString(table.arms[reference]);
        int item = 1;
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            if (a == reference) {
                continue;
            }
            QCOMPARE(arms.itemText(item), QString::fromStdString(table.arms[a]) +
                                              QStringLiteral(" vs ") + reference_name);
            arms.setCurrentIndex(item);
            QCOMPARE(arms.currentData().toInt(), static_cast<int>(a));
            int shown = 0;
            for (int column = 1; column < model.columnCount(); ++column) {
                if (!tree.isColumnHidden(column)) {
                    const auto arm = static_cast<std::size_t>(model.columnArm(column));
                    QVERIFY(arm == a || (arm == reference && is_count_column(model, column)));
                    ++shown;
                }
            }
            QCOMPARE(shown, 5);
            // The pair fits the window whole: no sideways scrolling.
            QTRY_VERIFY(!horizontal.isVisible());
            // A box narrower than the pair names it whole in its tooltip,
            // and its list opens wide enough for every choice.
            QVERIFY(arms.toolTip().startsWith(arms.itemText(item) + u'\n'));
            ++item;
        }
        arms.showPopup();
        QTRY_VERIFY(arms.view()->isVisible());
        for (int choice = 0; choice < arms.count(); ++choice) {
            QVERIFY2(arms.view()->visualRect(arms.model()->index(choice, 0)).width() >=
                         arms.fontMetrics().horizontalAdvance(arms.itemText(choice)),
                     qPrintable(arms.itemText(choice)));
        }
        arms.hidePopup();
        arms.setCurrentIndex(0);
        const QString directory = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            QVERIFY(window.grab().save(directory + QStringLiteral("/ae_table_stress.png")));
        }
    }

    // Not a test: with TRIALLENS_STRESS_STUDY_DIR set, writes the stress
    // study's adsl.csv, adtte.csv and adae.csv there, to open in the app,
    // tab_screenshots or `triallens export`.
    void writeStressStudyFiles() {
        const QString directory = qEnvironmentVariable("TRIALLENS_STRESS_STUDY_DIR");
        if (directory.isEmpty()) {
            QSKIP("set TRIALLENS_STRESS_STUDY_DIR to write the stress study's files");
        }
        QCOMPARE(stress_study::write_files(directory.toStdString()).size(), std::size_t{3});
    }

    // Numbers as wide as their widest cell or heading, not wider; the term
    // column no wider than its longest term (the demo's fit with room over).
    void columnWidthsFollowTheirContent() {
        AeTableView view;
        view.resize(1100, 600);
        view.setTable(demo_table());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTreeView& tree = *view.treeView();
        const QAbstractItemModel& proxy = *view.proxy();
        QFontMetrics bold_metrics(tree.font());
        for (int column = 1; column < proxy.columnCount(); ++column) {
            const int header = tree.header()->sectionSizeHint(column);
            int widest = 0;
            for (int s = 0; s < proxy.rowCount(); ++s) {
                const QModelIndex top = proxy.index(s, column);
                QFont font = tree.font();
                font.setBold(true);
                widest =
                    std::max(widest, QFontMetrics(font).horizontalAdvance(top.data().toString()));
            }
            QVERIFY2(tree.columnWidth(column) >= std::max(widest, header),
                     qPrintable(QString::number(column)));
            QVERIFY2(tree.columnWidth(column) <= std::max(widest, header) + 40,
                     qPrintable(QString::number(column)));
        }
        int longest = 0;
        for (int s = 0; s < proxy.rowCount(); ++s) {
            QFont font = tree.font();
            font.setBold(true);
            longest = std::max(
                longest, QFontMetrics(font).horizontalAdvance(proxy.index(s, 0).data().toString()));
        }
        QVERIFY(tree.columnWidth(0) >= longest);
        QVERIFY2(tree.columnWidth(0) <= longest + 3 * tree.indentation(),
                 qPrintable(QStringLiteral("%1 for %2").arg(tree.columnWidth(0)).arg(longest)));
        QVERIFY(!tree.horizontalScrollBar()->isVisible());
    }

    // One compared arm beside the reference, with their risk difference only.
    void armChoiceShowsOnlyThePair() {
        AeTableView view;
        view.resize(900, 500);
        view.setTable(pilot_table());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const AeTable& table = *pilot_table();
        QComboBox& arms = *view.armsShownBox();
        QVERIFY(arms.isVisible());
        QCOMPARE(arms.count(), 3); // all, then two pairs
        QCOMPARE(arms.itemText(0), QStringLiteral("All arms"));
        const std::size_t compared = 2;
        const QString pair = QString::fromStdString(table.arms[compared]) + QStringLiteral(" vs ") +
                             QString::fromStdString(table.arms[*table.reference_arm]);
        arms.setCurrentIndex(arms.findText(pair));
        QCOMPARE(arms.currentData().toInt(), static_cast<int>(compared));

        const AeTreeModel& model = *view.model();
        const QTreeView& tree = *view.treeView();
        QStringList shown;
        for (int column = 1; column < model.columnCount(); ++column) {
            if (!tree.isColumnHidden(column)) {
                shown << QStringLiteral("%1/%2")
                             .arg(static_cast<int>(model.columnKind(column)))
                             .arg(model.columnArm(column));
            }
        }
        const auto key = [](AeTreeModel::ColumnKind kind, std::size_t arm) {
            return QStringLiteral("%1/%2").arg(static_cast<int>(kind)).arg(arm);
        };
        using Kind = AeTreeModel::ColumnKind;
        QCOMPARE(shown, (QStringList{key(Kind::AnyGrade, 0), key(Kind::Grade3Plus, 0),
                                     key(Kind::AnyGrade, compared), key(Kind::Grade3Plus, compared),
                                     key(Kind::RiskDifference, compared)}));
        QTRY_VERIFY(!tree.horizontalScrollBar()->isVisible());
        QVERIFY(!view.frozenTermView()->isColumnHidden(0));
        const QString directory = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            QVERIFY(view.grab().save(directory + QStringLiteral("/ae_table_pair.png")));
        }

        arms.setCurrentIndex(0);
        for (int column = 0; column < model.columnCount(); ++column) {
            QVERIFY(!tree.isColumnHidden(column));
        }
        // With two arms there is nothing to choose.
        view.setTable(demo_table());
        QVERIFY(!arms.isVisible());
    }

    // The exported table's two rows of headings are the window's, one line each.
    void exportHeadingsAreTheWindows_data() {
        QTest::addColumn<bool>("pilot");
        QTest::newRow("pilot") << true;
        QTest::newRow("demo") << false;
    }

    void exportHeadingsAreTheWindows() {
        QFETCH(bool, pilot);
        const auto table = pilot ? pilot_table() : demo_table();
        AeTableView view;
        view.setTable(table);
        const ExportTable exported = adverse_event_table(*table);
        const AeTreeModel& model = *view.model();
        QCOMPARE(exported.header.size(), std::size_t{2});
        QCOMPARE(static_cast<int>(exported.header[1].size()), model.columnCount());
        const auto one_line = [](QString text) { return text.replace(u'\n', u' '); };
        std::size_t group = 0;
        int left_in_group = exported.header[0][0].span;
        for (int column = 0; column < model.columnCount(); ++column) {
            if (left_in_group == 0) {
                ++group;
                left_in_group = exported.header[0][group].span;
            }
            --left_in_group;
            QCOMPARE(exported.header[0][group].text, view.header()->groupText(column));
            if (column > 0) {
                QCOMPARE(exported.header[1][static_cast<std::size_t>(column)].text,
                         one_line(model.headerData(column, Qt::Horizontal).toString()));
            }
        }
        QVERIFY(exported.footnotes.join(u' ').contains(model.gradeNote()));
    }

    // Renders at the workspace's size; with TRIALLENS_SCREENSHOT_DIR set, saves
    // ae_table.png there to look at.
    void rendersAtWorkspaceSize() {
        AeTableView view;
        view.resize(1400, 700);
        view.setTable(demo_table());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPixmap image = view.grab();
        QCOMPARE(image.size(), QSize(1400, 700) * image.devicePixelRatio());
        const QString directory = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            QVERIFY(image.save(directory + QStringLiteral("/ae_table.png")));
        }
        // The whole table fits the workspace's width: no column scrolled off.
        QVERIFY(!view.treeView()->horizontalScrollBar()->isVisible());

        view.minimumIncidenceBox()->setValue(10);
        view.treeView()->sortByColumn(3, Qt::DescendingOrder);
        const QPixmap sorted = view.grab();
        if (!directory.isEmpty()) {
            QVERIFY(sorted.save(directory + QStringLiteral("/ae_table_sorted.png")));
        }
    }
};

QTEST_MAIN(TestAeTableView)
#include "test_ae_table_view.moc"
