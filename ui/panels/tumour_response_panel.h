#pragma once
// The "Tumour response" tab: a selector of the four figures (Waterfall,
// Spider, Swimmer, Duration of response) with the choices that apply to the
// one shown — colour by best response or arm (waterfall, spider), arms side
// by side or interleaved (waterfall), responders only (swimmer) — above the
// figure (TumourFigureView), which follows every refit. A click on a bar, a
// lane or a spider line emits subjectActivated with the figure's subjects in
// display order; whoever owns a patient profile connects it.

#include "document/km_figure_options.h"
#include "document/tumour_figure_options.h"

#include <triallens/analysis/results.h>

#include <QVector>
#include <QWidget>

#include <cstdint>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
QT_END_NAMESPACE

namespace triallens::ui {

class TumourFigureView;

class TumourResponsePanel : public QWidget {
    Q_OBJECT

public:
    explicit TumourResponsePanel(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    // The Survival plot's figure options (font, palette, the DoR curves' bands …).
    void setFigureOptions(const KmFigureOptions& options);

    TumourFigureOptions options() const;
    void setOptions(const TumourFigureOptions& options);

    TumourFigureView* view() const { return view_; }
    QComboBox* figureBox() const { return figure_; }
    QComboBox* colourBox() const { return colour_; }
    QComboBox* arrangementBox() const { return arrangement_; }
    QCheckBox* respondersOnlyBox() const { return responders_only_; }

signals:
    // `subject`: a row in the study's SubjectTable; `order`: the figure's
    // subjects in display order, for stepping with Up/Down.
    void subjectActivated(std::int32_t subject, QVector<std::int32_t> order);

private:
    void choicesChanged();

    QComboBox* figure_;
    QComboBox* colour_;
    QComboBox* arrangement_;
    QCheckBox* responders_only_;
    TumourFigureView* view_;
};

} // namespace triallens::ui
