#include "panels/figure_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

const std::array<const char*, 4> mark_names = {"x1", "x2", "y1", "y2"};

} // namespace

FigureCanvas::FigureCanvas(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // drags are told apart by dragging_, not by the buttons
    setMinimumSize(320, 220);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, QColor(0xe8, 0xe8, 0xe8));
    setPalette(palette);
}

void FigureCanvas::setFigure(const QImage& picture, const QRectF& figure_rect) {
    picture_ = picture;
    figure_rect_ = figure_rect;
    marks_ = {};
    sets_.clear();
    rebuilt_.clear();
    selected_set_ = selected_point_ = -1;
    update();
}

void FigureCanvas::setMarks(const std::array<std::optional<QPointF>, 4>& marks) {
    marks_ = marks;
    update();
}

void FigureCanvas::setPointSets(const std::vector<PointSet>& sets, int selected_set,
                                int selected_point) {
    sets_ = sets;
    selected_set_ = selected_set;
    selected_point_ = selected_point;
    update();
}

void FigureCanvas::setRebuiltCurves(const std::vector<std::vector<QPointF>>& polylines) {
    rebuilt_ = polylines;
    update();
}

double FigureCanvas::scale() const {
    if (figure_rect_.isEmpty()) {
        return 1;
    }
    return std::min(width() / figure_rect_.width(), height() / figure_rect_.height());
}

QPointF FigureCanvas::offset() const {
    const double s = scale();
    return {(width() - figure_rect_.width() * s) / 2, (height() - figure_rect_.height() * s) / 2};
}

QPointF FigureCanvas::figurePoint(QPointF widget) const {
    return figure_rect_.topLeft() + (widget - offset()) / scale();
}

QPoint FigureCanvas::widgetPoint(QPointF figure) const {
    const QPointF w = offset() + (figure - figure_rect_.topLeft()) * scale();
    return {static_cast<int>(std::lround(w.x())), static_cast<int>(std::lround(w.y()))};
}

void FigureCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (picture_.isNull()) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Open a figure: a PNG, JPEG or SVG of a published "
                            "Kaplan–Meier curve."));
        return;
    }
    const double s = scale();
    const QPointF origin = offset();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRectF(origin, figure_rect_.size() * s), picture_);
    painter.setRenderHint(QPainter::Antialiasing);
    const auto at = [&](QPointF figure) { return origin + (figure - figure_rect_.topLeft()) * s; };

    // The rebuilt KM first, so the points stay visible on it.
    QPen dashed(Qt::black, 1.5, Qt::DashLine);
    painter.setPen(dashed);
    painter.setBrush(Qt::NoBrush);
    for (const auto& line : rebuilt_) {
        QPainterPath path;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (i == 0) {
                path.moveTo(at(line[i]));
            } else {
                path.lineTo(at(line[i]));
            }
        }
        painter.drawPath(path);
    }

    for (int set = 0; set < static_cast<int>(sets_.size()); ++set) {
        const PointSet& points = sets_[static_cast<std::size_t>(set)];
        painter.setPen(QPen(points.colour.darker(150), 1));
        painter.setBrush(points.colour);
        for (int p = 0; p < static_cast<int>(points.points.size()); ++p) {
            const QPointF centre = at(points.points[static_cast<std::size_t>(p)]);
            painter.drawRect(QRectF(centre - QPointF(2.5, 2.5), QSizeF(5, 5)));
            if (set == selected_set_ && p == selected_point_) {
                painter.save();
                painter.setPen(QPen(Qt::black, 1.5));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(centre, 7, 7);
                painter.restore();
            }
        }
    }

    // The marks: a cross with its name on a white label, readable over any figure.
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    for (std::size_t m = 0; m < marks_.size(); ++m) {
        if (!marks_[m]) {
            continue;
        }
        const QPointF centre = at(*marks_[m]);
        const QColor colour(m < 2 ? QColor(0xc0, 0x00, 0x60) : QColor(0x00, 0x80, 0x40));
        painter.setPen(QPen(colour, 2));
        painter.drawLine(centre - QPointF(8, 0), centre + QPointF(8, 0));
        painter.drawLine(centre - QPointF(0, 8), centre + QPointF(0, 8));
        const QString name = QString::fromLatin1(mark_names[m]);
        // x marks sit on the time axis: label below; y marks on the survival axis: label left.
        QRectF label(0, 0, metrics.horizontalAdvance(name) + 6, metrics.height() + 2);
        label.moveCenter(m < 2 ? centre + QPointF(0, 10 + label.height() / 2)
                               : centre - QPointF(10 + label.width() / 2, 0));
        painter.setPen(QPen(colour, 1));
        painter.setBrush(QColor(255, 255, 255, 230));
        painter.drawRect(label);
        painter.drawText(label, Qt::AlignCenter, name);
    }
}

void FigureCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || picture_.isNull()) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    dragging_ = true;
    emit pressed(figurePoint(event->position()), event->modifiers());
}

void FigureCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (dragging_) {
        emit dragged(figurePoint(event->position()));
    }
}

void FigureCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (dragging_ && event->button() == Qt::LeftButton) {
        dragging_ = false;
        emit released(figurePoint(event->position()));
    }
}

void FigureCanvas::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        emit deletePressed();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FigureCanvas::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0) {
            emit zoomRequested(steps);
        }
        event->accept();
        return;
    }
    QWidget::wheelEvent(event); // scrolls the scroll area around a zoomed figure
}

} // namespace triallens::ui
