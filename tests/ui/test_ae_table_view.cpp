// The adverse-event tab over the demo study's table: the tree's roles carry
// the core's counts and risk differences, the toggles report a new AeFilter,
// the incidence threshold hides rare terms, and sorting keeps the
// "Any adverse event" row first.

#include <models/ae_filter_proxy.h>
#include <models/ae_tree_model.h>
#include <views/ae_table_view.h>

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/demo/demo_study.h>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
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
            // Headings wrap long arm names over lines.
            const auto header = [&](int section) {
                return model.headerData(section, Qt::Horizontal).toString().replace(u'\n', u' ');
            };
            QVERIFY2(header(column).startsWith(heading), qPrintable(header(column)));
            QVERIFY2(header(column + 1).startsWith(heading), qPrintable(header(column + 1)));
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
        table->rows = {{std::nullopt, std::nullopt, {{5, 1}}, {std::nullopt}},
                       {"Cardiac disorders", std::nullopt, {{3, 1}}, {std::nullopt}},
                       {"Cardiac disorders", "Palpitations", {{3, 1}}, {std::nullopt}}};
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
