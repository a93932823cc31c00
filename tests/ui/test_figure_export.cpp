// Print-ready figure export on the demo study, checked on the files' own
// properties: a PNG's pixel size is size x DPI; a PDF's /MediaBox is the
// physical size; an SVG states its size in mm, holds every number at risk as
// <text>, whose columns sit under the time axis's tick labels (positions read
// back from the SVG), and its text comes out at the asked point size; the
// grayscale palette leaves no colour in the pixels; the forest exports too.

#include <export/batch_folder.h>
#include <export/figure_export.h>
#include <models/km_figure_text.h>
#include <views/km_figure.h>
#include <views/methods_text.h>
#include <views/population_chip.h>

#include <triallens/analysis/refit.h>
#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <map>

using namespace triallens;
using namespace triallens::ui;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

// The SVG as text, entities decoded (a '·' may be written as &#183;).
QString svg_text(const QByteArray& svg) {
    QString text = QString::fromUtf8(svg);
    static const QRegularExpression entity(QStringLiteral("&#(x?)([0-9a-fA-F]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        const bool hex = !match.captured(1).isEmpty();
        out += QChar(match.captured(2).toUInt(nullptr, hex ? 16 : 10));
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out.replace(QStringLiteral("&amp;"), QStringLiteral("&"))
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"));
}

const Results& pfs() {
    static const Results results = [] {
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.subgroups = {"PDL1STAT", "ECOGBL"};
        return compute_workspace(demo(), WorkspaceSpec{spec, {}, {}, {}});
    }();
    return results;
}

FigureExportOptions slide() {
    FigureExportOptions options;
    options.size_points = QSizeF(*parse_length_points(QStringLiteral("13.333in")),
                                 *parse_length_points(QStringLiteral("7.5in")));
    return options;
}

// A <text> of the SVG where it lands on the page: its horizontal centre and
// baseline in the SVG's user units (points), its point size on the page.
struct SvgText {
    QString text;
    double centre_x = 0;
    double baseline_y = 0;
    double points = 0;
};

QTransform svg_transform(const QString& attribute) {
    static const QRegularExpression matrix(QStringLiteral(
        R"(matrix\(\s*([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([-\d.e]+)\s*\))"));
    const QRegularExpressionMatch m = matrix.match(attribute);
    if (!m.hasMatch()) {
        return {};
    }
    return QTransform(m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3).toDouble(),
                      m.captured(4).toDouble(), m.captured(5).toDouble(), m.captured(6).toDouble());
}

// Every <text>, through the transforms of its enclosing <g>s. The centre is
// measured with the text's own font (family, pixel size), as it was drawn.
std::vector<SvgText> svg_texts(const QByteArray& svg) {
    std::vector<SvgText> texts;
    std::vector<QTransform> stack{QTransform()};
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("g")) {
            stack.push_back(
                svg_transform(reader.attributes().value(QLatin1String("transform")).toString()) *
                stack.back());
        } else if (reader.isEndElement() && reader.name() == QLatin1String("g")) {
            stack.pop_back();
        } else if (reader.isStartElement() && reader.name() == QLatin1String("text")) {
            const QXmlStreamAttributes attributes = reader.attributes();
            const double x = attributes.value(QLatin1String("x")).toDouble();
            const double y = attributes.value(QLatin1String("y")).toDouble();
            QFont font(attributes.value(QLatin1String("font-family")).toString());
            const double size = attributes.value(QLatin1String("font-size")).toDouble();
            font.setPixelSize(qRound(size));
            font.setBold(attributes.value(QLatin1String("font-weight")).toInt() > 400);
            const QString text = reader.readElementText();
            const double advance = QFontMetricsF(font).horizontalAdvance(text);
            const QTransform& to_page = stack.back();
            SvgText item;
            item.text = text;
            item.centre_x = to_page.map(QPointF(x + advance / 2, y)).x();
            item.baseline_y = to_page.map(QPointF(x, y)).y();
            item.points = size * std::sqrt(std::abs(to_page.determinant()));
            texts.push_back(item);
        }
    }
    return texts;
}

double most_common_points(const std::vector<SvgText>& texts) {
    std::map<long, int> counts;
    for (const SvgText& text : texts) {
        ++counts[std::lround(text.points * 10)];
    }
    return static_cast<double>(
               std::max_element(counts.begin(), counts.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; })
                   ->first) /
           10;
}

} // namespace

class TestFigureExport : public QObject {
    Q_OBJECT

private slots:
    void parseLengthPoints_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("points"); // -1 = rejected
        QTest::newRow("inches") << "10in" << 720.0;
        QTest::newRow("fraction of inches") << "13.333in" << 959.976;
        QTest::newRow("centimetres") << "25.4cm" << 720.0;
        QTest::newRow("millimetres") << "90mm" << 90 * 72 / 25.4;
        QTest::newRow("pixels at 96 per inch") << "1600px" << 1200.0;
        QTest::newRow("points") << "540pt" << 540.0;
        QTest::newRow("space and capitals") << " 3.5 IN " << 252.0;
        QTest::newRow("no unit") << "10" << -1.0;
        QTest::newRow("unknown unit") << "10ft" << -1.0;
        QTest::newRow("zero") << "0in" << -1.0;
        QTest::newRow("negative") << "-3cm" << -1.0;
        QTest::newRow("empty") << "" << -1.0;
        QTest::newRow("two numbers") << "1.2.3in" << -1.0;
    }

    void parseLengthPoints() {
        QFETCH(QString, text);
        QFETCH(double, points);
        const std::optional<double> parsed = parse_length_points(text);
        if (points < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QVERIFY2(std::abs(*parsed - points) < 1e-9, qPrintable(QString::number(*parsed)));
        }
    }

    void presetsHaveTheirPhysicalSizes() {
        std::map<QString, QSizeF> sizes;
        for (const SizePreset& preset : figure_size_presets()) {
            sizes[preset.name] = preset.size_points;
            QVERIFY(preset.font_size_pt >= 6);
        }
        QCOMPARE(sizes.at("slide-16x9"), QSizeF(960, 540));
        QCOMPARE(sizes.at("slide-4x3"), QSizeF(720, 540));
        QCOMPARE(sizes.at("journal-single").width(), 3.5 * 72);
        QCOMPARE(sizes.at("journal-double").width(), 7.0 * 72);
        QVERIFY(sizes.count("half-slide") == 1);
        QVERIFY(find_size_preset(QStringLiteral("Journal-Single")));
        QVERIFY(!find_size_preset(QStringLiteral("poster")));
    }

    void pngPixelSizeIsSizeTimesDpi() {
        const QImage image = render_figure_png_image(pfs(), slide());
        QCOMPARE(image.size(), QSize(4000, 2250));
        QCOMPARE(image.dotsPerMeterX(), qRound(300 / 0.0254));
        QCOMPARE(image.dotsPerMeterY(), qRound(300 / 0.0254));

        FigureExportOptions journal;
        journal.size_points = QSizeF(252, 216);
        journal.dpi = 600;
        QCOMPARE(render_figure_png_image(pfs(), journal).size(), QSize(2100, 1800));
    }

    void pdfPageBoxIsThePhysicalSize() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("km.pdf"));
        QString error;
        QVERIFY2(export_figure(path, pfs(), slide(), &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString pdf = QString::fromLatin1(file.readAll());
        static const QRegularExpression box(QStringLiteral(
            R"(/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\])"));
        const QRegularExpressionMatch match = box.match(pdf);
        QVERIFY(match.hasMatch());
        const double width = match.captured(3).toDouble() - match.captured(1).toDouble();
        const double height = match.captured(4).toDouble() - match.captured(2).toDouble();
        QVERIFY2(std::abs(width - 960) < 0.05, qPrintable(match.captured(0)));
        QVERIFY2(std::abs(height - 540) < 0.05, qPrintable(match.captured(0)));
        // Text is text in the PDF (a font is embedded), not a picture of it.
        QVERIFY(pdf.contains(QStringLiteral("/FontFile")));
    }

    void svgStatesThePhysicalSize() {
        const QByteArray svg = render_figure_svg(pfs(), slide());
        QXmlStreamReader reader(svg);
        while (reader.readNextStartElement() && reader.name() != QLatin1String("svg")) {
        }
        const QXmlStreamAttributes attributes = reader.attributes();
        const auto millimetres = [&attributes](const char* name) {
            QString value = attributes.value(QLatin1String(name)).toString();
            return value.endsWith(QLatin1String("mm")) ? value.chopped(2).toDouble() : -1.0;
        };
        // Exact to the 0.1 pt the generator stores: 13.333 in is 338.66 mm.
        QVERIFY(std::abs(millimetres("width") - 13.333 * 25.4) < 0.05);
        QVERIFY(std::abs(millimetres("height") - 7.5 * 25.4) < 0.05);
        const QStringList view_box =
            attributes.value(QLatin1String("viewBox")).toString().split(QLatin1Char(' '));
        QCOMPARE(view_box.size(), 4);
        QVERIFY(std::abs(view_box[2].toDouble() - 959.976) < 0.01);
        QCOMPARE(view_box[3].toDouble(), 540.0);
    }

    // Every number at risk is a <text>, and each column's centre is its tick
    // label's centre: the table stays aligned in the vector file itself.
    void svgHasTheAtRiskNumbersUnderTheirTicks() {
        const FigureExportOptions options = slide();
        const std::vector<SvgText> texts = svg_texts(render_figure_svg(pfs(), options));

        // The layout the figure was painted from, in points (logical px x 72/96).
        KmFigureOptions km;
        km.font_point_size = options.font_size_pt;
        const KmFigureLayout layout =
            layout_km_figure(QRectF(QPointF(0, 0), options.size_points * 96.0 / 72.0), pfs(), km);
        constexpr double to_points = 72.0 / 96.0;
        QCOMPARE(layout.table.size(), std::size_t{1});

        // Tick labels: the axis's numbers between the plot and the table.
        std::vector<double> tick_centres;
        for (const double tick : layout.ticks) {
            const QString label = QString::number(tick, 'f', 0);
            for (const SvgText& text : texts) {
                if (text.text == label && text.baseline_y > layout.plot_area.bottom() * to_points &&
                    text.baseline_y < layout.table.front().title_rect.top() * to_points) {
                    tick_centres.push_back(text.centre_x);
                }
            }
        }
        QCOMPARE(tick_centres.size(), layout.ticks.size());
        std::sort(tick_centres.begin(), tick_centres.end());

        for (const KmTableRow& row : layout.table.front().rows) {
            std::vector<SvgText> cells;
            for (const SvgText& text : texts) {
                if (text.baseline_y > row.rect.top() * to_points &&
                    text.baseline_y < row.rect.bottom() * to_points &&
                    text.centre_x > layout.plot_area.left() * to_points - 20) {
                    cells.push_back(text);
                }
            }
            std::sort(cells.begin(), cells.end(),
                      [](const SvgText& a, const SvgText& b) { return a.centre_x < b.centre_x; });
            QCOMPARE(cells.size(), row.cells.size());
            for (std::size_t t = 0; t < cells.size(); ++t) {
                QCOMPARE(cells[t].text, row.cells[t]);
                QVERIFY2(std::abs(cells[t].centre_x - tick_centres[t]) <= 0.5,
                         qPrintable(QStringLiteral("%1 at %2, tick at %3")
                                        .arg(row.cells[t])
                                        .arg(cells[t].centre_x)
                                        .arg(tick_centres[t])));
            }
        }
    }

    // The base font is its point size on the page, in every text of the figure.
    void fontSizeIsPointsOnThePage() {
        for (const double points : {9.0, 12.0, 16.0}) {
            FigureExportOptions options = slide();
            options.font_size_pt = points;
            const std::vector<SvgText> texts = svg_texts(render_figure_svg(pfs(), options));
            // Pixel sizes are whole (points x 96/72 rounded), so within 0.4 pt.
            QVERIFY2(std::abs(most_common_points(texts) - points) <= 0.4,
                     qPrintable(QString::number(most_common_points(texts))));
        }
        FigureExportOptions family = slide();
        family.font_family = QStringLiteral("DejaVu Serif");
        const QByteArray svg = render_figure_svg(pfs(), family);
        QVERIFY(svg.contains("font-family=\"DejaVu Serif\""));
        QVERIFY(!svg.contains("font-family=\"DejaVu Sans\""));
    }

    void grayscaleLeavesNoColour() {
        FigureExportOptions options = slide();
        options.dpi = 72;
        options.palette = Palette::Grayscale;
        options.km.ci_bands = true;
        options.title = QStringLiteral("Grey");
        const QImage image = render_figure_png_image(pfs(), options);
        int saturated = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                const int spread = std::max({c.red(), c.green(), c.blue()}) -
                                   std::min({c.red(), c.green(), c.blue()});
                saturated += spread > 12 ? 1 : 0;
            }
        }
        QCOMPARE(saturated, 0);
        // The default palette does colour the curves.
        options.palette = Palette::Default;
        const QImage colour = render_figure_png_image(pfs(), options);
        bool any = false;
        for (int y = 0; y < colour.height() && !any; ++y) {
            for (int x = 0; x < colour.width() && !any; ++x) {
                any = colour.pixelColor(x, y).saturation() > 128;
            }
        }
        QVERIFY(any);
    }

    // A filter and a focus say whose subjects the figure shows, in its
    // footnote (with or without the methods footnote), its title and its
    // document title; a figure of all subjects says nothing of the kind.
    void filterAndSubgroupAreNamedOnTheFigure() {
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.filter = "ECOGBL == 0";
        spec.subgroups = {"PDL1STAT"};
        const Results filtered = compute_workspace(demo(), WorkspaceSpec{spec, {}, {}, {}});
        QVERIFY(filtered.subjects < filtered.subjects_total);
        const QString line = QStringLiteral("Filtered: ECOGBL == 0 · %1 of %2")
                                 .arg(filtered.subjects)
                                 .arg(filtered.subjects_total);
        QCOMPARE(population_text(filtered), line);
        QVERIFY(population_text(pfs()).isEmpty());
        QVERIFY(!svg_text(render_figure_svg(pfs(), slide())).contains(QStringLiteral("Filtered")));

        FigureExportOptions options = slide();
        QVERIFY(svg_text(render_figure_svg(filtered, options)).contains(line));
        options.methods_footnote = true;
        const QString with_methods = svg_text(render_figure_svg(filtered, options));
        QVERIFY(with_methods.contains(line));
        QVERIFY(with_methods.contains(QStringLiteral("Efron")));

        const Results focused = compute_workspace(
            demo(), WorkspaceSpec{spec, {}, SubgroupFocus{"PDL1STAT", "Positive"}, {}});
        QVERIFY(focused.subjects < filtered.subjects);
        const QString svg = svg_text(render_figure_svg(focused, slide()));
        QVERIFY(svg.contains(QStringLiteral("Subgroup: PD-L1 Status = Positive · %1 of %2")
                                 .arg(focused.subjects)
                                 .arg(focused.subjects_total)));
        QVERIFY(svg.contains(QStringLiteral("<title>%1</title>").arg(km_figure_title(focused))));
        QVERIFY(km_figure_title(focused).endsWith(QStringLiteral(" — PD-L1 Status = Positive")));
        // The forest is of the filtered subjects: no subgroup on it.
        options = slide();
        options.kind = FigureKind::Forest;
        const QString forest = svg_text(render_figure_svg(focused, options));
        QVERIFY(forest.contains(line));
        QVERIFY(!forest.contains(QStringLiteral("Subgroup:")));
    }

    void titleAndFootnoteAreText() {
        FigureExportOptions options = slide();
        options.title = QStringLiteral("Figure 2. Progression-free survival");
        options.methods_footnote = true;
        options.data_cut = QStringLiteral("files of 2024-05-01");
        const QByteArray svg = render_figure_svg(pfs(), options);
        QVERIFY(svg.contains("Figure 2. Progression-free survival"));
        QVERIFY(svg.contains("Data cut: files of 2024-05-01."));
        QVERIFY(svg.contains("Efron"));
        QVERIFY(methods_footnote(pfs()).contains(QStringLiteral("log transform")));
    }

    void forestExportsInEveryFormat() {
        FigureExportOptions options;
        options.kind = FigureKind::Forest;
        options.size_points = QSizeF(480, 360);
        options.forest_height_follows_rows = false; // the size asked for, exactly
        options.dpi = 150;
        QCOMPARE(render_figure_png_image(pfs(), options).size(), QSize(1000, 750));
        const QByteArray svg = render_figure_svg(pfs(), options);
        QVERIFY(svg.contains(">Positive</text>"));
        QVERIFY(svg.contains(">ECOGBL</text>") || svg.contains("ECOG"));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(export_figure(dir.filePath("forest.pdf"), pfs(), options, &error),
                 qPrintable(error));
        QVERIFY(QFileInfo(dir.filePath("forest.pdf")).size() > 1000);
    }

    // A forest's page is as tall as its rows need at the preset's width:
    // more subgroups, a taller page; its content reaches the page's foot
    // (no blank half page). A height asked for is kept.
    void forestPageFollowsTheRows() {
        const SizePreset preset = *find_size_preset(QStringLiteral("journal-single"));
        FigureExportOptions options;
        options.kind = FigureKind::Forest;
        options.size_points = preset.size_points;
        options.font_size_pt = preset.font_size_pt;
        options.dpi = 150;
        const QSizeF page = figure_page_points(pfs(), options);
        QCOMPARE(page.width(), preset.size_points.width());
        Results fewer = pfs();
        std::erase_if(fewer.subgroups,
                      [](const SubgroupRow& row) { return row.variable == "ECOGBL"; });
        QVERIFY(figure_page_points(fewer, options).height() < page.height());

        const QImage image = render_figure_png_image(pfs(), options);
        QCOMPARE(image.height(), qRound(page.height() * options.dpi / 72.0));
        int last_ink = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (qGray(image.pixel(x, y)) < 200) {
                    last_ink = y;
                    break;
                }
            }
        }
        QVERIFY2(last_ink > 0.85 * image.height(),
                 qPrintable(QStringLiteral("%1 of %2").arg(last_ink).arg(image.height())));

        options.forest_height_follows_rows = false;
        QCOMPARE(figure_page_points(pfs(), options), preset.size_points);
    }

    void badPathsFailWithAMessageAndWriteNothing() {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!export_figure(dir.filePath("km.gif"), pfs(), slide(), &error));
        QVERIFY(error.contains(QStringLiteral(".png, .svg or .pdf")));
        QVERIFY(!QFile::exists(dir.filePath("km.gif")));
        QVERIFY(!export_figure(dir.filePath("no/such/folder/km.png"), pfs(), slide(), &error));
        QVERIFY(!error.isEmpty());
        FigureExportOptions huge = slide();
        huge.dpi = 2400;
        QVERIFY(!export_figure(dir.filePath("huge.png"), pfs(), huge, &error));
        QVERIFY(!QFile::exists(dir.filePath("huge.png")));
    }

    // A figure that fails inside a batch is reported by the path the user
    // asked for, never by the hidden temporary folder that is then gone.
    void batchFailureNamesTheTargetFolder() {
        QTemporaryDir dir;
        const QString target = dir.filePath("figs");
        QString error;
        {
            BatchFolder batch(target);
            QVERIFY(batch.ok());
            QVERIFY(!export_figure(batch.filePath("no-folder/km.png"), pfs(), slide(), &error));
            QVERIFY2(error.contains(".partial"), qPrintable(error));
            error = batch.told(error);
        }
        QVERIFY2(error.contains(QDir(target).filePath("no-folder/km.png")), qPrintable(error));
        QVERIFY2(!error.contains(".partial"), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
