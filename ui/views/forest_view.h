#pragma once
// The forest plot: the ForestModel's text columns on the left and, on the
// right, each row's hazard ratio as a square (area proportional to its
// events) with its confidence interval on a log axis, a reference line at 1
// and "favours" labels; All patients as a diamond spanning its interval.
// Clicking a level (or All patients) selects it and emits rowActivated();
// Up/Down step through the selectable rows. paintForest() draws into any
// QPainter, so the screen and the exporters share one drawing.

#include "models/forest_model.h"
#include "models/palette.h"

#include <triallens/analysis/results.h>

#include <QColor>
#include <QFont>
#include <QPointer>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <array>
#include <vector>

namespace triallens::ui {

class ForestView : public QWidget {
    Q_OBJECT

public:
    // The view starts with a model of its own; setModel() replaces it.
    explicit ForestView(QWidget* parent = nullptr);

    // Does not take ownership; nullptr goes back to the view's own model.
    void setModel(ForestModel* model);
    ForestModel* model() const { return model_; }
    // Shorthand for model()->setResults().
    void setResults(ResultsPtr results);

    // The selected model row, or -1. selectRow() does not emit rowActivated().
    int selectedRow() const { return selected_row_; }
    void selectRow(int row);

    // The colours of the arm names and the marks (the screen uses Default;
    // exports may ask for grayscale). The text follows the widget's font().
    void setFigurePalette(Palette palette);
    Palette figurePalette() const { return palette_; }

    // One text the figure draws: drawn as QPainter::drawText(box, flags, text).
    struct TextItem {
        QString text; // as drawn (a subgroup label may be elided)
        QRectF box;
        int flags = 0;
        QFont font;
        QColor colour;
        QColor backdrop; // when valid, fills the text's own bounds first (over the plot's lines)
    };
    // Every text of the figure laid out in `target` (nullptr device: the widget's).
    std::vector<TextItem> textItems(const QRectF& target,
                                    const QPaintDevice* device = nullptr) const;

    // Draws the whole figure into `target` (in the painter's coordinates);
    // the selection is drawn only when `with_selection`.
    void paintForest(QPainter* painter, const QRectF& target, bool with_selection = true) const;

    // Geometry of the figure laid out in the widget's rectangle.
    QRectF plotArea() const;                  // the axis's horizontal extent × the rows
    QRectF rowRect(int row) const;            // a model row across the figure; empty if none
    int rowAt(const QPointF& position) const; // the model row under a point, or -1
    QRectF plotAreaIn(const QRectF& target, const QPaintDevice* device) const;

    // The log axis: its range (powers of two holding every estimate and, up to
    // 1/16–16, every limit), its ticks (every power of two, or every k-th when
    // labels `label_width` wide would not fit in `plot_width`; always 1) and
    // the x of a hazard ratio in a plot area.
    double axisMinimum() const { return axis_min_; }
    double axisMaximum() const { return axis_max_; }
    std::vector<double> axisTicks(double plot_width = 0, double label_width = 0) const;
    double xForHazardRatio(double hr, const QRectF& plot_area) const;

    // The fill of the subgroup squares and of the All patients diamond.
    static QColor squareColour();
    static QColor diamondColour();

    // The height the figure takes laid out `width` wide, in `device`'s units
    // (nullptr: the widget's); the columns it shows at that width (columns
    // leave as the width shrinks: medians, then n/events, then interaction p).
    double contentHeight(double width, const QPaintDevice* device = nullptr) const;
    std::array<bool, ForestModel::ColumnCount>
    shownColumns(double width, const QPaintDevice* device = nullptr) const;

    // The natural size shows every column; the minimum is the narrowest the
    // layout reflows to, so a scroll area scrolls only below it; the height
    // follows the rows at any width.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

signals:
    // A user chose a row: its variable and level, both empty for All patients.
    void rowActivated(const QString& variable, const QString& level);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Layout;
    // Lays the figure out in `target`; a zero width lays it out at its natural width.
    Layout layout(const QRectF& target, const QPaintDevice* device) const;
    static QRectF armSpan(const Layout& l, std::size_t first_column);
    QString titleText() const;
    // The subgroup cell's text fitted to `width` (elided); on a header row
    // with its interaction p when asked, the label elided before the p.
    QString subgroupText(int row, bool with_interaction, const QFont& font, double width,
                         const QPaintDevice* device) const;
    QString favoursText(bool compared) const;
    // An arm's colour in the figure's palette; text colour for no arm (-1).
    QColor armColour(int arm) const;
    std::vector<TextItem> texts(const Layout& l, const QPaintDevice* device) const;
    void modelReset();
    void activate(int row);
    void updateAxisRange();

    ForestModel* own_model_;
    QPointer<ForestModel> model_;
    int selected_row_ = -1;
    QString selected_variable_; // to keep the selection across refits
    QString selected_level_;
    double axis_min_ = 0.5;
    double axis_max_ = 2;
    Palette palette_ = Palette::Default;
};

} // namespace triallens::ui
