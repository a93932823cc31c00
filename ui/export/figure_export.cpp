#include "export/figure_export.h"

#include "views/ae_dot_plot.h"
#include "views/ae_volcano_plot.h"

#include "models/km_figure_text.h"
#include "views/cif_figure.h"
#include "views/disposition_flow.h"
#include "views/forest_view.h"
#include "views/km_figure.h"
#include "views/methods_text.h"
#include "views/population_chip.h"
#include "views/tumour_response_figure.h"
#include "views/wrapped_text.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontInfo>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSvgGenerator>

#include <algorithm>
#include <memory>

namespace triallens::ui {

namespace {

// The views lay out in logical pixels of 1/96 inch (km_figure_layout.h).
constexpr double logical_per_point = 96.0 / 72.0;

const QColor ink(0x22, 0x22, 0x22);
const QColor footnote_ink(0x44, 0x44, 0x44);

KmFigureOptions km_options(const FigureExportOptions& options) {
    KmFigureOptions km = options.km;
    km.font_point_size = options.font_size_pt;
    // A real family name rather than the "Sans Serif" alias, which SVG
    // viewers and slide software would not resolve.
    km.font_family = options.font_family.isEmpty() ? QFontInfo(QGuiApplication::font()).family()
                                                   : options.font_family;
    km.palette = options.palette;
    return km;
}

QString footnote_text(const Results& results, const FigureExportOptions& options) {
    // Whose subjects the figure shows, whenever a filter or focus narrows them.
    QString text = population_text(
        results, options.kind == FigureKind::Forest ? Population::Forest : Population::Focused);
    if (!options.methods_footnote) {
        return text;
    }
    if (!text.isEmpty()) {
        text += QStringLiteral(". ");
    }
    text += methods_footnote(results);
    if (!options.data_cut.isEmpty()) {
        text += QStringLiteral(" Data cut: %1.").arg(options.data_cut);
    }
    return text;
}

QString document_title(const Results& results, const FigureExportOptions& options) {
    if (!options.title.isEmpty()) {
        return options.title;
    }
    if (options.kind == FigureKind::CumulativeIncidence) {
        return QStringLiteral("%1: cumulative incidence by cause").arg(km_figure_title(results));
    }
    if (options.kind == FigureKind::TumourResponse) {
        return QStringLiteral("Tumour response: %1").arg(tumour_figure_name(options.tumour.figure));
    }
    if (options.kind == FigureKind::Disposition) {
        return QStringLiteral("Disposition of patients");
    }
    if (options.kind == FigureKind::AeDotPlot || options.kind == FigureKind::AeVolcano) {
        return options.kind == FigureKind::AeDotPlot
                   ? QStringLiteral("Adverse events: dot plot")
                   : QStringLiteral("Adverse events: volcano plot");
    }
    return options.kind == FigureKind::KaplanMeier ? km_figure_title(results)
                                                   : endpoint_title(results);
}

// What surrounds the figure on its page: the optional title above and the
// footnote below, wrapped to the page's width (logical pixels).
struct PageText {
    QFont font; // the figure's base font
    double pad = 0;
    double text_width = 0;
    QFont title_font;
    QSizeF title_size; // empty without a title
    QFont footnote_font;
    QString footnote;
    QSizeF footnote_size; // empty without a footnote
    // The figure's band between them on a page `height` tall.
    double top() const { return title_size.isEmpty() ? 0 : pad + title_size.height(); }
    double bottom(double height) const {
        return footnote.isEmpty() ? height : height - pad - footnote_size.height();
    }
};

PageText page_text(const Results& results, const FigureExportOptions& options, double width) {
    PageText page;
    page.font = km_figure_font(km_options(options));
    const double em = page.font.pixelSize();
    page.pad = std::round(0.8 * em); // as the KM figure pads its content
    page.text_width = width - 2 * page.pad;
    if (!options.title.trimmed().isEmpty()) {
        page.title_font = page.font;
        page.title_font.setPixelSize(qRound(em * 1.25));
        page.title_font.setBold(true);
        page.title_size = wrapped_text_size(options.title, page.title_font, page.text_width);
    }
    page.footnote = footnote_text(results, options);
    if (!page.footnote.isEmpty()) {
        page.footnote_font = page.font;
        // Smaller than the figure's text, yet not below 6 pt (8 px) on paper.
        page.footnote_font.setPixelSize(
            std::min(static_cast<int>(em), std::max(8, qRound(em * 0.8))));
        page.footnote_size = wrapped_text_size(page.footnote, page.footnote_font, page.text_width);
    }
    return page;
}

// A forest view of `results` in `font`, for drawing and measuring.
void set_up_forest(ForestView& view, const Results& results, const QFont& font, Palette palette) {
    view.setFont(font);
    view.setFigurePalette(palette);
    view.setResults(std::make_shared<const Results>(results));
}

// The forest at its natural row height, shrunk as a whole when the rows or
// the narrowest reflow of its columns would not fit `rect`: cut-off rows
// would be worse than a smaller font.
void paint_forest(QPainter& painter, const QRectF& rect, const Results& results, const QFont& font,
                  Palette palette) {
    ForestView view;
    set_up_forest(view, results, font, palette);
    const double height = view.contentHeight(rect.width(), painter.device());
    const QSize minimum = view.minimumSizeHint();
    const double scale = std::min(
        {1.0, rect.height() / std::max(1.0, height), rect.width() / std::max(1, minimum.width())});
    painter.save();
    painter.translate(rect.topLeft());
    painter.scale(scale, scale);
    view.paintForest(&painter, QRectF(QPointF(0, 0), rect.size() / scale), false);
    painter.restore();
}

} // namespace

std::vector<SizePreset> figure_size_presets() {
    return {
        {QStringLiteral("slide-16x9"), QSizeF(960, 540),
         QStringLiteral("16:9 slide (13.33 × 7.5 in)"), 14},
        {QStringLiteral("half-slide"), QSizeF(480, 360),
         QStringLiteral("Half 16:9 slide (6.67 × 5 in)"), 12},
        {QStringLiteral("slide-4x3"), QSizeF(720, 540), QStringLiteral("4:3 slide (10 × 7.5 in)"),
         14},
        {QStringLiteral("journal-single"), QSizeF(252, 288),
         QStringLiteral("Journal single column (3.5 × 4 in)"), 7},
        {QStringLiteral("journal-double"), QSizeF(504, 324),
         QStringLiteral("Journal double column (7 × 4.5 in)"), 9},
    };
}

std::optional<SizePreset> find_size_preset(const QString& name) {
    for (const SizePreset& preset : figure_size_presets()) {
        if (preset.name.compare(name, Qt::CaseInsensitive) == 0) {
            return preset;
        }
    }
    return std::nullopt;
}

std::optional<QString> figure_size_problem(const FigureExportOptions& options, bool png) {
    const auto inches = [](double points) { return QString::number(points / 72, 'g', 4); };
    const auto side = [&](const QString& name, double points) -> std::optional<QString> {
        if (!(points > 0)) {
            return QStringLiteral("the figure's %1 must be positive").arg(name);
        }
        if (points > largest_figure_side_points) {
            return QStringLiteral("the figure's %1, %2 in, is more than the largest, 200 in "
                                  "(508 cm, 14400 pt)")
                .arg(name, inches(points));
        }
        return std::nullopt;
    };
    if (auto problem = side(QStringLiteral("width"), options.size_points.width())) {
        return problem;
    }
    if (auto problem = side(QStringLiteral("height"), options.size_points.height())) {
        return problem;
    }
    if (png) {
        const QSizeF pixels = options.size_points * options.dpi / 72.0;
        if (options.dpi <= 0 || pixels.width() < 1 || pixels.height() < 1 ||
            pixels.width() > largest_png_side_pixels || pixels.height() > largest_png_side_pixels ||
            pixels.width() * pixels.height() > largest_png_pixels) {
            return QStringLiteral("%1 × %2 in at %3 dpi is %4 × %5 pixels: a PNG has at most "
                                  "20000 a side and 100 million in all")
                .arg(inches(options.size_points.width()), inches(options.size_points.height()))
                .arg(options.dpi)
                .arg(qRound64(pixels.width()))
                .arg(qRound64(pixels.height()));
        }
    }
    return std::nullopt;
}

std::optional<double> parse_length_points(const QString& text) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(in|cm|mm|pt|px)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    bool ok = false;
    const double value = match.captured(1).toDouble(&ok);
    if (!ok || !(value > 0)) {
        return std::nullopt;
    }
    const QString unit = match.captured(2).toLower();
    if (unit == QLatin1String("in")) {
        return value * 72;
    }
    if (unit == QLatin1String("cm")) {
        return value * 72 / 2.54;
    }
    if (unit == QLatin1String("mm")) {
        return value * 72 / 25.4;
    }
    if (unit == QLatin1String("px")) {
        return value * 72 / 96; // CSS pixels: 96 per inch
    }
    return value; // pt
}

QSizeF figure_page_points(const Results& results, const FigureExportOptions& options) {
    if (options.kind != FigureKind::Forest || !options.forest_height_follows_rows ||
        !(options.size_points.width() > 0)) {
        return options.size_points;
    }
    const double width = options.size_points.width() * logical_per_point;
    const PageText page = page_text(results, options, width);
    ForestView view;
    set_up_forest(view, results, page.font, options.palette);
    // Half a line spare: text measured here and on the output device may
    // round differently.
    const double forest = view.contentHeight(width) + 0.5 * page.font.pixelSize();
    const double height = page.top() + forest +
                          (page.footnote.isEmpty() ? 0.0 : page.pad + page.footnote_size.height());
    return QSizeF(options.size_points.width(),
                  std::min(largest_figure_side_points, std::ceil(height / logical_per_point)));
}

void paint_figure(QPainter& painter, const QRectF& target, const Results& results,
                  const FigureExportOptions& options) {
    const QSizeF logical = options.size_points * logical_per_point;
    if (logical.isEmpty() || target.isEmpty()) {
        return;
    }
    const KmFigureOptions km = km_options(options);
    const PageText page = page_text(results, options, logical.width());

    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / logical.width(), target.height() / logical.height());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), logical), Qt::white);

    // The figure pads itself, so the title and footnote sit one pad from it.
    const double top = page.top();
    if (!page.title_size.isEmpty()) {
        draw_wrapped_text(painter, options.title, page.title_font,
                          QRectF(page.pad, page.pad, page.text_width, page.title_size.height()),
                          ink);
    }
    const double bottom = page.bottom(logical.height());
    if (!page.footnote.isEmpty()) {
        draw_wrapped_text(painter, page.footnote, page.footnote_font,
                          QRectF(page.pad, bottom, page.text_width, page.footnote_size.height()),
                          footnote_ink);
    }
    const QFont& font = page.font;
    const QRectF figure(0, top, logical.width(), std::max(1.0, bottom - top));
    switch (options.kind) {
    case FigureKind::KaplanMeier:
        paint_km_figure(painter, figure, results, km);
        break;
    case FigureKind::Forest:
        paint_forest(painter, figure, results, font, options.palette);
        break;
    case FigureKind::CumulativeIncidence:
        paint_cif_figure(painter, figure, results, km, options.cif_arrangement);
        break;
    case FigureKind::TumourResponse:
        paint_tumour_response_figure(painter, figure, results, km, options.tumour);
        break;
    case FigureKind::Disposition:
        paint_disposition_flow(painter, figure, results, km);
        break;
    case FigureKind::AeDotPlot:
        paint_ae_dot_plot(painter, figure, results, km, options.ae);
        break;
    case FigureKind::AeVolcano:
        paint_ae_volcano_plot(painter, figure, results, km, options.ae);
        break;
    }
    painter.restore();
}

namespace {

// `options` on the figure's page (figure_page_points); the same again when
// already on it.
FigureExportOptions on_page(const Results& results, FigureExportOptions options) {
    options.size_points = figure_page_points(results, options);
    return options;
}

} // namespace

QImage render_figure_png_image(const Results& results, const FigureExportOptions& asked) {
    const FigureExportOptions options = on_page(results, asked);
    if (figure_size_problem(options, true)) {
        return {};
    }
    const QSizeF pixels = options.size_points * options.dpi / 72.0;
    QImage image(qRound(pixels.width()), qRound(pixels.height()), QImage::Format_RGB32);
    const int dots_per_metre = qRound(options.dpi / 0.0254);
    image.setDotsPerMeterX(dots_per_metre);
    image.setDotsPerMeterY(dots_per_metre);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint_figure(painter, QRectF(QPointF(0, 0), QSizeF(image.size())), results, options);
    painter.end();
    return image;
}

QByteArray render_figure_svg(const Results& results, const FigureExportOptions& asked) {
    const FigureExportOptions options = on_page(results, asked);
    // Ten device units a point keeps the physical size exact to 0.1 pt;
    // the painter draws in points (the viewBox).
    constexpr int units_per_point = 10;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(72 * units_per_point);
    generator.setSize((options.size_points * units_per_point).toSize());
    const QRectF view_box(QPointF(0, 0), options.size_points);
    generator.setViewBox(view_box);
    generator.setTitle(document_title(results, options));
    generator.setDescription(QStringLiteral("TrialLens figure"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        return {};
    }
    paint_figure(painter, view_box, results, options);
    painter.end();
    return bytes;
}

bool export_figure(const QString& path, const Results& results, const FigureExportOptions& asked,
                   QString* error) {
    const FigureExportOptions options = on_page(results, asked);
    const auto fail = [error](const QString& message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    const QString format = QFileInfo(path).suffix().toLower();
    if (format != QLatin1String("png") && format != QLatin1String("svg") &&
        format != QLatin1String("pdf")) {
        return fail(QStringLiteral("%1: a figure is written as .png, .svg or .pdf").arg(path));
    }
    if (const auto problem = figure_size_problem(options, format == QLatin1String("png"))) {
        return fail(QStringLiteral("%1: %2").arg(path, *problem));
    }
    QSaveFile file(path); // nothing replaces `path` unless the whole figure was written
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    if (format == QLatin1String("png")) {
        const QImage image = render_figure_png_image(results, options);
        if (image.isNull()) {
            return fail(QStringLiteral("%1: could not draw the image").arg(path));
        }
        if (!image.save(&file, "PNG")) {
            return fail(QStringLiteral("%1: could not encode the PNG").arg(path));
        }
    } else if (format == QLatin1String("svg")) {
        const QByteArray svg = render_figure_svg(results, options);
        if (svg.isEmpty() || file.write(svg) != svg.size()) {
            return fail(QStringLiteral("%1: %2").arg(path, file.errorString()));
        }
    } else {
        constexpr int resolution = 1200; // device units only: the PDF is vector
        QPdfWriter writer(&file);
        writer.setResolution(resolution);
        writer.setCreator(QStringLiteral("TrialLens"));
        writer.setTitle(document_title(results, options));
        const QPageSize page(options.size_points, QPageSize::Point, QString(),
                             QPageSize::ExactMatch);
        if (!writer.setPageLayout(
                QPageLayout(page, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)))) {
            return fail(QStringLiteral("%1: the PDF page size was refused").arg(path));
        }
        QPainter painter;
        if (!painter.begin(&writer)) {
            return fail(QStringLiteral("%1: could not start the PDF").arg(path));
        }
        paint_figure(painter, QRectF(QPointF(0, 0), options.size_points * resolution / 72.0),
                     results, options);
        painter.end();
    }
    if (!file.commit()) {
        return fail(QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    return true;
}

namespace {

// A name's first 8 hex digits of SHA-256: tells apart levels whose safe
// names were cut or collide, the same whatever the order of the levels.
QString short_hash(const QString& text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
}

// `stem` + "_" + the level's short hash, within the byte cap.
QString with_hash(const QString& stem, const QString& level) {
    const QString suffix = QLatin1Char('_') + short_hash(level);
    return stem.left(largest_file_stem - suffix.size()) + suffix;
}

// CON, PRN, AUX, NUL, COM1–9 and LPT1–9 name devices on Windows, with any
// extension.
bool is_windows_device_name(const QString& name) {
    static const QRegularExpression device(QStringLiteral("^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$"),
                                           QRegularExpression::CaseInsensitiveOption);
    return device.match(name.section(QLatin1Char('.'), 0, 0)).hasMatch();
}

} // namespace

QString figure_file_name(const QString& text) {
    QString name;
    for (const QChar c : text) {
        const bool kept = (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') ||
                          c == QLatin1Char('_') || c == QLatin1Char('.');
        if (kept) {
            name += c;
        } else if (!name.endsWith(QLatin1Char('_'))) {
            name += QLatin1Char('_');
        }
    }
    // No hidden files, no "." or "..", and no trailing dot (Windows drops it).
    while (name.startsWith(QLatin1Char('.'))) {
        name.remove(0, 1);
    }
    while (name.endsWith(QLatin1Char('.'))) {
        name.chop(1);
    }
    if (name.isEmpty()) {
        name = QStringLiteral("level");
    }
    if (is_windows_device_name(name)) {
        name.insert(name.indexOf(QLatin1Char('.')) < 0 ? name.size() : name.indexOf('.'),
                    QLatin1Char('_'));
    }
    return name.size() > largest_file_stem ? with_hash(name, text) : name;
}

QStringList figure_file_names(const QStringList& levels) {
    QStringList names;
    QSet<QString> taken;
    for (const QString& level : levels) {
        QString name = figure_file_name(level);
        if (taken.contains(name.toLower())) {
            const QString hashed = with_hash(name, level);
            name = hashed;
            // Two levels whose hashes agree too: counted on (never in practice).
            for (int n = 2; taken.contains(name.toLower()); ++n) {
                name = hashed.left(largest_file_stem - 4) + QStringLiteral("_%1").arg(n);
            }
        }
        taken.insert(name.toLower());
        names << name;
    }
    return names;
}

QString subgroup_figure_title(const QString& title, const QString& variable, const QString& level) {
    const QString subgroup = QStringLiteral("%1 = %2").arg(variable, level);
    return title.isEmpty() ? subgroup : QStringLiteral("%1 — %2").arg(title, subgroup);
}

QString data_cut(const Study& study) {
    QDateTime newest;
    const auto consider = [&newest](const QFileInfo& file) {
        if (file.isFile() && (!newest.isValid() || file.lastModified() > newest)) {
            newest = file.lastModified();
        }
    };
    for (const std::string& source : study.sources) {
        const QFileInfo info(QString::fromStdString(source));
        if (info.isDir()) {
            for (const QFileInfo& file : QDir(info.filePath()).entryInfoList(QDir::Files)) {
                consider(file);
            }
        } else {
            consider(info);
        }
    }
    return newest.isValid() ? QStringLiteral("files of %1").arg(newest.date().toString(Qt::ISODate))
                            : QString();
}

} // namespace triallens::ui
