#include "digitise/svg_curves.h"

#include "digitise/curve_trace.h"

#include <QColor>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTransform>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace triallens::ui {

namespace {

// Numbers of SVG attribute text (path data, points, transforms): "-1.5e3",
// ".5", "+2"; separators are white space and commas. Locale-free.
class NumberReader {
public:
    explicit NumberReader(QStringView text) : text_(text.toLatin1().toStdString()) {}

    void skip_separators() {
        while (at_ < text_.size() &&
               (std::isspace(static_cast<unsigned char>(text_[at_])) || text_[at_] == ',')) {
            ++at_;
        }
    }
    bool done() {
        skip_separators();
        return at_ >= text_.size();
    }
    // The next non-separator character, without taking it; '\0' at the end.
    char peek() {
        skip_separators();
        return at_ < text_.size() ? text_[at_] : '\0';
    }
    char take() { return at_ < text_.size() ? text_[at_++] : '\0'; }
    bool next_is_number() {
        const char c = peek();
        return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+';
    }
    std::optional<double> number() {
        skip_separators();
        std::size_t from = at_;
        if (from < text_.size() && text_[from] == '+') {
            ++from; // from_chars takes no '+'
        }
        double value = 0;
        const char* begin = text_.data() + from;
        const auto [end, error] =
            std::from_chars(begin, text_.data() + text_.size(), value, std::chars_format::general);
        if (error != std::errc() || !std::isfinite(value) || end == begin) {
            return std::nullopt;
        }
        at_ = static_cast<std::size_t>(end - text_.data());
        return value;
    }
    std::size_t position() const { return at_; }

private:
    std::string text_;
    std::size_t at_ = 0;
};

std::optional<QTransform> parse_transform(QStringView text) {
    QTransform total;
    const QString source = text.toString();
    qsizetype at = 0;
    while (true) {
        while (at < source.size() && (source[at].isSpace() || source[at] == QLatin1Char(','))) {
            ++at;
        }
        if (at >= source.size()) {
            return total;
        }
        const qsizetype open = source.indexOf(QLatin1Char('('), at);
        const qsizetype close = source.indexOf(QLatin1Char(')'), at);
        if (open < 0 || close < open) {
            return std::nullopt;
        }
        const QString name = source.mid(at, open - at).trimmed();
        NumberReader reader(QStringView(source).mid(open + 1, close - open - 1));
        std::vector<double> values;
        while (!reader.done()) {
            const auto value = reader.number();
            if (!value || values.size() >= 6) {
                return std::nullopt;
            }
            values.push_back(*value);
        }
        QTransform step;
        const std::size_t n = values.size();
        if (name == QLatin1String("matrix") && n == 6) {
            step = QTransform(values[0], values[1], values[2], values[3], values[4], values[5]);
        } else if (name == QLatin1String("translate") && (n == 1 || n == 2)) {
            step.translate(values[0], n == 2 ? values[1] : 0.0);
        } else if (name == QLatin1String("scale") && (n == 1 || n == 2)) {
            step.scale(values[0], n == 2 ? values[1] : values[0]);
        } else if (name == QLatin1String("rotate") && (n == 1 || n == 3)) {
            if (n == 3) {
                step.translate(values[1], values[2]);
            }
            step.rotate(values[0]);
            if (n == 3) {
                step.translate(-values[1], -values[2]);
            }
        } else {
            return std::nullopt;
        }
        // "A B" maps a point by B, then A: with QTransform's row vectors, B * A.
        total = step * total;
        at = close + 1;
    }
}

// A stroke colour: "#rgb", "#rrggbb", "rgb(r, g, b)", a named colour;
// nullopt for "none", an empty or an unknown value.
std::optional<QRgb> parse_colour(QStringView text) {
    const QString value = text.trimmed().toString().toLower();
    if (value.isEmpty() || value == QLatin1String("none")) {
        return std::nullopt;
    }
    if (value.startsWith(QLatin1String("rgb(")) && value.endsWith(QLatin1Char(')'))) {
        NumberReader reader(QStringView(value).mid(4, value.size() - 5));
        int channel[3] = {0, 0, 0};
        for (int& c : channel) {
            const auto number = reader.number();
            if (!number) {
                return std::nullopt;
            }
            double v = *number;
            if (reader.peek() == '%') {
                reader.take();
                v = v * 255 / 100;
            }
            c = static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0)));
        }
        return qRgb(channel[0], channel[1], channel[2]);
    }
    const QColor colour = QColor::fromString(value);
    if (!colour.isValid()) {
        return std::nullopt;
    }
    return colour.rgb();
}

struct Context {
    QTransform transform;
    QString stroke; // as written; "" when nothing says
};

QString style_stroke(QStringView style) {
    for (const QStringView part : style.split(QLatin1Char(';'))) {
        const qsizetype colon = part.indexOf(QLatin1Char(':'));
        if (colon > 0 && part.left(colon).trimmed() == QLatin1String("stroke")) {
            return part.mid(colon + 1).trimmed().toString();
        }
    }
    return {};
}

class SvgReader {
public:
    SvgReader(const QByteArray& svg, const QString& source) : xml_(svg), source_(source) {}
    SvgCurves read();

private:
    QString where() const {
        return QStringLiteral("%1line %2, column %3: ")
            .arg(source_.isEmpty() ? QString() : source_ + QStringLiteral(": "))
            .arg(xml_.lineNumber())
            .arg(xml_.columnNumber());
    }
    bool fail(const QString& message) {
        if (error_.isEmpty()) {
            error_ = where() + message;
        }
        return false;
    }
    bool element(const Context& context);
    bool path(QStringView d, std::vector<std::vector<QPointF>>& out);
    bool points(QStringView text, bool closed, std::vector<std::vector<QPointF>>& out);
    void add(QRgb colour, std::vector<std::vector<QPointF>> subpaths, const QTransform& transform);

    QXmlStreamReader xml_;
    QString source_;
    QString error_;
    SvgCurves curves_;
    std::size_t point_count_ = 0;
    int element_count_ = 0;
    int depth_ = 0;
};

bool SvgReader::points(QStringView text, bool closed, std::vector<std::vector<QPointF>>& out) {
    NumberReader reader(text);
    std::vector<QPointF> line;
    while (!reader.done()) {
        const auto x = reader.number();
        const auto y = x ? reader.number() : std::nullopt;
        if (!y) {
            return fail(QStringLiteral("points: not a list of x,y numbers"));
        }
        line.emplace_back(*x, *y);
    }
    if (closed && line.size() > 1) {
        line.push_back(line.front());
    }
    out.push_back(std::move(line));
    return true;
}

bool SvgReader::path(QStringView d, std::vector<std::vector<QPointF>>& out) {
    NumberReader reader(d);
    QPointF current;
    QPointF start;
    char command = '\0';
    const auto bad = [&] {
        return fail(QStringLiteral("path data: unreadable at character %1")
                        .arg(static_cast<qulonglong>(reader.position() + 1)));
    };
    while (!reader.done()) {
        if (!reader.next_is_number()) {
            command = reader.take();
            if (command == 'Z' || command == 'z') {
                if (!out.empty() && !out.back().empty()) {
                    out.back().push_back(start);
                }
                current = start;
                continue;
            }
            if (!std::strchr("MmLlHhVvCcSsQqTtAa", command)) {
                return bad();
            }
        } else if (command == '\0' || command == 'Z' || command == 'z') {
            return bad();
        }
        const bool relative = std::islower(static_cast<unsigned char>(command)) != 0;
        const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(command)));
        const int count = upper == 'H' || upper == 'V'   ? 1
                          : upper == 'C'                 ? 6
                          : upper == 'S' || upper == 'Q' ? 4
                          : upper == 'A'                 ? 7
                                                         : 2;
        double value[7] = {};
        for (int k = 0; k < count; ++k) {
            const auto number = reader.number();
            if (!number) {
                return bad();
            }
            value[k] = *number;
        }
        QPointF to = current;
        if (upper == 'H') {
            to.setX(relative ? current.x() + value[0] : value[0]);
        } else if (upper == 'V') {
            to.setY(relative ? current.y() + value[0] : value[0]);
        } else {
            const QPointF end(value[count - 2], value[count - 1]);
            to = relative ? current + end : end;
        }
        if (upper == 'M') {
            out.emplace_back();
            start = to;
            command = relative ? 'l' : 'L'; // further pairs draw lines
        }
        if (out.empty()) {
            out.emplace_back(1, current);
        }
        out.back().push_back(to);
        current = to;
        if (++point_count_ > largest_svg_points) {
            return fail(QStringLiteral("more than %1 path points").arg(largest_svg_points));
        }
    }
    return true;
}

void SvgReader::add(QRgb colour, std::vector<std::vector<QPointF>> subpaths,
                    const QTransform& transform) {
    auto stroke = std::find_if(curves_.strokes.begin(), curves_.strokes.end(),
                               [&](const SvgStroke& s) { return s.colour == colour; });
    if (stroke == curves_.strokes.end()) {
        curves_.strokes.push_back({colour, {}});
        stroke = curves_.strokes.end() - 1;
    }
    for (auto& subpath : subpaths) {
        if (subpath.size() < 2) {
            continue;
        }
        for (QPointF& point : subpath) {
            point = transform.map(point);
        }
        stroke->subpaths.push_back(std::move(subpath));
    }
}

bool SvgReader::element(const Context& parent) {
    // xml_ is at a start element; reads to its end.
    Context context = parent;
    const QXmlStreamAttributes attributes = xml_.attributes();
    if (attributes.hasAttribute(QLatin1String("transform"))) {
        const auto own = parse_transform(attributes.value(QLatin1String("transform")));
        if (!own) {
            return fail(QStringLiteral("transform \"%1\" is not matrix, translate, scale or rotate")
                            .arg(attributes.value(QLatin1String("transform"))));
        }
        context.transform = *own * parent.transform;
    }
    const QString styled = style_stroke(attributes.value(QLatin1String("style")));
    if (!styled.isEmpty()) {
        context.stroke = styled;
    } else if (attributes.hasAttribute(QLatin1String("stroke"))) {
        context.stroke = attributes.value(QLatin1String("stroke")).toString();
    }
    const QStringView name = xml_.name();
    std::vector<std::vector<QPointF>> subpaths;
    bool geometry = true;
    if (name == QLatin1String("path")) {
        if (!path(attributes.value(QLatin1String("d")), subpaths)) {
            return false;
        }
    } else if (name == QLatin1String("polyline") || name == QLatin1String("polygon")) {
        if (!points(attributes.value(QLatin1String("points")), name == QLatin1String("polygon"),
                    subpaths)) {
            return false;
        }
    } else if (name == QLatin1String("line")) {
        const auto coordinate = [&](const char* key) {
            return attributes.value(QLatin1String(key)).toDouble();
        };
        subpaths.push_back({QPointF(coordinate("x1"), coordinate("y1")),
                            QPointF(coordinate("x2"), coordinate("y2"))});
        point_count_ += 2;
    } else {
        geometry = false;
    }
    if (geometry) {
        if (const auto colour = parse_colour(context.stroke)) {
            add(*colour, std::move(subpaths), context.transform);
        }
    }
    // Children: the recursion is as deep as the nesting, which is bounded.
    while (!xml_.atEnd()) {
        const QXmlStreamReader::TokenType token = xml_.readNext();
        if (token == QXmlStreamReader::EndElement) {
            return true;
        }
        if (token == QXmlStreamReader::StartElement) {
            if (++element_count_ > largest_svg_elements) {
                return fail(QStringLiteral("more than %1 elements").arg(largest_svg_elements));
            }
            if (++depth_ > deepest_svg_nesting) {
                return fail(
                    QStringLiteral("elements nested more than %1 deep").arg(deepest_svg_nesting));
            }
            if (!element(context)) {
                return false;
            }
            --depth_;
        }
    }
    return !xml_.hasError();
}

} // namespace

namespace {

SvgCurves SvgReader::read() {
    Context root;
    while (!xml_.atEnd()) {
        const QXmlStreamReader::TokenType token = xml_.readNext();
        if (token != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml_.name() != QLatin1String("svg")) {
            fail(QStringLiteral("<%1> where an <svg> root was expected").arg(xml_.name()));
            break;
        }
        const QString view_box = xml_.attributes().value(QLatin1String("viewBox")).toString();
        NumberReader reader(view_box);
        double box[4] = {};
        int read = 0;
        for (; read < 4; ++read) {
            const auto number = reader.number();
            if (!number) {
                break;
            }
            box[read] = *number;
        }
        if (read == 4) {
            curves_.view_box = QRectF(box[0], box[1], box[2], box[3]);
        }
        element_count_ = 1;
        depth_ = 1;
        if (!element(root)) {
            break;
        }
        // Whatever follows the root must still be well-formed.
        while (!xml_.atEnd()) {
            if (xml_.readNext() == QXmlStreamReader::StartElement) {
                fail(QStringLiteral("a second root element <%1>").arg(xml_.name()));
                break;
            }
        }
        break;
    }
    if (error_.isEmpty() && xml_.hasError()) {
        error_ = where() + xml_.errorString();
    }
    if (error_.isEmpty() && curves_.view_box.isNull() && curves_.strokes.empty() &&
        element_count_ == 0) {
        error_ = where() + QStringLiteral("no <svg> element");
    }
    if (!error_.isEmpty()) {
        return {{}, {}, error_};
    }
    return curves_;
}

} // namespace

SvgCurves read_svg_curves(const QByteArray& svg, const QString& source) {
    if (svg.size() > largest_svg_bytes) {
        return {{},
                {},
                QStringLiteral("%1%2 bytes, more than the %3 MB an SVG figure may be")
                    .arg(source.isEmpty() ? QString() : source + QStringLiteral(": "))
                    .arg(svg.size())
                    .arg(largest_svg_bytes / (1024 * 1024))};
    }
    SvgReader reader(svg, source);
    return reader.read();
}

SvgCurves read_svg_curves_file(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {{}, {}, QStringLiteral("%1: %2").arg(path, file.errorString())};
    }
    if (file.size() > largest_svg_bytes) {
        return {{},
                {},
                QStringLiteral("%1: %2 bytes, more than the %3 MB an SVG figure may be")
                    .arg(path)
                    .arg(file.size())
                    .arg(largest_svg_bytes / (1024 * 1024))};
    }
    return read_svg_curves(file.read(largest_svg_bytes + 1), path);
}

TracedCurve svg_curve_points(const SvgCurves& curves, QRgb colour,
                             const AxisCalibration& calibration, const SvgCurveOptions& options) {
    if (!calibration.calibrated()) {
        return {{}, uncalibrated_message()};
    }
    if (!curves.ok()) {
        return {{}, curves.error};
    }
    const auto near = [&](QRgb a) {
        return std::abs(qRed(a) - qRed(colour)) <= options.colour_tolerance &&
               std::abs(qGreen(a) - qGreen(colour)) <= options.colour_tolerance &&
               std::abs(qBlue(a) - qBlue(colour)) <= options.colour_tolerance;
    };
    // Each subpath in data units.
    std::vector<std::vector<CurvePoint>> subpaths;
    QStringList seen;
    for (const SvgStroke& stroke : curves.strokes) {
        seen << colour_name(stroke.colour);
        if (!near(stroke.colour)) {
            continue;
        }
        for (const auto& subpath : stroke.subpaths) {
            std::vector<CurvePoint> points;
            points.reserve(subpath.size());
            for (const QPointF& point : subpath) {
                points.push_back(calibration.to_data(point));
            }
            subpaths.push_back(std::move(points));
        }
    }
    if (subpaths.empty()) {
        return {{},
                QStringLiteral("no stroke of colour %1 in the SVG (its strokes: %2)")
                    .arg(colour_name(colour), seen.isEmpty() ? QStringLiteral("none")
                                                             : seen.join(QStringLiteral(", ")))};
    }
    // A user unit's worth of time and survival: what "the same" means here.
    const double time_unit = std::abs(calibration.time_per_pixel());
    const double survival_unit = std::abs(calibration.survival_per_pixel());
    const double flat = survival_unit * 0.01 + 1e-12;
    const double upright = time_unit * 0.01 + 1e-12;
    const QRectF area = options.data_area.value_or(QRectF(
        QPointF(-0.5 * time_unit, -0.01), QPointF(std::numeric_limits<double>::max(), 1.01)));
    const auto inside_survival = [&](double s) { return s >= area.top() && s <= area.bottom(); };
    // The axis's span, for what "short" means for a tick: the area's, or
    // the curves' own when the area is open-ended.
    double time_span = 0;
    for (const auto& subpath : subpaths) {
        for (const CurvePoint& point : subpath) {
            if (inside_survival(point.survival) && point.time >= area.left()) {
                time_span = std::max(time_span, point.time - std::max(0.0, area.left()));
            }
        }
    }
    // Pieces drawn one after the other, each starting where the last ended,
    // are one stroke: a chart may draw a curve as one polyline per segment.
    std::vector<std::vector<CurvePoint>> chains;
    for (auto& subpath : subpaths) {
        if (!chains.empty()) {
            const CurvePoint& last = chains.back().back();
            const CurvePoint& first = subpath.front();
            if (std::abs(last.time - first.time) <= upright &&
                std::abs(last.survival - first.survival) <= flat) {
                chains.back().insert(chains.back().end(), subpath.begin() + 1, subpath.end());
                continue;
            }
        }
        chains.push_back(std::move(subpath));
    }
    struct Flat {
        double from;
        double to;
        double survival;
    };
    std::vector<Flat> flats;
    struct Drop {
        double time;
        double top;
        double bottom;
    };
    std::vector<Drop> final_drops; // vertical segments that end a stroke
    for (const auto& subpath : chains) {
        double t_low = subpath.front().time, t_high = t_low;
        double s_low = subpath.front().survival, s_high = s_low;
        for (const CurvePoint& point : subpath) {
            t_low = std::min(t_low, point.time);
            t_high = std::max(t_high, point.time);
            s_low = std::min(s_low, point.survival);
            s_high = std::max(s_high, point.survival);
        }
        const bool tick =
            subpath.size() <= 3 && t_high - t_low < 0.015 * time_span && s_high - s_low < 0.1;
        if (tick) {
            continue;
        }
        for (std::size_t k = 1; k < subpath.size(); ++k) {
            const CurvePoint& a = subpath[k - 1];
            const CurvePoint& b = subpath[k];
            if (!inside_survival(a.survival) || !inside_survival(b.survival)) {
                continue;
            }
            if (std::abs(a.survival - b.survival) <= flat && a.time != b.time) {
                const double from = std::max(std::min(a.time, b.time), area.left());
                const double to = std::min(std::max(a.time, b.time), area.right());
                if (to > from) {
                    flats.push_back({from, to, (a.survival + b.survival) / 2});
                }
            } else if (std::abs(a.time - b.time) <= upright && b.survival < a.survival &&
                       k + 1 == subpath.size() && a.time >= area.left() && a.time <= area.right()) {
                final_drops.push_back({a.time, a.survival, b.survival});
            }
        }
    }
    if (flats.empty()) {
        return {{},
                QStringLiteral("no horizontal stretch of colour %1 in the plot area: is it the "
                               "curve's colour, and are the axes calibrated on this SVG?")
                    .arg(colour_name(colour))};
    }
    std::sort(flats.begin(), flats.end(), [](const Flat& a, const Flat& b) {
        return a.from != b.from ? a.from < b.from : a.survival > b.survival;
    });
    std::vector<CurvePoint> levels;
    double end = flats.front().to;
    for (const Flat& f : flats) {
        if (levels.empty() || f.survival < levels.back().survival - flat) {
            levels.push_back({f.from, f.survival});
        }
        if (f.survival <= levels.back().survival + flat) {
            end = std::max(end, f.to);
        }
    }
    for (const Drop& drop : final_drops) {
        if (std::abs(drop.top - levels.back().survival) <= flat &&
            std::abs(drop.time - end) <= upright) {
            levels.push_back({drop.time, drop.bottom});
            break;
        }
    }
    if (levels.front().time <= 0.5 * time_unit && levels.front().time >= -0.5 * time_unit) {
        levels.front().time = 0; // a KM curve starts at 0; the user unit is the rounding
    }
    return {step_corners(levels, end), {}};
}

} // namespace triallens::ui
