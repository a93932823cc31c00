#pragma once
// The digitiser's picture of a published Kaplan–Meier figure: the figure
// scaled to fit (aspect kept, centred), and on top of it what the user has
// made of it — the four axis marks (x1 x2 y1 y2), each arm's points (small
// squares in the arm's colour, the selected one ringed) and, after a
// reconstruction, each arm's rebuilt KM as a dashed black step line.
//
// Everything it is given and everything it reports is in figure
// coordinates: an image's pixels (continuous: column i spans [i, i + 1)) or
// an SVG's user units, the units the calibration (digitise/axis_calibration.h)
// is made in. The canvas knows nothing of modes or data units: it says where
// the mouse went and the dialog (digitiser_dialog.h) decides what that means.

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QWidget>

#include <array>
#include <optional>
#include <vector>

namespace triallens::ui {

class FigureCanvas : public QWidget {
    Q_OBJECT

public:
    struct PointSet {
        QColor colour;
        std::vector<QPointF> points; // figure coordinates
    };

    explicit FigureCanvas(QWidget* parent = nullptr);

    // `picture` is drawn over `figure_rect` (the figure coordinates it
    // covers: the image's own rectangle, or the SVG's viewBox). A null
    // picture clears the canvas.
    void setFigure(const QImage& picture, const QRectF& figure_rect);
    bool hasFigure() const { return !picture_.isNull(); }

    void setMarks(const std::array<std::optional<QPointF>, 4>& marks);
    void setPointSets(const std::vector<PointSet>& sets, int selected_set, int selected_point);
    void setRebuiltCurves(const std::vector<std::vector<QPointF>>& polylines);

    // The exact map between widget and figure coordinates (the inverse of
    // each other up to the rounding of a widget point to whole pixels).
    QPointF figurePoint(QPointF widget) const;
    QPointF figurePoint(QPoint widget) const { return figurePoint(QPointF(widget)); }
    QPoint widgetPoint(QPointF figure) const;
    // Widget pixels per figure unit.
    double scale() const;

    QSize sizeHint() const override { return {720, 480}; }

signals:
    void pressed(QPointF figure, Qt::KeyboardModifiers modifiers);
    void dragged(QPointF figure);
    void released(QPointF figure);
    void deletePressed();
    // Ctrl+wheel: in (steps > 0) or out, one step per notch.
    void zoomRequested(int steps);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    QPointF offset() const;

    QImage picture_;
    QRectF figure_rect_;
    std::array<std::optional<QPointF>, 4> marks_;
    std::vector<PointSet> sets_;
    int selected_set_ = -1;
    int selected_point_ = -1;
    std::vector<std::vector<QPointF>> rebuilt_;
    bool dragging_ = false; // a button went down on the canvas and is still down
};

} // namespace triallens::ui
