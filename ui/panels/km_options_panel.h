#pragma once
// The Survival plot dock: every choice of the Kaplan–Meier figure that is not
// an export setting — the time axis's end and break interval, the axis
// titles, survival or cumulative incidence, proportion or percent, the
// table's style (none, number at risk, "n (events)", KMunicate), CI bands,
// median lines, censor marks and the table's optional rows — with a
// "KMunicate style" button and one to go back to the defaults.
//
// setOptions() shows options without emitting (the view's context menu and a
// restored analysis use it); a user's edit emits optionsEdited() with the
// whole new options, and only options km_options_problem() accepts: a
// problem is shown in the panel instead, and the figure keeps what it had.
// Font and palette are carried through unchanged (they belong to exports).

#include "document/km_figure_options.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
QT_END_NAMESPACE

namespace triallens::ui {

class KmOptionsPanel : public QWidget {
    Q_OBJECT

public:
    explicit KmOptionsPanel(QWidget* parent = nullptr);

    void setOptions(const KmFigureOptions& options);
    // The options the widgets show, on top of the last options set.
    KmFigureOptions options() const;
    // The time axis's default title ("Time (months)"), shown greyed in the
    // x-axis title's box while it is empty.
    void setDefaultTimeTitle(const QString& title);

    QDoubleSpinBox* xLimitBox() const { return x_limit_; }
    QDoubleSpinBox* breakByBox() const { return break_by_; }
    QLineEdit* xLabelEdit() const { return x_label_; }
    QLineEdit* yLabelEdit() const { return y_label_; }
    QComboBox* yScaleBox() const { return y_scale_; }
    QCheckBox* percentBox() const { return percent_; }
    QComboBox* riskTableBox() const { return risk_table_; }
    QPushButton* kmunicateButton() const { return kmunicate_; }
    QPushButton* defaultsButton() const { return defaults_; }
    QLabel* problemLabel() const { return problem_; }

signals:
    void optionsEdited(const triallens::ui::KmFigureOptions& options);

private:
    void showOptions(const KmFigureOptions& options);
    void edited();
    void apply(const KmFigureOptions& options);

    KmFigureOptions options_; // the last options shown
    bool showing_ = false;
    QDoubleSpinBox* x_limit_;
    QDoubleSpinBox* break_by_;
    QLineEdit* x_label_;
    QLineEdit* y_label_;
    QComboBox* y_scale_;
    QCheckBox* percent_;
    QComboBox* risk_table_;
    QCheckBox* ci_bands_;
    QCheckBox* median_lines_;
    QCheckBox* censor_marks_;
    QCheckBox* events_row_;
    QCheckBox* censored_row_;
    QPushButton* kmunicate_;
    QPushButton* defaults_;
    QLabel* problem_;
};

} // namespace triallens::ui
