#pragma once
// From a published Kaplan–Meier figure to reconstructed arms (issue 23):
// open the figure (PNG, JPEG, SVG or a PDF's page), calibrate its axes by clicking two
// ticks on each, pick each arm's curve by clicking it (read by colour off an
// image, exactly from the paths of an SVG: digitise/figure_curve.h), edit the
// points, type or paste the numbers at risk, and reconstruct each arm with
// Guyot et al.'s algorithm (triallens/reconstruct/guyot_reconstruction.h).
// The fit of each arm and what cleaning changed are shown, the rebuilt KM is
// drawn over the figure, and "Use these arms" hands the arms (and the
// study's options) to the caller; "Save as CSV…" writes them as the command
// line's `reconstruct --out` does.
//
// The dialog does no statistics: it gathers the same inputs as
// `triallens reconstruct --image` (app/cli/reconstruct_command.cpp) and calls
// core with them, so the same clicks give the same arms.
//
// The arm's points are kept in data units (time, survival 0–1). "Use these
// arms" is enabled only while the last reconstruction was made from the
// inputs as they are: any edit disables it until Reconstruct is pressed again.

#include "digitise/axis_calibration.h"
#include "digitise/traced_curve.h"

#include <triallens/reconstruct/reconstructed_study.h>

#include <QDialog>
#include <QImage>

#include <array>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTableWidget;
class QTableWidgetItem;
QT_END_NAMESPACE

namespace triallens::ui {

class FigureCanvas;

class DigitiserDialog : public QDialog {
    Q_OBJECT

public:
    enum class Mode { None, Calibrate, AddArm, EditPoints };
    // The four axis marks, in the order their buttons show them.
    enum Mark { X1 = 0, X2 = 1, Y1 = 2, Y2 = 3 };

    explicit DigitiserDialog(QWidget* parent = nullptr);

    // Reads a figure (PNG, JPEG, SVG, or page `page` of a PDF, read as the
    // SVG poppler makes of it); on failure `error` names the file and
    // nothing changes.
    bool openFigure(const QString& path, QString* error, int page = 1);
    // Fills the numbers at risk from tab- or space-separated text (rows of a
    // spreadsheet or a PDF's table) from the current cell on; refused whole,
    // with a message naming the row and column, when a value is not a number.
    bool pasteAtRisk(const QString& text, QString* error);
    // Writes the reconstructed arms as adsl.csv and adtte.csv into `folder`;
    // refused when there is no current reconstruction or the folder holds
    // other data files (a study loaded from it would mix them in).
    bool saveTables(const QString& folder, QString* error);

    // After a successful reconstruction (what accept() hands over).
    std::vector<NamedArm> arms() const { return arms_; }
    ReconstructedStudyOptions studyOptions() const { return options_; }

    // For tests and the caller: the state as the user sees it.
    FigureCanvas* canvas() const { return canvas_; }
    // The canvas's size over the view's: 1 fits the figure, up to 8.
    double zoom() const { return zoom_; }
    void setZoom(double zoom);
    Mode mode() const { return mode_; }
    int armCount() const { return static_cast<int>(curves_.size()); }
    const std::vector<CurvePoint>& armPoints(int arm) const;
    std::optional<AxisCalibration> calibration() const { return calibration_; }
    QString message() const; // the status line: the last error or what to do next
    QString report() const;  // the fit and cleaning text after a reconstruction
    bool reconstructionCurrent() const { return current_; }

public slots:
    void reconstruct();

protected:
    // Ctrl+V on the at-risk table pastes rows into it.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct ArmCurve {
        QColor colour;
        std::vector<CurvePoint> points; // data units
    };

    void buildUi();
    void chooseFigure();
    void chooseSaveFolder();
    void setMode(Mode mode);
    void selectMark(int mark);
    void onPressed(QPointF figure, Qt::KeyboardModifiers modifiers);
    void onDragged(QPointF figure);
    void deleteSelectedPoint();
    void placeMark(QPointF figure);
    void recalibrate();
    void addArmAt(QPointF figure);
    void removeArm();
    void addAtRiskColumn();
    void onAtRiskItemChanged(QTableWidgetItem* item);
    void syncAtRiskRows();
    void refreshCanvas();
    void showMessage(const QString& text, bool error);
    // Any change of the inputs: the last reconstruction no longer holds.
    void inputsChanged();
    int currentArm() const;
    QString armName(int arm) const;
    std::optional<int> armEvents(int arm) const;
    bool readAtRisk(int arm, AtRiskTable* table, QString* error) const;
    QPointF figureToPicture(QPointF figure) const;

    FigureCanvas* canvas_ = nullptr;
    QScrollArea* canvas_view_ = nullptr;
    double zoom_ = 1;
    QLabel* figure_label_ = nullptr;
    std::array<QPushButton*, 4> mark_buttons_{};
    std::array<QDoubleSpinBox*, 4> mark_values_{};
    QPushButton* add_arm_button_ = nullptr;
    QPushButton* edit_points_button_ = nullptr;
    QTableWidget* arms_table_ = nullptr;
    QTableWidget* at_risk_table_ = nullptr;
    QComboBox* time_unit_ = nullptr;
    QLineEdit* source_ = nullptr;
    QLineEdit* paramcd_ = nullptr;
    QLineEdit* param_ = nullptr;
    QPushButton* reconstruct_button_ = nullptr;
    QPushButton* save_button_ = nullptr;
    QLabel* status_ = nullptr;
    QPlainTextEdit* report_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;

    QString figure_path_;
    int figure_page_ = 1;      // of a PDF
    QImage picture_;           // what the canvas shows (an SVG rendered)
    QRectF figure_rect_;       // the figure coordinates the picture covers
    double picture_scale_ = 1; // picture pixels per figure unit
    std::array<std::optional<QPointF>, 4> marks_;
    int next_mark_ = -1; // the mark the next calibration click places
    std::optional<AxisCalibration> calibration_;
    // The calibration the arms' points are in: a later one moves them with
    // it (through the figure's pixels), so a corrected tick never leaves
    // traced or edited points in the old axes' units.
    std::optional<AxisCalibration> points_calibration_;
    std::vector<ArmCurve> curves_;
    int selected_point_ = -1; // in the current arm, while editing points
    Mode mode_ = Mode::None;
    bool updating_ = false;     // the dialog fills a table: not the user's edit
    bool moving_point_ = false; // a press landed on a point: a drag moves it

    std::vector<NamedArm> arms_;
    ReconstructedStudyOptions options_;
    bool current_ = false;
};

} // namespace triallens::ui
