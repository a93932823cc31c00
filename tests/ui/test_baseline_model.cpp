// The Baseline tab's report side over a hand-made Table 1 and disposition
// (baseline_fixture.h): the models' rows, headers and text, the footnotes,
// and the CONSORT flow diagram's layout — every box inside the figure, none
// overlapping another, every line of text inside its box — at the sizes
// slides and journals ask for, with three arms and 40-character reasons.

#include "baseline_fixture.h"

#include <export/figure_export.h>
#include <models/baseline_model.h>
#include <models/disposition_model.h>
#include <views/disposition_flow.h>

#include <triallens/format/number_format.h>

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace triallens;
using namespace triallens::ui;

namespace {

QString text(const QAbstractItemModel& model, int row, int column) {
    return model.index(row, column).data().toString();
}

// The row whose first cell (LabelRole) is `label`, after `from`; -1 when none.
int row_of(const QAbstractItemModel& model, const QString& label, int from = 0) {
    for (int r = from; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(BaselineModel::LabelRole).toString() == label) {
            return r;
        }
    }
    return -1;
}

// The layout at a preset's size, as figure_export draws it: logical pixels
// of 1/96 in and the preset's font.
DispositionFlowLayout layout_at_preset(const Results& results, const QString& preset_name) {
    const auto preset = find_size_preset(preset_name);
    if (!preset) {
        return {};
    }
    KmFigureOptions options;
    options.font_point_size = preset->font_size_pt;
    const QSizeF logical = preset->size_points * (96.0 / 72.0);
    return layout_disposition_flow(QRectF(QPointF(0, 0), logical), results, options);
}

std::vector<const DispositionFlowBox*> boxes_of(const DispositionFlowLayout& layout) {
    std::vector<const DispositionFlowBox*> boxes;
    for (const DispositionFlowBox& box : layout.top) {
        boxes.push_back(&box);
    }
    for (const auto& row : layout.rows) {
        for (const DispositionFlowBox& box : row) {
            boxes.push_back(&box);
        }
    }
    return boxes;
}

} // namespace

class TestBaselineModel : public QObject {
    Q_OBJECT

private slots:
    void tableOneRowsFollowTheVariables() {
        BaselineModel model;
        model.setResults(baseline_fixture::shared());
        // AGE: header, n, mean (SD), median (Q1–Q3), min–max, missing; SEX:
        // header, F, M, U, missing.
        QCOMPARE(model.rowCount(), 6 + 5);
        QCOMPARE(model.columnCount(), 1 + 4); // no p-value column unless asked
        QCOMPARE(text(model, 0, 0), QStringLiteral("Age"));
        QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.index(0, 0).data(BaselineModel::VariableRole).toString(),
                 QStringLiteral("AGE"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(),
                 QStringLiteral("Placebo\n(N = 86)"));
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(),
                 QStringLiteral("Total\n(N = 254)"));

        const int n = row_of(model, QStringLiteral("n"));
        QCOMPARE(text(model, n, 1), QStringLiteral("86"));
        const int mean = row_of(model, QStringLiteral("Mean (SD)"));
        QCOMPARE(text(model, mean, 1), QStringLiteral("75.2 (8.6)"));
        const int median = row_of(model, QStringLiteral("Median (Q1–Q3)"));
        QCOMPARE(text(model, median, 1), QStringLiteral("76.0 (69.0–82.0)"));
        const int range = row_of(model, QStringLiteral("Min–Max"));
        QCOMPARE(text(model, range, 1), QStringLiteral("\u22121.5–89.0"));
        // An arm without values: NE, never a number made up.
        QCOMPARE(text(model, mean, 3), QString::fromLatin1(not_estimable_text.data(), 2));
        QCOMPARE(text(model, row_of(model, QStringLiteral("Missing")), 3), QStringLiteral("84"));
        // Indented on screen, bare for the exports.
        QVERIFY(text(model, n, 0).startsWith(QStringLiteral("  ")));

        const int sex = row_of(model, QStringLiteral("Sex, n (%)"));
        QVERIFY(sex > range);
        const int female = row_of(model, QStringLiteral("F"), sex);
        QCOMPARE(text(model, female, 1), QString::fromStdString(count_percent_text(53, 61.6279)));
        QCOMPARE(text(model, row_of(model, QStringLiteral("U"), sex), 2),
                 QStringLiteral("0 (0.0%)"));
        QCOMPARE(
            model.index(female, 0).data(BaselineModel::RowKindRole).value<BaselineModel::RowKind>(),
            BaselineModel::RowKind::Level);
    }

    void pValuesAddAColumnAndNameTheirTests() {
        BaselineModel model;
        model.setResults(baseline_fixture::shared(true));
        QCOMPARE(model.columnCount(), 1 + 4 + 1);
        QCOMPARE(model.headerData(5, Qt::Horizontal).toString(), QStringLiteral("p-value"));
        QCOMPARE(text(model, 0, 5), QString::fromStdString(p_value_text(0.5065)));
        QCOMPARE(text(model, 1, 5), QString()); // only on the variable's row
        const int sex = row_of(model, QStringLiteral("Sex, n (%)"));
        QCOMPARE(text(model, sex, 5), QStringLiteral("<0.001"));
        QCOMPARE(model.index(sex, 5).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Fisher exact"));
        const QString notes = baseline_footnotes(*model.table()).join(u' ');
        QVERIFY2(notes.contains(QStringLiteral("Kruskal-Wallis (AGE)")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("Fisher exact (SEX)")), qPrintable(notes));
    }

    void footnoteSaysPopulationQuantileTypeAndNotes() {
        const QString type2 = baseline_footnotes(*baseline_fixture::results().baseline).join(u' ');
        QVERIFY2(type2.contains(QStringLiteral("ITT population")), qPrintable(type2));
        QVERIFY2(type2.contains(QStringLiteral("type 2")), qPrintable(type2));
        QVERIFY(type2.contains(QStringLiteral("SUBJID has 254 levels")));
        QVERIFY(!type2.contains(QStringLiteral("p-values")));
        const QString type7 =
            baseline_footnotes(*baseline_fixture::results(false, 7).baseline).join(u' ');
        QVERIFY2(type7.contains(QStringLiteral("type 7")), qPrintable(type7));

        // The quartiles are the core's for the type asked: the text follows.
        BaselineModel model;
        model.setResults(baseline_fixture::shared(false, 7));
        QCOMPARE(text(model, row_of(model, QStringLiteral("Median (Q1–Q3)")), 1),
                 QStringLiteral("76.0 (69.2–81.8)"));
    }

    void noTableNoRows() {
        BaselineModel model;
        DispositionModel disposition;
        model.setResults(std::make_shared<const Results>());
        disposition.setResults(std::make_shared<const Results>());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
        QCOMPARE(disposition.rowCount(), 0);
        model.setResults(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void dispositionRowsIndentTheirReasons() {
        DispositionModel model;
        model.setResults(baseline_fixture::shared());
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(),
                 QStringLiteral("Xanomeline Low Dose\n(N = 84)"));
        QCOMPARE(text(model, 0, 0), QStringLiteral("Randomised"));
        QCOMPARE(text(model, 0, 4), QStringLiteral("254 (100.0%)"));
        QCOMPARE(text(model, 3, 2), QString::fromStdString(count_of_text(59, 84)));
        QVERIFY(text(model, 4, 0).startsWith(QStringLiteral("  ")));
        QCOMPARE(model.index(4, 0).data(DispositionModel::LabelRole).toString(),
                 QStringLiteral("Adverse Event"));
        QVERIFY(model.index(4, 0).data(DispositionModel::IsReasonRole).toBool());
        QVERIFY(!model.index(3, 0).data(Qt::FontRole).isNull()); // a stage: bold
        QVERIFY(model.index(4, 0).data(Qt::FontRole).isNull());  // a reason: not
        const QString notes = disposition_footnotes(*model.disposition()).join(u' ');
        QVERIFY(notes.contains(QStringLiteral("DCDECOD/DCREASCD")));
    }

    void flowDiagramBoxesNeitherOverlapNorLeaveTheFigure_data() {
        QTest::addColumn<QString>("preset");
        QTest::newRow("slide-16x9") << QStringLiteral("slide-16x9");
        QTest::newRow("journal-single") << QStringLiteral("journal-single");
        QTest::newRow("journal-double") << QStringLiteral("journal-double");
        QTest::newRow("half-slide") << QStringLiteral("half-slide");
    }

    void flowDiagramBoxesNeitherOverlapNorLeaveTheFigure() {
        QFETCH(QString, preset);
        const Results results = baseline_fixture::results();
        const DispositionFlowLayout layout = layout_at_preset(results, preset);
        QVERIFY(layout.missing.isEmpty());
        QVERIFY2(layout.fits, qPrintable(preset));
        QCOMPARE(layout.top.size(), std::size_t{1});
        // Randomised (arm), treated, study status.
        QCOMPARE(layout.rows.size(), std::size_t{3});
        for (const auto& row : layout.rows) {
            QCOMPARE(row.size(), std::size_t{3});
        }
        const QRectF body = layout.frame.body;
        const std::vector<const DispositionFlowBox*> boxes = boxes_of(layout);
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const QRectF& box = boxes[i]->rect;
            QVERIFY2(body.adjusted(-0.5, -0.5, 0.5, 0.5).contains(box),
                     qPrintable(QStringLiteral("%1: box %2 leaves the body").arg(preset).arg(i)));
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                QVERIFY2(
                    !box.intersects(boxes[j]->rect),
                    qPrintable(
                        QStringLiteral("%1: boxes %2 and %3 overlap").arg(preset).arg(i).arg(j)));
            }
            for (const DispositionFlowLine& line : boxes[i]->lines) {
                QVERIFY2(box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(line.rect),
                         qPrintable(preset + QStringLiteral(": ") + line.text));
            }
            // Lines follow each other without overlapping.
            for (std::size_t l = 1; l < boxes[i]->lines.size(); ++l) {
                QVERIFY(boxes[i]->lines[l].rect.top() >=
                        boxes[i]->lines[l - 1].rect.bottom() - 0.01);
            }
        }
        // The title stays above the boxes.
        QVERIFY(layout.frame.title_rect.bottom() <= layout.top.front().rect.top());
        // Readable: never below 6 px (4.5 pt) on paper.
        QVERIFY(layout.font.pixelSize() >= 6);
        // The 40-character reasons are there, each in its arm's box.
        const auto& study_status = layout.rows.back();
        const auto has = [](const DispositionFlowBox& box, const std::string& reason) {
            return std::any_of(box.lines.begin(), box.lines.end(), [&](const auto& line) {
                return line.text.startsWith(QString::fromStdString(reason));
            });
        };
        QVERIFY(has(study_status[0], baseline_fixture::long_reason_b));
        QVERIFY(!has(study_status[1], baseline_fixture::long_reason_b)); // 0 in that arm
        QVERIFY(has(study_status[2], baseline_fixture::long_reason_a));
        // One arrow from the top box to each arm, one between each pair of rows.
        QCOMPARE(layout.arrows.size(), std::size_t{3 + 3 * 2});
    }

    void flowDiagramWithoutDispositionSaysWhy() {
        Results results;
        results.baseline_error = "no treatment column (TRT01P, ARM, …) in the subject data";
        const DispositionFlowLayout layout =
            layout_disposition_flow(QRectF(0, 0, 600, 400), results, {});
        QVERIFY(layout.missing.contains(QStringLiteral("no treatment column")));
        QImage image(600, 400, QImage::Format_ARGB32);
        QPainter painter(&image);
        paint_disposition_flow(painter, QRectF(0, 0, 600, 400), results, {}); // no crash
    }

    void flowDiagramPaintsAsAFigureExport() {
        FigureExportOptions options;
        options.kind = FigureKind::Disposition;
        options.size_points = find_size_preset(QStringLiteral("journal-single"))->size_points;
        options.font_size_pt = 7;
        options.dpi = 150;
        const QImage image = render_figure_png_image(baseline_fixture::results(), options);
        QCOMPARE(image.size(), QSize(525, 600));
        // Something dark was drawn: the boxes and their words.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
            }
        }
        QVERIFY(dark > 500);
        const QString svg =
            QString::fromUtf8(render_figure_svg(baseline_fixture::results(), options));
        QVERIFY(svg.contains(QStringLiteral("Disposition of patients")));

        // To look at: TRIALLENS_SHOT_DIR=DIR writes the fixture's figure at
        // every preset there.
        const QString shots = qEnvironmentVariable("TRIALLENS_SHOT_DIR");
        if (!shots.isEmpty()) {
            for (const SizePreset& preset : figure_size_presets()) {
                FigureExportOptions at = options;
                at.size_points = preset.size_points;
                at.font_size_pt = preset.font_size_pt;
                QString error;
                QVERIFY2(export_figure(shots + u'/' + preset.name + QStringLiteral(".png"),
                                       baseline_fixture::results(), at, &error),
                         qPrintable(error));
            }
        }
    }
};

QTEST_MAIN(TestBaselineModel)

#include "test_baseline_model.moc"
