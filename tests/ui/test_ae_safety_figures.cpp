// The Adverse events tab's safety views on a hand-made three-arm table
// (ae_safety_fixture.h): the dot plot's terms (threshold, top N, order),
// a click on a dot-plot row or a volcano point narrowing the AE tree to that
// term, volcano labels that never overlap, the compared arm with three arms,
// the exposure-adjusted toggle (and why it is off without durations),
// "not recorded" overview rows, and the exports: the overview table and the
// AE table's rate columns to CSV/HTML/RTF/clipboard, the figures to PNG,
// SVG and PDF at exact sizes.

#include "../cdisc_pilot.h"
#include "ae_safety_fixture.h"

#include <export/adverse_event_table.h>
#include <export/ae_overview_table.h>
#include <export/csv_format.h>
#include <export/figure_export.h>
#include <export/html_format.h>
#include <export/rtf_format.h>
#include <export/table_mime_data.h>
#include <models/ae_figure_terms.h>
#include <models/ae_filter_proxy.h>
#include <models/ae_overview_model.h>
#include <models/ae_tree_model.h>
#include <panels/adverse_events_panel.h>
#include <views/ae_dot_plot.h>
#include <views/ae_figure_view.h>
#include <views/ae_table_view.h>
#include <views/ae_volcano_plot.h>

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/workspace.h>

#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace triallens;
using namespace triallens::ui;

namespace {

// The preferred terms the tree shows, in order.
QStringList shown_terms(const QAbstractItemModel& model, const QModelIndex& parent = {}) {
    QStringList terms;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex index = model.index(r, 0, parent);
        if (index.data(AeTreeModel::RowKindRole).toInt() ==
            static_cast<int>(AeTreeModel::RowKind::PreferredTerm)) {
            terms << index.data().toString();
        }
        terms << shown_terms(model, index);
    }
    return terms;
}

struct Panel {
    AeTableView* table = new AeTableView;
    AdverseEventsPanel panel{table};

    explicit Panel(const std::shared_ptr<Results>& results) {
        auto table_ptr = std::make_shared<const AeTable>(*results->adverse_events);
        table->setTable(table_ptr);
        panel.setAdverseEvents(table_ptr, results->ae_overview ? std::make_shared<const AeOverview>(
                                                                     *results->ae_overview)
                                                               : nullptr);
        panel.resize(1200, 800);
        panel.show();
    }
};

} // namespace

class TestAeSafetyFigures : public QObject {
    Q_OBJECT

private slots:
    void dotPlotTermsReachTheThresholdSortedByRiskDifference() {
        const AeTable table = test::ae_safety_table();
        AeFigureOptions options;
        options.threshold_percent = 10;
        const auto terms = ae_dot_plot_terms(table, options);
        QVERIFY(!terms.empty());
        for (std::size_t i = 0; i < terms.size(); ++i) {
            QVERIFY(terms[i].max_incidence >= 10 - 1e-9);
            if (i > 0) {
                QVERIFY(terms[i - 1].risk_difference->estimate >=
                        terms[i].risk_difference->estimate);
            }
        }
        // Every term at or over the threshold is there.
        std::size_t reaching = 0;
        for (const AeFigureTerm& term : ae_figure_terms(table, 1)) {
            reaching += term.max_incidence >= 10 - 1e-9 ? 1 : 0;
        }
        QCOMPARE(terms.size(), reaching);
        options.top_n = 3;
        QCOMPARE(ae_dot_plot_terms(table, options).size(), std::size_t{3});
    }

    void clickOnDotPlotRowShowsOnlyThatTermInTheTree() {
        const auto results = test::ae_safety_results();
        Panel ui(results);
        ui.panel.setPage(AdverseEventsPanel::Page::DotPlot);
        QVERIFY(QTest::qWaitForWindowExposed(&ui.panel));
        AeFigureView* view = ui.panel.figureView();
        const AeDotPlotLayout layout = layout_ae_dot_plot(QRectF(view->rect()), *view->results(),
                                                          {}, ui.panel.figureOptions());
        QVERIFY(layout.missing.isEmpty());
        QVERIFY(layout.rows.size() >= 3);
        const AeDotPlotRow& row = layout.rows[2];
        QSignalSpy status(&ui.panel, &AdverseEventsPanel::statusMessage);
        QTest::mouseClick(view, Qt::LeftButton, {}, row.band.center().toPoint());
        QCOMPARE(ui.panel.page(), AdverseEventsPanel::Page::Table);
        QCOMPARE(shown_terms(*ui.table->proxy()), QStringList{row.term.pt});
        QCOMPARE(status.count(), 1);
        QVERIFY(status.front().front().toString().contains(row.term.pt));
        // Clearing the search field brings every term back.
        ui.table->termSearchBox()->clear();
        emit ui.table->termSearchBox()->textEdited(QString());
        QCOMPARE(shown_terms(*ui.table->proxy()).size(),
                 static_cast<qsizetype>(ae_term_count(*results->adverse_events)));
    }

    void clickOnVolcanoPointShowsOnlyThatTerm() {
        const auto results = test::ae_safety_results();
        Panel ui(results);
        ui.panel.setPage(AdverseEventsPanel::Page::Volcano);
        QVERIFY(QTest::qWaitForWindowExposed(&ui.panel));
        AeFigureView* view = ui.panel.figureView();
        const AeVolcanoLayout layout = layout_ae_volcano_plot(
            QRectF(view->rect()), *view->results(), {}, ui.panel.figureOptions());
        QVERIFY(layout.missing.isEmpty());
        // The smallest disc on top of the others: the one a click finds.
        const AeVolcanoPoint* target = nullptr;
        for (const AeVolcanoPoint& point : layout.points) {
            if (ae_volcano_point_at(layout, point.centre) == &point) {
                target = &point;
                break;
            }
        }
        QVERIFY(target != nullptr);
        QTest::mouseClick(view, Qt::LeftButton, {}, target->centre.toPoint());
        QCOMPARE(shown_terms(*ui.table->proxy()), QStringList{target->term.pt});
    }

    void volcanoLabelsDoNotOverlap_data() {
        QTest::addColumn<int>("extra_terms");
        QTest::addColumn<QSizeF>("size");
        QTest::newRow("few, screen") << 0 << QSizeF(1000, 700);
        QTest::newRow("many, screen") << 120 << QSizeF(1000, 700);
        QTest::newRow("many, journal column") << 120 << QSizeF(336, 384);
    }

    void volcanoLabelsDoNotOverlap() {
        QFETCH(int, extra_terms);
        QFETCH(QSizeF, size);
        const auto results = test::ae_safety_results(static_cast<std::size_t>(extra_terms));
        KmFigureOptions options;
        const AeVolcanoLayout layout =
            layout_ae_volcano_plot(QRectF(QPointF(0, 0), size), *results, options, {});
        QVERIFY(layout.missing.isEmpty());
        std::vector<QRectF> labels;
        for (const AeVolcanoPoint& point : layout.points) {
            QVERIFY(layout.plot.adjusted(-1, -1, 1, 1).contains(point.centre));
            if (!point.label.isEmpty()) {
                QVERIFY(layout.plot.contains(point.label_rect));
                labels.push_back(point.label_rect);
            }
        }
        QVERIFY(labels.size() >= 3);
        QVERIFY(labels.size() <= ae_volcano_max_labels);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            for (std::size_t j = i + 1; j < labels.size(); ++j) {
                QVERIFY2(!labels[i].intersects(labels[j]), "two labels overlap");
            }
        }
        // A term with the smallest p is labelled (it is tried first).
        double smallest = 1;
        for (const AeVolcanoPoint& point : layout.points) {
            smallest = std::min(smallest, point.term.relative_risk->fisher_p);
        }
        QVERIFY(std::any_of(layout.points.begin(), layout.points.end(), [&](const auto& point) {
            return point.term.relative_risk->fisher_p == smallest && !point.label.isEmpty();
        }));
    }

    void threeArmsCompareTheChosenArm() {
        const auto results = test::ae_safety_results();
        Panel ui(results);
        ui.panel.setPage(AdverseEventsPanel::Page::DotPlot);
        QCOMPARE(ui.panel.comparedBox()->count(), 2);
        QVERIFY(ui.panel.comparedBox()->isVisibleTo(&ui.panel));
        QCOMPARE(ui.panel.figureOptions().compared_arm, 1);
        ui.panel.comparedBox()->setCurrentIndex(1);
        QCOMPARE(ui.panel.figureOptions().compared_arm, 2);
        const AeDotPlotLayout layout =
            layout_ae_dot_plot(QRectF(0, 0, 1000, 700), *results, {}, ui.panel.figureOptions());
        QCOMPARE(layout.compared, std::size_t{2});
        for (const AeDotPlotRow& row : layout.rows) {
            const AeRow& core = results->adverse_events->rows[row.term.row];
            QCOMPARE(row.term.risk_difference->estimate,
                     100 * core.risk_difference[2]->any.estimate);
            QCOMPARE(row.dots.size(), std::size_t{3});
        }
        // The relative-risk scale on a log axis: 1 is a tick, at no difference.
        AeFigureOptions ratio = ui.panel.figureOptions();
        ratio.scale = AeRiskScale::Ratio;
        const AeDotPlotLayout log =
            layout_ae_dot_plot(QRectF(0, 0, 1000, 700), *results, {}, ratio);
        QVERIFY(std::find(log.risk_axis.ticks.begin(), log.risk_axis.ticks.end(), 0.0) !=
                log.risk_axis.ticks.end());
        QCOMPARE(log.no_difference_x, log.risk_axis.map(0));
    }

    void crowdedDotPlotDrawsWhatFitsAndSaysSo() {
        const auto results = test::ae_safety_results(200);
        AeFigureOptions options;
        options.threshold_percent = 0;
        const AeDotPlotLayout layout =
            layout_ae_dot_plot(QRectF(0, 0, 600, 400), *results, {}, options);
        QVERIFY(!layout.rows.empty());
        QVERIFY(layout.rows.size() < ae_term_count(*results->adverse_events));
        QVERIFY(layout.frame.note.contains(QStringLiteral("fit at this size")));
        for (std::size_t i = 1; i < layout.rows.size(); ++i) {
            QVERIFY(layout.rows[i].band.top() >= layout.rows[i - 1].band.bottom() - 1e-6);
            QVERIFY(layout.rows[i].band.height() >= layout.frame.em * 1.09);
        }
    }

    void exposureToggleAddsRateColumnsOrSaysWhyNot() {
        const auto with = test::ae_safety_results();
        Panel ui(with);
        QVERIFY(ui.panel.exposureBox()->isEnabled());
        const int overview_columns = ui.panel.overviewModel()->columnCount();
        const int tree_columns = ui.table->model()->columnCount();
        ui.panel.exposureBox()->setChecked(true);
        QCOMPARE(ui.panel.overviewModel()->columnCount(), overview_columns + 3 + 2);
        QCOMPARE(ui.table->model()->columnCount(), tree_columns + 3);
        QVERIFY(ui.panel.overviewNotes()->text().contains(QStringLiteral("TRTDUR")));
        QVERIFY(ui.panel.overviewNotes()->text().contains(QStringLiteral("patient-years")));

        const auto without = test::ae_safety_results(0, false);
        Panel bare(without);
        QVERIFY(!bare.panel.exposureBox()->isEnabled());
        QVERIFY(bare.panel.exposureBox()->toolTip().contains(QStringLiteral("treatment duration")));
        bare.panel.exposureBox()->setChecked(true);
        QVERIFY(!bare.panel.exposureAdjusted());
    }

    void notRecordedRowsSayWhyNeverZero() {
        AeOverviewModel model;
        const auto results = test::ae_safety_results();
        model.setOverview(std::make_shared<const AeOverview>(*results->ae_overview),
                          std::make_shared<const AeTable>(*results->adverse_events));
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (!model.index(r, 0).data(AeOverviewModel::RecordedRole).toBool()) {
                row = r;
            }
        }
        QVERIFY(row >= 0);
        for (int c = 1; c < model.columnCount(); ++c) {
            const QModelIndex cell = model.index(row, c);
            QCOMPARE(cell.data().toString(), QStringLiteral("not recorded"));
            QVERIFY(cell.data(Qt::ForegroundRole).isValid());
            QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("AEACN")));
        }
        QVERIFY(model.notes().join(u' ').contains(QStringLiteral("AEACN is blank")));
        // A recorded row with no subjects says 0, as counted.
        QVERIFY(model.index(3, 1).data().toString().startsWith(u'0'));
    }

    void overviewTableExportsAsShown() {
        const auto results = test::ae_safety_results();
        AeOverviewModel model;
        model.setOverview(std::make_shared<const AeOverview>(*results->ae_overview),
                          std::make_shared<const AeTable>(*results->adverse_events));
        model.setExposureAdjusted(true);
        const ExportTable table =
            ae_overview_table(*results->ae_overview, &*results->adverse_events, true);
        QCOMPARE(table.columnCount(), model.columnCount());
        QCOMPARE(static_cast<int>(table.rows.size()), model.rowCount());
        for (int r = 0; r < model.rowCount(); ++r) {
            for (int c = 0; c < model.columnCount(); ++c) {
                QCOMPARE(table.rows[static_cast<std::size_t>(r)].cells.value(c),
                         model.index(r, c).data().toString());
            }
        }
        QCOMPARE(table.footnotes, model.notes());
        const QString csv = QString::fromUtf8(csv_document(table));
        QVERIFY(csv.contains(QStringLiteral("not recorded")));
        QVERIFY(csv.contains(QStringLiteral("Rate per 100 PY")));
        QVERIFY(html_document(table).contains(QStringLiteral("Xanomeline High Dose (N=84)")));
        QVERIFY(rtf_document(table).contains("not recorded"));
        const auto mime = table_mime_data(table);
        QVERIFY(mime->hasHtml());
        QVERIFY(mime->html().contains(QStringLiteral("<table")));
    }

    void aeTableExportsTheRateColumnsWhenOn() {
        const AeTable table = test::ae_safety_table();
        const ExportTable off = adverse_event_table(table);
        const ExportTable on = adverse_event_table(table, {}, 0, true);
        QCOMPARE(on.columnCount(), off.columnCount() + 3);
        QVERIFY(on.footnotes.join(u' ').contains(QStringLiteral("per 100 patient-years")));
        QVERIFY(QString::fromUtf8(csv_document(on)).contains(QStringLiteral("Rate/100 PY")));
    }

    void figuresExportAtExactSizes_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("suffix");
        for (const auto& [kind, name] : {std::pair{FigureKind::AeDotPlot, "dot"},
                                         std::pair{FigureKind::AeVolcano, "volcano"}}) {
            for (const char* suffix : {"png", "svg", "pdf"}) {
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(name, suffix)))
                    << static_cast<int>(kind) << QString::fromLatin1(suffix);
            }
        }
    }

    void figuresExportAtExactSizes() {
        QFETCH(int, kind);
        QFETCH(QString, suffix);
        const auto results = test::ae_safety_results();
        FigureExportOptions options;
        options.kind = static_cast<FigureKind>(kind);
        options.size_points = QSizeF(504, 324); // 7 x 4.5 in
        options.dpi = 150;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("figure.") + suffix);
        QString error;
        QVERIFY2(export_figure(path, *results, options, &error), qPrintable(error));
        if (suffix == QLatin1String("png")) {
            const QImage image(path);
            QCOMPARE(image.size(), QSize(1050, 675));
            // Something besides white was drawn.
            int dark = 0;
            for (int y = 0; y < image.height(); y += 5) {
                for (int x = 0; x < image.width(); x += 5) {
                    dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
                }
            }
            QVERIFY(dark > 100);
        } else if (suffix == QLatin1String("svg")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray svg = file.readAll();
            QVERIFY(svg.contains("width=\"177.8mm\""));
            QVERIFY(svg.contains("APPLICATION SITE"));
        } else {
            QVERIFY(QFileInfo(path).size() > 1000);
        }
    }

    // Not a check: with TRIALLENS_AE_FIGURE_DIR set, the figures of the
    // fixture at the slide and journal presets, for looking at.
    void writeFiguresForReview() {
        const QString dir = qEnvironmentVariable("TRIALLENS_AE_FIGURE_DIR");
        if (dir.isEmpty()) {
            QSKIP("TRIALLENS_AE_FIGURE_DIR not set");
        }
        for (const std::size_t extra : {std::size_t{0}, std::size_t{60}}) {
            const auto results = test::ae_safety_results(extra);
            for (const QString& preset :
                 {QStringLiteral("slide-16x9"), QStringLiteral("journal-single")}) {
                for (const FigureKind kind : {FigureKind::AeDotPlot, FigureKind::AeVolcano}) {
                    FigureExportOptions options;
                    options.kind = kind;
                    options.size_points = find_size_preset(preset)->size_points;
                    options.font_size_pt = find_size_preset(preset)->font_size_pt;
                    options.dpi = 150;
                    QString error;
                    QVERIFY(export_figure(
                        QStringLiteral("%1/fixture%2-%3-%4.png")
                            .arg(dir)
                            .arg(extra)
                            .arg(kind == FigureKind::AeDotPlot ? "dot" : "volcano", preset),
                        *results, options, &error));
                }
            }
        }
    }

    // The CDISC pilot end to end (three arms, AESEV grades, AEACN blank,
    // TRTDUR): the core's overview and table reach the panel; a click on a
    // dot-plot row narrows the tree to that term; the volcano draws; the
    // discontinuation row is not recorded; the exposure toggle is on offer.
    void pilotEndToEnd() {
        const Study& study = cdisc_pilot::study();
        WorkspaceSpec spec;
        spec.analysis = default_spec(study);
        WorkspaceAdverseEvents ae = workspace_adverse_events(study, spec);
        QVERIFY2(ae.table && ae.overview, ae.error.c_str());
        auto results = std::make_shared<Results>();
        results->adverse_events = *ae.table;
        results->ae_overview = *ae.overview;
        QCOMPARE(results->adverse_events->arms.size(), std::size_t{3});
        Panel ui(results);
        QVERIFY(ui.panel.exposureBox()->isEnabled());
        bool not_recorded = false;
        for (int r = 0; r < ui.panel.overviewModel()->rowCount(); ++r) {
            if (ui.panel.overviewModel()->index(r, 1).data().toString() ==
                QLatin1String("not recorded")) {
                not_recorded = true;
            }
        }
        QVERIFY(not_recorded);
        ui.panel.setPage(AdverseEventsPanel::Page::Volcano);
        QVERIFY(layout_ae_volcano_plot(QRectF(ui.panel.figureView()->rect()), *results, {},
                                       ui.panel.figureOptions())
                    .missing.isEmpty());
        ui.panel.setPage(AdverseEventsPanel::Page::DotPlot);
        QVERIFY(QTest::qWaitForWindowExposed(&ui.panel));
        AeFigureView* view = ui.panel.figureView();
        const AeDotPlotLayout layout = layout_ae_dot_plot(QRectF(view->rect()), *view->results(),
                                                          {}, ui.panel.figureOptions());
        QVERIFY(layout.rows.size() >= 5);
        const AeDotPlotRow& row = layout.rows.front();
        QTest::mouseClick(view, Qt::LeftButton, {}, row.band.center().toPoint());
        QCOMPARE(shown_terms(*ui.table->proxy()), QStringList{row.term.pt});
    }

    void figuresSayWhyInsteadOfDrawingNothing() {
        Results empty;
        QVERIFY(!layout_ae_dot_plot(QRectF(0, 0, 800, 600), empty, {}, {}).missing.isEmpty());
        // Without Fisher p values the volcano says so; the dot plot's
        // difference scale still draws.
        auto results = test::ae_safety_results();
        for (AeRow& row : results->adverse_events->rows) {
            row.relative_risk.clear();
        }
        QVERIFY(layout_ae_volcano_plot(QRectF(0, 0, 800, 600), *results, {}, {})
                    .missing.contains(QStringLiteral("Fisher")));
        QVERIFY(layout_ae_dot_plot(QRectF(0, 0, 800, 600), *results, {}, {}).missing.isEmpty());
    }
};

QTEST_MAIN(TestAeSafetyFigures)
#include "test_ae_safety_figures.moc"
