#include "panels/digitiser_dialog.h"

#include "digitise/curve_trace.h"
#include "digitise/figure_curve.h"
#include "digitise/pdf_figure.h"
#include "digitise/svg_curves.h"
#include "panels/figure_canvas.h"

#include <triallens/analysis/time_unit.h>
#include <triallens/io/load_study.h>
#include <triallens/reconstruct/guyot_reconstruction.h>
#include <triallens/reconstruct/reconstruction_error.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

namespace triallens::ui {

namespace {

const std::array<const char*, 4> mark_names = {"x1", "x2", "y1", "y2"};
constexpr int name_column = 0, colour_column = 1, points_column = 2, events_column = 3;
constexpr int initial_at_risk_columns = 10;
// An SVG is drawn for the screen with its longer side this many pixels:
// sharp at any sensible zoom, bounded whatever the file's user units.
constexpr double svg_picture_side = 2000;
// A press this close to a point (widget pixels) picks it.
constexpr double pick_distance = 8;

QString number_text(double value) {
    return QString::number(value, 'g', 4);
}

std::optional<double> median_of(const ReconstructedArm& arm) {
    if (arm.time.empty()) {
        return std::nullopt;
    }
    return survival_quantile(fit_kaplan_meier(tabulate_events(arm.time, arm.event)), 0.5).estimate;
}

// The pasted text as rows of cells: tab-separated (a spreadsheet; empty cells
// kept) or, without tabs, separated by runs of spaces (text copied from a PDF).
std::vector<QStringList> pasted_cells(const QString& text) {
    std::vector<QStringList> rows;
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.back().trimmed().isEmpty()) {
        lines.removeLast();
    }
    for (QString line : lines) {
        line.remove(QLatin1Char('\r'));
        QStringList cells = line.contains(QLatin1Char('\t'))
                                ? line.split(QLatin1Char('\t'))
                                : line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString& cell : cells) {
            cell = cell.trimmed();
        }
        rows.push_back(cells);
    }
    return rows;
}

// Why a cell's text cannot be in the at-risk table ("" when it can): the
// time row takes numbers, an arm's row whole numbers of patients.
QString cell_problem(const QString& text, bool time_row) {
    if (text.isEmpty()) {
        return {};
    }
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value)) {
        return QStringLiteral("\"%1\" is not a number").arg(text);
    }
    if (!time_row && (value < 0 || value != std::floor(value) ||
                      value > static_cast<double>(max_reconstructed_patients))) {
        return QStringLiteral("\"%1\" is not a number of patients (a whole number from 0 to %2)")
            .arg(text)
            .arg(max_reconstructed_patients);
    }
    return {};
}

} // namespace

DigitiserDialog::DigitiserDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Reconstruct arms from a published figure"));
    buildUi();
    syncAtRiskRows();
    setMode(Mode::None);
    inputsChanged();
    showMessage(tr("Open a figure of a published Kaplan–Meier curve."), false);
}

void DigitiserDialog::buildUi() {
    canvas_ = new FigureCanvas(this);
    canvas_->setObjectName(QStringLiteral("canvas"));
    connect(canvas_, &FigureCanvas::pressed, this, &DigitiserDialog::onPressed);
    connect(canvas_, &FigureCanvas::dragged, this, &DigitiserDialog::onDragged);
    connect(canvas_, &FigureCanvas::released, this, [this] { moving_point_ = false; });
    connect(canvas_, &FigureCanvas::deletePressed, this, &DigitiserDialog::deleteSelectedPoint);
    connect(canvas_, &FigureCanvas::zoomRequested, this,
            [this](int steps) { setZoom(zoom_ * std::pow(1.25, steps)); });
    // The canvas fills the view at zoom 1 and grows past it when zoomed in;
    // its map to figure coordinates follows its size, so clicks stay exact.
    canvas_view_ = new QScrollArea(this);
    canvas_view_->setWidget(canvas_);
    canvas_view_->setWidgetResizable(true);
    canvas_view_->setAlignment(Qt::AlignCenter);
    canvas_view_->setMinimumSize(canvas_->minimumSize() + QSize(4, 4));

    auto* side = new QWidget(this);
    side->setMinimumWidth(400);
    side->setMaximumWidth(460);
    auto* side_layout = new QVBoxLayout(side);
    side_layout->setContentsMargins(0, 0, 0, 0);

    auto* open_row = new QHBoxLayout;
    auto* open_button = new QPushButton(tr("Open figure…"), side);
    open_button->setObjectName(QStringLiteral("openFigure"));
    connect(open_button, &QPushButton::clicked, this, &DigitiserDialog::chooseFigure);
    figure_label_ = new QLabel(tr("no figure"), side);
    figure_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    open_row->addWidget(open_button);
    open_row->addWidget(figure_label_, 1);
    side_layout->addLayout(open_row);

    auto* axes = new QGroupBox(tr("Axes: click two ticks on each, type their values"), side);
    auto* axes_layout = new QGridLayout(axes);
    for (int m = 0; m < 4; ++m) {
        auto* button =
            new QPushButton(QString::fromLatin1(mark_names[static_cast<std::size_t>(m)]), axes);
        button->setObjectName(QStringLiteral("mark_") +
                              QLatin1String(mark_names[static_cast<std::size_t>(m)]));
        button->setCheckable(true);
        button->setToolTip(m < 2 ? tr("Click a tick on the time axis")
                                 : tr("Click a tick on the survival axis"));
        connect(button, &QPushButton::clicked, this, [this, m] { selectMark(m); });
        auto* value = new QDoubleSpinBox(axes);
        value->setObjectName(QStringLiteral("value_") +
                             QLatin1String(mark_names[static_cast<std::size_t>(m)]));
        value->setDecimals(3);
        value->setRange(m < 2 ? -1e6 : 0, m < 2 ? 1e6 : 100);
        value->setValue(m == Y2 ? 1 : 0);
        connect(value, &QDoubleSpinBox::valueChanged, this, [this] {
            recalibrate();
            inputsChanged();
        });
        mark_buttons_[static_cast<std::size_t>(m)] = button;
        mark_values_[static_cast<std::size_t>(m)] = value;
        const int row = m % 2, column = (m / 2) * 2;
        axes_layout->addWidget(button, row, column);
        axes_layout->addWidget(value, row, column + 1);
    }
    auto* calibrate = new QPushButton(tr("Calibrate axes"), axes);
    calibrate->setObjectName(QStringLiteral("calibrate"));
    connect(calibrate, &QPushButton::clicked, this, [this] {
        int first = 0;
        while (first < 4 && marks_[static_cast<std::size_t>(first)]) {
            ++first;
        }
        selectMark(first < 4 ? first : 0);
    });
    axes_layout->addWidget(calibrate, 2, 0, 1, 4);
    side_layout->addWidget(axes);

    auto* arms_box = new QGroupBox(tr("Arms"), side);
    auto* arms_layout = new QVBoxLayout(arms_box);
    arms_table_ = new QTableWidget(0, 4, arms_box);
    arms_table_->setObjectName(QStringLiteral("arms"));
    arms_table_->setHorizontalHeaderLabels(
        {tr("Name"), tr("Colour"), tr("Points"), tr("Total events")});
    arms_table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    arms_table_->horizontalHeader()->setSectionResizeMode(name_column, QHeaderView::Stretch);
    arms_table_->setWordWrap(false);
    arms_table_->verticalHeader()->setVisible(false);
    arms_table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    arms_table_->setSelectionMode(QAbstractItemView::SingleSelection);
    arms_table_->setMinimumHeight(110);
    connect(arms_table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (updating_ || item->column() != name_column) {
            return;
        }
        syncAtRiskRows();
        inputsChanged();
    });
    connect(arms_table_, &QTableWidget::currentCellChanged, this, [this] {
        selected_point_ = -1;
        refreshCanvas();
    });
    arms_layout->addWidget(arms_table_);
    auto* arm_buttons = new QHBoxLayout;
    add_arm_button_ = new QPushButton(tr("Add arm"), arms_box);
    add_arm_button_->setObjectName(QStringLiteral("addArm"));
    add_arm_button_->setCheckable(true);
    add_arm_button_->setToolTip(tr("Then click on the arm's curve in the figure"));
    connect(add_arm_button_, &QPushButton::clicked, this,
            [this](bool on) { setMode(on ? Mode::AddArm : Mode::None); });
    edit_points_button_ = new QPushButton(tr("Edit points"), arms_box);
    edit_points_button_->setObjectName(QStringLiteral("editPoints"));
    edit_points_button_->setCheckable(true);
    edit_points_button_->setToolTip(
        tr("Click a point to select it, drag to move it, Delete removes it; "
           "Shift+click adds a point to the selected arm"));
    connect(edit_points_button_, &QPushButton::clicked, this,
            [this](bool on) { setMode(on ? Mode::EditPoints : Mode::None); });
    auto* remove_arm = new QPushButton(tr("Remove arm"), arms_box);
    remove_arm->setObjectName(QStringLiteral("removeArm"));
    connect(remove_arm, &QPushButton::clicked, this, &DigitiserDialog::removeArm);
    arm_buttons->addWidget(add_arm_button_);
    arm_buttons->addWidget(edit_points_button_);
    arm_buttons->addWidget(remove_arm);
    arms_layout->addLayout(arm_buttons);
    side_layout->addWidget(arms_box, 1);

    auto* options_box = new QGroupBox(tr("Reconstructed study"), side);
    auto* form = new QFormLayout(options_box);
    time_unit_ = new QComboBox(options_box);
    time_unit_->setObjectName(QStringLiteral("timeUnit"));
    for (const TimeUnit unit :
         {TimeUnit::Days, TimeUnit::Weeks, TimeUnit::Months, TimeUnit::Years}) {
        time_unit_->addItem(QString::fromLatin1(time_unit_name(unit)), static_cast<int>(unit));
    }
    time_unit_->setCurrentIndex(2);
    source_ = new QLineEdit(QStringLiteral("Publication"), options_box);
    source_->setObjectName(QStringLiteral("source"));
    source_->setToolTip(tr("Where the curve came from, e.g. the publication's reference"));
    paramcd_ = new QLineEdit(QStringLiteral("RECON"), options_box);
    paramcd_->setObjectName(QStringLiteral("paramcd"));
    param_ = new QLineEdit(QStringLiteral("Reconstructed time to event"), options_box);
    param_->setObjectName(QStringLiteral("param"));
    form->addRow(tr("Time unit"), time_unit_);
    form->addRow(tr("Source"), source_);
    form->addRow(tr("Parameter code"), paramcd_);
    form->addRow(tr("Parameter"), param_);
    connect(time_unit_, &QComboBox::currentIndexChanged, this, &DigitiserDialog::inputsChanged);
    for (QLineEdit* edit : {source_, paramcd_, param_}) {
        connect(edit, &QLineEdit::textEdited, this, &DigitiserDialog::inputsChanged);
    }
    side_layout->addWidget(options_box);

    auto* top = new QHBoxLayout;
    auto* canvas_column = new QVBoxLayout;
    canvas_column->addWidget(canvas_view_, 1);
    auto* zoom_row = new QHBoxLayout;
    zoom_row->addStretch(1);
    for (const auto& [name, label, factor] :
         {std::tuple{"zoomOut", "−", 0.8}, std::tuple{"zoomIn", "+", 1.25},
          std::tuple{"zoomFit", "Fit", 0.0}}) {
        auto* button = new QPushButton(tr(label), this);
        button->setObjectName(QLatin1String(name));
        button->setMaximumWidth(64);
        button->setToolTip(factor == 0 ? tr("Fit the figure in the view")
                                       : tr("Zoom (or Ctrl+wheel over the figure)"));
        connect(button, &QPushButton::clicked, this,
                [this, f = factor] { setZoom(f == 0 ? 1 : zoom_ * f); });
        zoom_row->addWidget(button);
    }
    canvas_column->addLayout(zoom_row);
    top->addLayout(canvas_column, 1);
    top->addWidget(side);

    auto* risk_box = new QGroupBox(tr("Numbers at risk (type, or paste rows with Ctrl+V)"), this);
    auto* risk_layout = new QVBoxLayout(risk_box);
    at_risk_table_ = new QTableWidget(1, initial_at_risk_columns, risk_box);
    at_risk_table_->setObjectName(QStringLiteral("atRisk"));
    at_risk_table_->horizontalHeader()->setDefaultSectionSize(56);
    connect(at_risk_table_, &QTableWidget::itemChanged, this,
            &DigitiserDialog::onAtRiskItemChanged);
    at_risk_table_->installEventFilter(this);
    risk_layout->addWidget(at_risk_table_);
    auto* add_column = new QPushButton(tr("Add column"), risk_box);
    add_column->setObjectName(QStringLiteral("addColumn"));
    connect(add_column, &QPushButton::clicked, this, &DigitiserDialog::addAtRiskColumn);
    auto* risk_buttons = new QHBoxLayout;
    risk_buttons->addWidget(add_column);
    risk_buttons->addStretch(1);
    risk_layout->addLayout(risk_buttons);

    auto* report_box = new QGroupBox(tr("Fit and cleaning"), this);
    auto* report_layout = new QVBoxLayout(report_box);
    report_ = new QPlainTextEdit(report_box);
    report_->setObjectName(QStringLiteral("report"));
    report_->setReadOnly(true);
    report_->setLineWrapMode(QPlainTextEdit::NoWrap);
    report_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    report_->setPlaceholderText(tr("Each arm's fit and what cleaning changed, after Reconstruct."));
    report_layout->addWidget(report_);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(risk_box, 3);
    bottom->addWidget(report_box, 2);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    reconstruct_button_ = new QPushButton(tr("Reconstruct"), this);
    reconstruct_button_->setObjectName(QStringLiteral("reconstruct"));
    connect(reconstruct_button_, &QPushButton::clicked, this, &DigitiserDialog::reconstruct);
    save_button_ = new QPushButton(tr("Save as CSV…"), this);
    save_button_->setObjectName(QStringLiteral("saveCsv"));
    connect(save_button_, &QPushButton::clicked, this, &DigitiserDialog::chooseSaveFolder);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Use these arms"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* button_row = new QHBoxLayout;
    button_row->addWidget(reconstruct_button_);
    button_row->addWidget(save_button_);
    button_row->addStretch(1);
    button_row->addWidget(buttons_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 3);
    layout->addLayout(bottom, 1);
    layout->addWidget(status_);
    layout->addLayout(button_row);
    resize(1240, 900);
}

bool DigitiserDialog::openFigure(const QString& path, QString* error, int page) {
    QImage picture;
    QRectF figure_rect;
    double picture_scale = 1;
    QString why;
    const bool pdf = is_pdf_figure(path);
    if (is_svg_figure(path) || pdf) {
        // The curves are read from the paths later (figure_curve); checked
        // here so a file that cannot give them is refused at once. A PDF's
        // page is read as the SVG poppler makes of it (pdf_figure.h).
        QByteArray svg;
        if (pdf) {
            svg = pdf_page_svg(path, page, &why);
        }
        const SvgCurves curves = !why.isEmpty() ? SvgCurves{}
                                 : pdf          ? read_svg_curves(svg, path)
                                                : read_svg_curves_file(path);
        if (!why.isEmpty()) {
            // the page could not be converted: `why` says so
        } else if (!curves.ok()) {
            why = curves.error;
        } else {
            QSvgRenderer renderer;
            if (pdf) {
                renderer.load(svg);
            } else {
                renderer.load(path);
            }
            figure_rect = renderer.viewBoxF();
            if (figure_rect.isEmpty()) {
                figure_rect = QRectF(QPointF(0, 0), QSizeF(renderer.defaultSize()));
            }
            if (!renderer.isValid() || figure_rect.isEmpty()) {
                why = tr("%1: not an SVG drawing Qt can show").arg(path);
            } else {
                picture_scale =
                    svg_picture_side / std::max(figure_rect.width(), figure_rect.height());
                picture = QImage(static_cast<int>(std::ceil(figure_rect.width() * picture_scale)),
                                 static_cast<int>(std::ceil(figure_rect.height() * picture_scale)),
                                 QImage::Format_ARGB32_Premultiplied);
                picture.fill(Qt::white);
                QPainter painter(&picture);
                renderer.render(&painter, QRectF(0, 0, figure_rect.width() * picture_scale,
                                                 figure_rect.height() * picture_scale));
            }
        }
    } else {
        picture = read_figure_image(path, &why);
        figure_rect = QRectF(0, 0, picture.width(), picture.height());
    }
    if (!why.isEmpty() || picture.isNull()) {
        if (why.isEmpty()) {
            why = tr("%1: cannot be read").arg(path);
        }
        if (error) {
            *error = why;
        }
        return false;
    }

    figure_path_ = path;
    figure_page_ = page;
    picture_ = picture;
    figure_rect_ = figure_rect;
    picture_scale_ = picture_scale;
    marks_ = {};
    calibration_.reset();
    curves_.clear();
    selected_point_ = -1;
    updating_ = true;
    arms_table_->setRowCount(0);
    updating_ = false;
    syncAtRiskRows();
    canvas_->setFigure(picture_, figure_rect_);
    setZoom(1);
    figure_label_->setText(QFileInfo(path).fileName());
    figure_label_->setToolTip(path);
    inputsChanged();
    selectMark(X1);
    return true;
}

void DigitiserDialog::setZoom(double zoom) {
    zoom = std::clamp(zoom, 1.0, 8.0);
    if (std::abs(zoom - zoom_) < 1e-9) {
        return;
    }
    // Keep the figure point at the view's centre where it is.
    const QSize view = canvas_view_->viewport()->size();
    const QPointF centre = canvas_->figurePoint(
        canvas_->mapFrom(canvas_view_->viewport(), QPoint(view.width() / 2, view.height() / 2)));
    zoom_ = zoom;
    if (zoom_ == 1) {
        canvas_view_->setWidgetResizable(true);
    } else {
        canvas_view_->setWidgetResizable(false);
        canvas_->resize(view * zoom_);
    }
    const QPoint at = canvas_->widgetPoint(centre);
    canvas_view_->horizontalScrollBar()->setValue(at.x() - view.width() / 2);
    canvas_view_->verticalScrollBar()->setValue(at.y() - view.height() / 2);
}

void DigitiserDialog::chooseFigure() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a published Kaplan–Meier figure"), QString(),
                                     tr("Figures (*.png *.jpg *.jpeg *.svg *.pdf);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString why;
    int page = 1;
    if (is_pdf_figure(path)) {
        // A paper's figure is on one of its pages: ask which when there are more.
        const int pages = pdf_page_count(path, &why);
        if (pages > 1) {
            bool chosen = false;
            page = QInputDialog::getInt(this, tr("Page of the figure"),
                                        tr("%1 has %2 pages. The figure is on page:")
                                            .arg(QFileInfo(path).fileName())
                                            .arg(pages),
                                        1, 1, pages, 1, &chosen);
            if (!chosen) {
                return;
            }
        }
        why.clear(); // a count that cannot be read: the conversion says why
    }
    if (!openFigure(path, &why, page)) {
        showMessage(why, true);
    }
}

void DigitiserDialog::setMode(Mode mode) {
    mode_ = mode;
    if (mode != Mode::Calibrate) {
        next_mark_ = -1;
    }
    if (mode != Mode::EditPoints) {
        selected_point_ = -1;
        moving_point_ = false;
    }
    for (int m = 0; m < 4; ++m) {
        mark_buttons_[static_cast<std::size_t>(m)]->setChecked(mode == Mode::Calibrate &&
                                                               m == next_mark_);
    }
    add_arm_button_->setChecked(mode == Mode::AddArm);
    edit_points_button_->setChecked(mode == Mode::EditPoints);
    canvas_->setCursor(mode == Mode::None ? Qt::ArrowCursor : Qt::CrossCursor);
    switch (mode) {
    case Mode::Calibrate:
        showMessage(next_mark_ < 2
                        ? tr("Click tick %1 on the time axis, and type its value.")
                              .arg(QLatin1String(mark_names[static_cast<std::size_t>(next_mark_)]))
                        : tr("Click tick %1 on the survival axis, and type its value.")
                              .arg(QLatin1String(mark_names[static_cast<std::size_t>(next_mark_)])),
                    false);
        break;
    case Mode::AddArm:
        showMessage(tr("Click on the arm's curve in the figure."), false);
        break;
    case Mode::EditPoints:
        showMessage(tr("Click a point to select it, drag to move it, Delete removes it; "
                       "Shift+click adds a point to the selected arm."),
                    false);
        break;
    case Mode::None:
        break;
    }
    refreshCanvas();
}

void DigitiserDialog::selectMark(int mark) {
    if (!canvas_->hasFigure()) {
        mark_buttons_[static_cast<std::size_t>(mark)]->setChecked(false);
        showMessage(tr("Open a figure first."), true);
        return;
    }
    next_mark_ = mark;
    setMode(Mode::Calibrate);
}

void DigitiserDialog::onPressed(QPointF figure, Qt::KeyboardModifiers modifiers) {
    switch (mode_) {
    case Mode::Calibrate:
        placeMark(figure);
        return;
    case Mode::AddArm:
        addArmAt(figure);
        return;
    case Mode::EditPoints:
        break;
    case Mode::None:
        return;
    }
    const int arm = currentArm();
    if (arm < 0) {
        showMessage(tr("Add an arm first: its points are what is edited."), true);
        return;
    }
    if (!calibration_) {
        showMessage(uncalibrated_message(), true);
        return;
    }
    std::vector<CurvePoint>& points = curves_[static_cast<std::size_t>(arm)].points;
    if (modifiers & Qt::ShiftModifier) {
        const CurvePoint added = calibration_->to_data(figure);
        const auto at = std::upper_bound(
            points.begin(), points.end(), added.time,
            [](double time, const CurvePoint& point) { return time < point.time; });
        selected_point_ = static_cast<int>(points.insert(at, added) - points.begin());
        moving_point_ = false;
        inputsChanged();
        refreshCanvas();
        return;
    }
    // The nearest point on the screen within reach.
    selected_point_ = -1;
    double best = pick_distance / canvas_->scale();
    for (std::size_t p = 0; p < points.size(); ++p) {
        const QPointF at = calibration_->to_pixel(points[p]);
        const double distance = std::hypot(at.x() - figure.x(), at.y() - figure.y());
        if (distance <= best) {
            best = distance;
            selected_point_ = static_cast<int>(p);
        }
    }
    moving_point_ = selected_point_ >= 0;
    refreshCanvas();
}

void DigitiserDialog::onDragged(QPointF figure) {
    const int arm = currentArm();
    if (mode_ != Mode::EditPoints || !moving_point_ || arm < 0 || !calibration_ ||
        selected_point_ < 0) {
        return;
    }
    std::vector<CurvePoint>& points = curves_[static_cast<std::size_t>(arm)].points;
    if (selected_point_ >= static_cast<int>(points.size())) {
        return;
    }
    points[static_cast<std::size_t>(selected_point_)] = calibration_->to_data(figure);
    inputsChanged();
    refreshCanvas();
}

void DigitiserDialog::deleteSelectedPoint() {
    const int arm = currentArm();
    if (mode_ != Mode::EditPoints || arm < 0 || selected_point_ < 0) {
        return;
    }
    std::vector<CurvePoint>& points = curves_[static_cast<std::size_t>(arm)].points;
    if (selected_point_ < static_cast<int>(points.size())) {
        points.erase(points.begin() + selected_point_);
    }
    selected_point_ = -1;
    moving_point_ = false;
    inputsChanged();
    refreshCanvas();
}

void DigitiserDialog::placeMark(QPointF figure) {
    if (next_mark_ < 0) {
        return;
    }
    marks_[static_cast<std::size_t>(next_mark_)] = figure;
    int next = next_mark_ + 1;
    while (next < 4 && marks_[static_cast<std::size_t>(next)]) {
        ++next;
    }
    inputsChanged();
    if (next < 4) {
        next_mark_ = next;
        setMode(Mode::Calibrate);
    } else {
        setMode(Mode::None);
    }
    recalibrate();
}

void DigitiserDialog::recalibrate() {
    const bool all =
        std::all_of(marks_.begin(), marks_.end(),
                    [](const std::optional<QPointF>& mark) { return mark.has_value(); });
    if (!all) {
        calibration_.reset();
        refreshCanvas();
        return;
    }
    const auto click = [this](int m) {
        return AxisClick{*marks_[static_cast<std::size_t>(m)],
                         mark_values_[static_cast<std::size_t>(m)]->value()};
    };
    QString why;
    calibration_ = calibrate_axes(click(X1), click(X2), click(Y1), click(Y2), &why);
    if (!calibration_) {
        showMessage(tr("Axes: %1").arg(why), true);
    } else if (!curves_.empty() && points_calibration_) {
        for (ArmCurve& curve : curves_) {
            for (CurvePoint& point : curve.points) {
                point = calibration_->to_data(points_calibration_->to_pixel(point));
            }
        }
        points_calibration_ = calibration_;
        inputsChanged();
        showMessage(
            tr("Axes recalibrated: the points of %n arm(s) moved with them.", nullptr, armCount()),
            false);
    } else if (mode_ == Mode::None) {
        showMessage(tr("Axes calibrated. Add each arm: \"Add arm\", then click its curve."), false);
    }
    refreshCanvas();
}

void DigitiserDialog::addArmAt(QPointF figure) {
    if (!calibration_) {
        showMessage(uncalibrated_message(), true);
        return;
    }
    const QPointF at = figureToPicture(figure);
    const PickedColour picked =
        pick_curve_colour(picture_, QPoint(static_cast<int>(std::floor(at.x())),
                                           static_cast<int>(std::floor(at.y()))));
    if (!picked.ok()) {
        showMessage(tr("No arm added: %1").arg(picked.error), true);
        return;
    }
    for (int arm = 0; arm < armCount(); ++arm) {
        if (curves_[static_cast<std::size_t>(arm)].colour.rgb() == QColor(picked.colour).rgb()) {
            showMessage(tr("No arm added: the curve in %1 is already the arm \"%2\".")
                            .arg(colour_name(picked.colour), armName(arm)),
                        true);
            return;
        }
    }
    const TracedCurve traced =
        figure_curve(figure_path_, picked.colour, *calibration_, FigureReadOptions{figure_page_});
    if (!traced.ok()) {
        showMessage(tr("No arm added (%1): %2").arg(colour_name(picked.colour), traced.error),
                    true);
        return;
    }
    curves_.push_back({QColor(picked.colour), traced.points});
    points_calibration_ = calibration_;
    const int row = armCount() - 1;
    updating_ = true;
    arms_table_->insertRow(row);
    arms_table_->setItem(row, name_column, new QTableWidgetItem(tr("Arm %1").arg(row + 1)));
    auto* swatch = new QTableWidgetItem(colour_name(picked.colour));
    swatch->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    // A swatch as the item's icon: a background would vanish under the selection.
    QPixmap square(14, 14);
    square.fill(QColor(picked.colour));
    swatch->setIcon(QIcon(square));
    arms_table_->setItem(row, colour_column, swatch);
    auto* count = new QTableWidgetItem;
    count->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    arms_table_->setItem(row, points_column, count);
    auto* events = new QSpinBox(arms_table_);
    // The minimum stands for "not given": the paper did not say.
    events->setRange(-1, max_reconstructed_patients);
    events->setSpecialValueText(QStringLiteral("—"));
    events->setValue(-1);
    events->setToolTip(tr("The arm's total events, when the publication gives them"));
    connect(events, &QSpinBox::valueChanged, this, &DigitiserDialog::inputsChanged);
    arms_table_->setCellWidget(row, events_column, events);
    updating_ = false;
    arms_table_->setCurrentCell(row, name_column);
    syncAtRiskRows();
    setMode(Mode::None);
    inputsChanged();
    refreshCanvas();
    showMessage(tr("Arm %1 added: %2 points read in %3. Name it in the table.")
                    .arg(row + 1)
                    .arg(traced.points.size())
                    .arg(colour_name(picked.colour)),
                false);
}

void DigitiserDialog::removeArm() {
    const int arm = currentArm();
    if (arm < 0) {
        return;
    }
    curves_.erase(curves_.begin() + arm);
    updating_ = true;
    arms_table_->removeRow(arm);
    at_risk_table_->removeRow(arm + 1);
    updating_ = false;
    selected_point_ = -1;
    syncAtRiskRows();
    inputsChanged();
    refreshCanvas();
}

void DigitiserDialog::addAtRiskColumn() {
    if (at_risk_table_->columnCount() < static_cast<int>(max_at_risk_times)) {
        at_risk_table_->insertColumn(at_risk_table_->columnCount());
    }
}

void DigitiserDialog::syncAtRiskRows() {
    updating_ = true;
    at_risk_table_->setRowCount(1 + armCount());
    QStringList labels{tr("Time")};
    for (int arm = 0; arm < armCount(); ++arm) {
        labels << armName(arm);
    }
    at_risk_table_->setVerticalHeaderLabels(labels);
    updating_ = false;
}

bool DigitiserDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == at_risk_table_ &&
        (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Paste)) {
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept(); // the table's paste, not a window's shortcut
            return true;
        }
        QString why;
        if (pasteAtRisk(QGuiApplication::clipboard()->text(), &why)) {
            showMessage(tr("Numbers at risk pasted."), false);
        } else {
            showMessage(why, true);
        }
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

bool DigitiserDialog::pasteAtRisk(const QString& text, QString* error) {
    const std::vector<QStringList> rows = pasted_cells(text);
    const int first_row = std::max(0, at_risk_table_->currentRow());
    const int first_column = std::max(0, at_risk_table_->currentColumn());
    const auto fail = [&](const QString& why) {
        if (error) {
            *error = why;
        }
        return false;
    };
    if (rows.empty()) {
        return fail(tr("Nothing to paste: the clipboard holds no text."));
    }
    if (first_row + static_cast<int>(rows.size()) > at_risk_table_->rowCount()) {
        return fail(tr("The pasted text has %1 rows; from row \"%2\" the table has %3 (add the "
                       "arms first).")
                        .arg(rows.size())
                        .arg(at_risk_table_->verticalHeaderItem(first_row)->text())
                        .arg(at_risk_table_->rowCount() - first_row));
    }
    qsizetype widest = 0;
    for (const QStringList& cells : rows) {
        widest = std::max(widest, cells.size());
    }
    if (first_column + widest > static_cast<qsizetype>(max_at_risk_times)) {
        return fail(tr("The pasted text has %1 columns: more than the %2 times a table can have.")
                        .arg(widest)
                        .arg(max_at_risk_times));
    }
    // Every cell checked before any is written: nothing half pasted.
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const int row = first_row + static_cast<int>(r);
        for (qsizetype c = 0; c < rows[r].size(); ++c) {
            const QString why = cell_problem(rows[r][c], row == 0);
            if (!why.isEmpty()) {
                return fail(tr("Numbers at risk, row \"%1\", column %2: %3")
                                .arg(at_risk_table_->verticalHeaderItem(row)->text())
                                .arg(first_column + c + 1)
                                .arg(why));
            }
        }
    }
    updating_ = true;
    if (first_column + widest > at_risk_table_->columnCount()) {
        at_risk_table_->setColumnCount(static_cast<int>(first_column + widest));
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (qsizetype c = 0; c < rows[r].size(); ++c) {
            at_risk_table_->setItem(first_row + static_cast<int>(r),
                                    first_column + static_cast<int>(c),
                                    new QTableWidgetItem(rows[r][c]));
        }
    }
    updating_ = false;
    inputsChanged();
    return true;
}

void DigitiserDialog::onAtRiskItemChanged(QTableWidgetItem* item) {
    if (updating_) {
        return;
    }
    const QString text = item->text().trimmed();
    const QString why = cell_problem(text, item->row() == 0);
    if (!why.isEmpty()) {
        updating_ = true;
        item->setText(QString());
        updating_ = false;
        showMessage(tr("Numbers at risk, row \"%1\", column %2: %3")
                        .arg(at_risk_table_->verticalHeaderItem(item->row())->text())
                        .arg(item->column() + 1)
                        .arg(why),
                    true);
    }
    inputsChanged();
}

bool DigitiserDialog::readAtRisk(int arm, AtRiskTable* table, QString* error) const {
    const int row = arm + 1;
    const auto text = [this](int r, int c) {
        const QTableWidgetItem* item = at_risk_table_->item(r, c);
        return item ? item->text().trimmed() : QString();
    };
    for (int c = 0; c < at_risk_table_->columnCount(); ++c) {
        const QString time = text(0, c);
        const QString n = text(row, c);
        if (time.isEmpty() && n.isEmpty()) {
            continue;
        }
        const QString where = tr("Numbers at risk, column %1: ").arg(c + 1);
        if (time.isEmpty()) {
            *error = where +
                     tr("the arm \"%1\" has a number but the time row is empty").arg(armName(arm));
            return false;
        }
        if (n.isEmpty()) {
            *error =
                where + tr("the time %1 has no number for the arm \"%2\"").arg(time, armName(arm));
            return false;
        }
        for (const auto& [r, value] : {std::pair{0, time}, std::pair{row, n}}) {
            const QString why = cell_problem(value, r == 0);
            if (!why.isEmpty()) {
                *error = tr("Numbers at risk, row \"%1\", column %2: %3")
                             .arg(r == 0 ? tr("Time") : armName(arm))
                             .arg(c + 1)
                             .arg(why);
                return false;
            }
        }
        table->time.push_back(QLocale::c().toDouble(time));
        table->n_risk.push_back(static_cast<int>(QLocale::c().toDouble(n)));
    }
    if (table->time.empty()) {
        *error = tr("The arm \"%1\" has no numbers at risk: type or paste its row of the "
                    "figure's table.")
                     .arg(armName(arm));
        return false;
    }
    return true;
}

void DigitiserDialog::reconstruct() {
    if (curves_.empty()) {
        showMessage(tr("Nothing to reconstruct: add an arm first."), true);
        return;
    }
    ReconstructedStudyOptions options;
    options.time_unit = static_cast<TimeUnit>(time_unit_->currentData().toInt());
    options.source = source_->text().trimmed().toStdString();
    options.paramcd = paramcd_->text().trimmed().toStdString();
    options.param = param_->text().trimmed().toStdString();

    std::vector<NamedArm> arms;
    for (int arm = 0; arm < armCount(); ++arm) {
        const QString name = armName(arm);
        if (name.isEmpty()) {
            showMessage(tr("Arm %1 has no name: type it in the table.").arg(arm + 1), true);
            return;
        }
        AtRiskTable table;
        QString why;
        if (!readAtRisk(arm, &table, &why)) {
            showMessage(why, true);
            return;
        }
        TracedCurve traced;
        traced.points = curves_[static_cast<std::size_t>(arm)].points;
        GuyotOptions guyot;
        guyot.total_events = armEvents(arm);
        try {
            arms.push_back(
                {name.toStdString(), reconstruct_arm(digitised_curve(traced), table, guyot)});
        } catch (const ReconstructionError& failure) {
            showMessage(tr("Arm \"%1\": %2").arg(name, QString::fromStdString(failure.what())),
                        true);
            return;
        }
    }
    try {
        // What the tables would refuse (a formula-like source, repeated
        // names), refused now rather than when they are written or used.
        reconstructed_tables(arms, options);
    } catch (const std::invalid_argument& failure) {
        showMessage(QString::fromStdString(failure.what()), true);
        return;
    }

    const QString unit = QString::fromLatin1(time_unit_name(options.time_unit));
    QString text;
    std::vector<std::vector<QPointF>> rebuilt;
    for (const NamedArm& named : arms) {
        const FitReport& fit = named.arm.fit;
        const std::optional<double> median = median_of(named.arm);
        text +=
            tr("%1: n %2, events %3, censored %4, median %5")
                .arg(QString::fromStdString(named.name))
                .arg(fit.n)
                .arg(fit.events)
                .arg(fit.censored)
                .arg(median ? number_text(*median) + QLatin1Char(' ') + unit : tr("not reached"));
        if (fit.total_events_published) {
            text += tr(" (published events %1)").arg(*fit.total_events_published);
        }
        text += tr("\n  fit to the curve: largest difference %1, RMS %2 over %3 points\n")
                    .arg(fit.max_abs_difference, 0, 'f', 4)
                    .arg(fit.rms_difference, 0, 'f', 4)
                    .arg(fit.points);
        text += tr("  at risk:    time  published  rebuilt\n");
        for (const AtRiskComparison& row : fit.at_risk) {
            text += QStringLiteral("%1 %2 %3\n")
                        .arg(number_text(row.time), 16)
                        .arg(row.published, 10)
                        .arg(row.rebuilt, 8);
        }
        if (named.arm.changes.empty()) {
            text += tr("  changes: none\n");
        } else {
            text += tr("  changes:\n");
            for (const std::string& change : named.arm.changes) {
                text +=
                    QStringLiteral("    - ") + QString::fromStdString(change) + QLatin1Char('\n');
            }
        }
        text += QLatin1Char('\n');

        // The rebuilt KM as a step line, in figure coordinates.
        const KaplanMeier km = fit_kaplan_meier(tabulate_events(named.arm.time, named.arm.event));
        std::vector<QPointF> line{calibration_->to_pixel({0, 1})};
        double level = 1;
        for (std::size_t i = 0; i < km.curve.time.size(); ++i) {
            if (km.curve.surv[i] < level) {
                line.push_back(calibration_->to_pixel({km.curve.time[i], level}));
                level = km.curve.surv[i];
                line.push_back(calibration_->to_pixel({km.curve.time[i], level}));
            }
        }
        line.push_back(calibration_->to_pixel({named.arm.time.back(), level}));
        rebuilt.push_back(std::move(line));
    }

    arms_ = std::move(arms);
    options_ = options;
    current_ = true;
    report_->setPlainText(text);
    canvas_->setRebuiltCurves(rebuilt);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(true);
    save_button_->setEnabled(true);
    showMessage(tr("Reconstructed %n arm(s): the rebuilt KM is drawn dashed over the figure. "
                   "These are pseudo-patients, not real ones.",
                   nullptr, static_cast<int>(arms_.size())),
                false);
}

bool DigitiserDialog::saveTables(const QString& folder, QString* error) {
    const auto fail = [&](const QString& why) {
        if (error) {
            *error = why;
        }
        return false;
    };
    if (!current_) {
        return fail(tr("Reconstruct first: there are no current arms to save."));
    }
    try {
        const std::filesystem::path dir = folder.toStdString();
        // As the command line's --out: a study loads every data file of its
        // folder, so others beside these two would be mixed in unsaid.
        for (const std::filesystem::path& file : data_files_in(dir)) {
            const std::string name = file.filename().string();
            if (name != "adsl.csv" && name != "adtte.csv") {
                return fail(tr("%1 already holds other data files (%2); a study loaded from it "
                               "would mix them with the reconstructed arms: choose an empty or "
                               "new folder")
                                .arg(folder, QString::fromStdString(name)));
            }
        }
        write_reconstructed_tables(reconstructed_tables(arms_, options_), dir);
    } catch (const std::exception& failure) {
        return fail(tr("%1: %2").arg(folder, QString::fromStdString(failure.what())));
    }
    return true;
}

void DigitiserDialog::chooseSaveFolder() {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Folder for adsl.csv and adtte.csv"));
    if (folder.isEmpty()) {
        return;
    }
    QString why;
    if (saveTables(folder, &why)) {
        showMessage(tr("Saved adsl.csv and adtte.csv in %1.").arg(folder), false);
    } else {
        showMessage(why, true);
    }
}

void DigitiserDialog::refreshCanvas() {
    canvas_->setMarks(marks_);
    std::vector<FigureCanvas::PointSet> sets;
    for (const ArmCurve& curve : curves_) {
        FigureCanvas::PointSet set{curve.colour, {}};
        if (calibration_) {
            for (const CurvePoint& point : curve.points) {
                set.points.push_back(calibration_->to_pixel(point));
            }
        }
        sets.push_back(std::move(set));
    }
    canvas_->setPointSets(sets, mode_ == Mode::EditPoints ? currentArm() : -1, selected_point_);
    updating_ = true;
    for (int arm = 0; arm < armCount(); ++arm) {
        if (QTableWidgetItem* count = arms_table_->item(arm, points_column)) {
            count->setText(QString::number(curves_[static_cast<std::size_t>(arm)].points.size()));
        }
    }
    updating_ = false;
}

void DigitiserDialog::showMessage(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void DigitiserDialog::inputsChanged() {
    current_ = false;
    arms_.clear();
    canvas_->setRebuiltCurves({});
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
    save_button_->setEnabled(false);
}

int DigitiserDialog::currentArm() const {
    const int row = arms_table_->currentRow();
    if (row >= 0 && row < armCount()) {
        return row;
    }
    return armCount() > 0 ? 0 : -1;
}

QString DigitiserDialog::armName(int arm) const {
    const QTableWidgetItem* item = arms_table_->item(arm, name_column);
    return item ? item->text().trimmed() : QString();
}

std::optional<int> DigitiserDialog::armEvents(int arm) const {
    const auto* events = qobject_cast<const QSpinBox*>(arms_table_->cellWidget(arm, events_column));
    if (events == nullptr || events->value() < 0) {
        return std::nullopt;
    }
    return events->value();
}

const std::vector<CurvePoint>& DigitiserDialog::armPoints(int arm) const {
    return curves_.at(static_cast<std::size_t>(arm)).points;
}

QString DigitiserDialog::message() const {
    return status_->text();
}

QString DigitiserDialog::report() const {
    return report_->toPlainText();
}

QPointF DigitiserDialog::figureToPicture(QPointF figure) const {
    return (figure - figure_rect_.topLeft()) * picture_scale_;
}

} // namespace triallens::ui
