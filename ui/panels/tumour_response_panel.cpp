#include "panels/tumour_response_panel.h"

#include "views/tumour_figure_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace triallens::ui {

TumourResponsePanel::TumourResponsePanel(QWidget* parent)
    : QWidget(parent), figure_(new QComboBox), colour_(new QComboBox), arrangement_(new QComboBox),
      responders_only_(new QCheckBox(tr("Responders only"))), view_(new TumourFigureView) {
    setObjectName(QStringLiteral("tumourResponsePanel"));
    figure_->setObjectName(QStringLiteral("tumourFigureBox"));
    figure_->addItem(tr("Waterfall"), static_cast<int>(TumourFigure::Waterfall));
    figure_->addItem(tr("Spider"), static_cast<int>(TumourFigure::Spider));
    figure_->addItem(tr("Swimmer"), static_cast<int>(TumourFigure::Swimmer));
    figure_->addItem(tr("Duration of response"),
                     static_cast<int>(TumourFigure::DurationOfResponse));
    colour_->addItem(tr("Colour by best response"),
                     static_cast<int>(TumourColouring::BestResponse));
    colour_->addItem(tr("Colour by arm"), static_cast<int>(TumourColouring::Arm));
    arrangement_->addItem(tr("Arms side by side"),
                          static_cast<int>(WaterfallArrangement::SideBySide));
    arrangement_->addItem(tr("Arms interleaved"),
                          static_cast<int>(WaterfallArrangement::Interleaved));

    auto* choices = new QHBoxLayout;
    choices->setContentsMargins(6, 4, 6, 4);
    auto* label = new QLabel(tr("&Figure:"));
    label->setBuddy(figure_);
    choices->addWidget(label);
    choices->addWidget(figure_);
    choices->addWidget(colour_);
    choices->addWidget(arrangement_);
    choices->addWidget(responders_only_);
    choices->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(choices);
    layout->addWidget(view_, 1);

    for (QComboBox* box : {figure_, colour_, arrangement_}) {
        connect(box, &QComboBox::currentIndexChanged, this, &TumourResponsePanel::choicesChanged);
    }
    connect(responders_only_, &QCheckBox::toggled, this, &TumourResponsePanel::choicesChanged);
    connect(view_, &TumourFigureView::subjectClicked, this,
            [this](std::int32_t subject, const QVector<std::int32_t>& order) {
                emit subjectActivated(subject, order);
            });
    choicesChanged();
}

void TumourResponsePanel::setResults(const ResultsPtr& results) {
    view_->setResults(results);
}

void TumourResponsePanel::setFigureOptions(const KmFigureOptions& options) {
    view_->setOptions(options);
}

TumourFigureOptions TumourResponsePanel::options() const {
    TumourFigureOptions options;
    options.figure = static_cast<TumourFigure>(figure_->currentData().toInt());
    options.colour_by = static_cast<TumourColouring>(colour_->currentData().toInt());
    options.arrangement = static_cast<WaterfallArrangement>(arrangement_->currentData().toInt());
    options.responders_only = responders_only_->isChecked();
    return options;
}

void TumourResponsePanel::setOptions(const TumourFigureOptions& options) {
    figure_->setCurrentIndex(figure_->findData(static_cast<int>(options.figure)));
    colour_->setCurrentIndex(colour_->findData(static_cast<int>(options.colour_by)));
    arrangement_->setCurrentIndex(arrangement_->findData(static_cast<int>(options.arrangement)));
    responders_only_->setChecked(options.responders_only);
}

void TumourResponsePanel::choicesChanged() {
    const TumourFigureOptions chosen = options();
    colour_->setVisible(chosen.figure == TumourFigure::Waterfall ||
                        chosen.figure == TumourFigure::Spider);
    arrangement_->setVisible(chosen.figure == TumourFigure::Waterfall);
    responders_only_->setVisible(chosen.figure == TumourFigure::Swimmer);
    view_->setTumourOptions(chosen);
}

} // namespace triallens::ui
