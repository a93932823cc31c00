// The cumulative-incidence figure: each panel plots exactly the core's
// Aalen–Johansen estimates and limits (on the y axis's cumulative scale), its
// table counts the arm's subjects at risk and the cause's events, the panels
// tile the figure side by side or stacked with the KM figure's layout rules
// in each, and without competing risks the figure says how to ask for them.
//
// With TRIALLENS_CIF_FIGURE_DIR set, writeFiguresForReview writes the demo's
// PFS (progression vs death) and the CDISC pilot's TTDE figures there.

#include "../cdisc_pilot.h"

#include <export/figure_export.h>
#include <models/incidence_panel.h>
#include <views/cif_figure.h>
#include <views/km_chart.h>
#include <views/km_figure.h>
#include <views/km_figure_layout.h>

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/number_at_risk.h>

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <cmath>

using namespace triallens;
using namespace triallens::ui;

namespace {

Results demo_pfs(std::optional<std::string> cause = std::string()) {
    static const Study study = generate_demo_study();
    AnalysisSpec spec;
    spec.paramcd = "PFS";
    spec.cause_of_interest = std::move(cause);
    return refit(study, spec);
}

Results pilot_ttde() {
    AnalysisSpec spec;
    spec.paramcd = "TTDE";
    spec.cause_of_interest = "Dematologic Event Occured";
    return refit(cdisc_pilot::study(), spec);
}

// The curve's value at t as a step function from (0, 0).
double step_at(const IncidenceCurve& curve, double t, const std::vector<double>& values) {
    double value = 0;
    for (std::size_t i = 0; i < curve.time.size() && curve.time[i] <= t + 1e-12; ++i) {
        value = values[i];
    }
    return value;
}

} // namespace

class TestCifFigure : public QObject {
    Q_OBJECT

private slots:
    void panelsPlotTheCoreEstimates() {
        const Results results = demo_pfs();
        QVERIFY(results.competing_risks);
        const auto causes = incidence_panel_causes(results);
        QCOMPARE(causes.size(), std::size_t{2});
        QCOMPARE(causes.front(), results.competing_risks->cause_of_interest);
        KmFigureOptions shown;
        shown.y_scale = KmYScale::Cumulative;
        for (const auto& cause : causes) {
            const IncidencePanel panel = incidence_panel(results, cause);
            QCOMPARE(panel.results.arms.size(), results.arms.size());
            for (std::size_t a = 0; a < results.arms.size(); ++a) {
                const ArmSurvival& arm = panel.results.arms[a];
                const IncidenceCurve* curve = nullptr;
                for (const auto& c : results.competing_risks->cif) {
                    curve = c.arm == arm.arm && c.cause == cause ? &c : curve;
                }
                QVERIFY(curve);
                std::size_t events = 0;
                for (const std::size_t e : curve->n_event) {
                    events += e;
                }
                QCOMPARE(arm.km.n_events, events);
                const SurvivalCurve& drawn = arm.km.curve;
                QCOMPARE(drawn.time, results.arms[a].km.curve.time);
                QCOMPARE(drawn.n_risk, results.arms[a].km.curve.n_risk);
                for (std::size_t i = 0; i < drawn.size(); ++i) {
                    const double t = drawn.time[i];
                    QVERIFY(std::abs(km_y_value(shown, drawn.surv[i]) -
                                     step_at(*curve, t, curve->estimate)) < 1e-12);
                    QVERIFY(std::abs((1 - *drawn.upper[i]) - step_at(*curve, t, curve->lower)) <
                            1e-12);
                    QVERIFY(std::abs((1 - *drawn.lower[i]) - step_at(*curve, t, curve->upper)) <
                            1e-12);
                }
                QVERIFY(!arm.median.estimate);
            }
            QVERIFY(panel.text.title.contains(QString::fromStdString(cause)));
            QCOMPARE(panel.text.legend.size(), results.arms.size());
        }
        // The Fine–Gray HR is the cause of interest's, Gray's p each cause's.
        const IncidencePanel first = incidence_panel(results, causes[0]);
        const IncidencePanel second = incidence_panel(results, causes[1]);
        QVERIFY2(first.text.annotation.contains(QStringLiteral("Fine–Gray")),
                 qPrintable(first.text.annotation));
        QVERIFY(!second.text.annotation.contains(QStringLiteral("Fine–Gray")));
        QVERIFY(second.text.annotation.contains(QStringLiteral("Gray's test")));
    }

    void tableCountsTheCausesEvents() {
        const Results results = demo_pfs();
        const std::string cause = incidence_panel_causes(results).front();
        const IncidencePanel panel = incidence_panel(results, cause);
        KmFigureOptions options;
        options.y_scale = KmYScale::Cumulative;
        options.risk_table = KmRiskTable::AtRiskEvents;
        const KmFigureLayout layout =
            layout_km_figure(QRectF(0, 0, 1000, 700), panel.results, options, &panel.text);
        QVERIFY(!layout.table.empty());
        const auto& rows = layout.table.front().rows;
        QCOMPARE(rows.size(), results.arms.size());
        const NumberAtRisk at = number_at_risk(panel.results.arms[0].km, layout.ticks);
        const NumberAtRisk all = number_at_risk(results.arms[0].km, layout.ticks);
        for (std::size_t t = 0; t < layout.ticks.size(); ++t) {
            QCOMPARE(at.n_risk[t], all.n_risk[t]);
            QVERIFY(at.n_event[t] <= all.n_event[t]);
            QCOMPARE(rows[0].cells[t],
                     QStringLiteral("%1\u00A0(%2)").arg(at.n_risk[t]).arg(at.n_event[t]));
        }
        QVERIFY(at.n_event.back() < all.n_event.back()); // the other cause's events are not counted
        QCOMPARE(layout.title, panel.text.title);
        QCOMPARE(layout.annotation, panel.text.annotation);
    }

    void panelsTileTheFigure() {
        const QRectF rect(0, 0, 1200, 600);
        const auto side = cif_panel_rects(rect, 2, CifArrangement::SideBySide);
        QCOMPARE(side[0], QRectF(0, 0, 600, 600));
        QCOMPARE(side[1], QRectF(600, 0, 600, 600));
        const auto stacked = cif_panel_rects(rect, 2, CifArrangement::Stacked);
        QCOMPARE(stacked[0], QRectF(0, 0, 1200, 300));
        QCOMPARE(stacked[1], QRectF(0, 300, 1200, 300));
        // Each panel keeps the KM figure's rule: the plot at least 45% of its height.
        const Results results = demo_pfs();
        for (const auto arrangement : {CifArrangement::SideBySide, CifArrangement::Stacked}) {
            const auto rects = cif_panel_rects(rect, 2, arrangement);
            const auto causes = incidence_panel_causes(results);
            for (std::size_t k = 0; k < causes.size(); ++k) {
                const IncidencePanel panel = incidence_panel(results, causes[k]);
                KmFigureOptions options;
                options.y_scale = KmYScale::Cumulative;
                const KmFigureLayout layout =
                    layout_km_figure(rects[k], panel.results, options, &panel.text);
                QVERIFY(rects[k].contains(layout.plot_area));
                QVERIFY(layout.plot_area.height() >= km_minimum_plot_share * rects[k].height() - 1);
            }
        }
    }

    // Side by side the headers differ (the Fine–Gray HR is the cause of
    // interest's alone), and the plots still start level.
    void sideBySidePlotsAreLevel() {
        const Results results = demo_pfs();
        for (const double width : {1000.0, 504.0}) {
            const QRectF rect(0, 0, width, width * 0.6);
            const auto rects = cif_panel_rects(rect, 2, CifArrangement::SideBySide);
            const auto panels = cif_panels(rect, results, {}, CifArrangement::SideBySide);
            QCOMPARE(panels.size(), std::size_t{2});
            const KmFigureOptions options = cif_panel_options({});
            const KmFigureLayout first =
                layout_km_figure(rects[0], panels[0].results, options, &panels[0].text);
            const KmFigureLayout second =
                layout_km_figure(rects[1], panels[1].results, options, &panels[1].text);
            QCOMPARE(first.plot_area.top(), second.plot_area.top());
            // Without the rule they would not be: the headers differ.
            IncidencePanel own = panels[1];
            own.text.plot_top_at_least = 0;
            QVERIFY(layout_km_figure(rects[1], own.results, options, &own.text).plot_area.top() <
                    second.plot_area.top());
        }
    }

    void withoutCausesTheFigureSaysSo() {
        const Results none = demo_pfs(std::nullopt);
        QVERIFY(!none.competing_risks);
        QVERIFY(incidence_panel_causes(none).empty());
        QImage image(400, 300, QImage::Format_ARGB32);
        image.fill(Qt::black);
        QPainter painter(&image);
        paint_cif_figure(painter, QRectF(0, 0, 400, 300), none);
        painter.end();
        QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
        bool ink = false;
        for (int y = 0; y < 300 && !ink; ++y) {
            for (int x = 0; x < 400 && !ink; ++x) {
                ink = image.pixelColor(x, y).lightness() < 128;
            }
        }
        QVERIFY(ink); // the message is drawn
    }

    // Three arms, one cause: the pilot's panel is 1 − KM of each arm.
    void pilotHasOnePanelOfThreeArms() {
        const Results results = pilot_ttde();
        QVERIFY(results.competing_risks);
        QCOMPARE(incidence_panel_causes(results).size(), std::size_t{1});
        const IncidencePanel panel = incidence_panel(results, "Dematologic Event Occured");
        QCOMPARE(panel.results.arms.size(), std::size_t{3});
        for (std::size_t a = 0; a < 3; ++a) {
            const auto& km = results.arms[a].km.curve;
            const auto& drawn = panel.results.arms[a].km.curve;
            for (std::size_t i = 0; i < km.size(); ++i) {
                QVERIFY(std::abs(drawn.surv[i] - km.surv[i]) < 1e-9);
            }
        }
        QVERIFY(!results.competing_risks->fine_gray ||
                results.competing_risks->fine_gray->terms.size() == 2);
    }

    void exportsAtExactSizes() {
        const Results results = demo_pfs();
        FigureExportOptions options;
        options.kind = FigureKind::CumulativeIncidence;
        options.size_points = QSizeF(504, 324); // 7 x 4.5 in
        options.dpi = 150;
        const QImage image = render_figure_png_image(results, options);
        QCOMPARE(image.size(), QSize(1050, 675));
        options.cif_arrangement = CifArrangement::Stacked;
        QCOMPARE(render_figure_png_image(results, options).size(), QSize(1050, 675));
    }

    void writeFiguresForReview() {
        const QString dir = qEnvironmentVariable("TRIALLENS_CIF_FIGURE_DIR");
        if (dir.isEmpty()) {
            QSKIP("set TRIALLENS_CIF_FIGURE_DIR to write the figures");
        }
        QDir().mkpath(dir);
        FigureExportOptions options;
        options.kind = FigureKind::CumulativeIncidence;
        options.dpi = 100;
        options.km.ci_bands = true;
        QString error;
        QVERIFY2(export_figure(dir + "/demo_pfs_cif.png", demo_pfs(), options, &error),
                 qPrintable(error));
        options.cif_arrangement = CifArrangement::Stacked;
        options.size_points = QSizeF(504, 648);
        QVERIFY2(export_figure(dir + "/demo_pfs_cif_stacked.png", demo_pfs(), options, &error),
                 qPrintable(error));
        options.cif_arrangement = CifArrangement::SideBySide;
        options.size_points = QSizeF(720, 432);
        QVERIFY2(export_figure(dir + "/pilot_ttde_cif.png", pilot_ttde(), options, &error),
                 qPrintable(error));
    }
};

QTEST_MAIN(TestCifFigure)
#include "test_cif_figure.moc"
