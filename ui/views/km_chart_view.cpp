#include "views/km_chart_view.h"

#include "views/km_figure.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QFontMetricsF>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

namespace triallens::ui {

KmChartView::KmChartView(QWidget* parent)
    : QWidget(parent), ci_bands_(addToggle(tr("Confidence bands"), &KmFigureOptions::ci_bands)),
      median_lines_(addToggle(tr("Median lines"), &KmFigureOptions::median_lines)),
      censor_marks_(addToggle(tr("Censor marks"), &KmFigureOptions::censor_marks)),
      censored_row_(addToggle(tr("Censored row"), &KmFigureOptions::censored_row)),
      events_row_(addToggle(tr("Cumulative events row"), &KmFigureOptions::events_row)),
      cumulative_(new QAction(tr("Cumulative Incidence (1 − S)"), this)),
      percent_(addToggle(tr("Y Axis in Percent"), &KmFigureOptions::percent)),
      risk_tables_(new QActionGroup(this)), kmunicate_(new QAction(tr("KMunicate Style"), this)),
      figure_options_(new QAction(tr("Figure Options…"), this)) {
    setMinimumSize(480, 320);
    cumulative_->setCheckable(true);
    connect(cumulative_, &QAction::toggled, this, [this](bool checked) {
        KmFigureOptions changed = options_;
        changed.y_scale = checked ? KmYScale::Cumulative : KmYScale::Survival;
        setOptions(changed);
    });
    insertAction(percent_, cumulative_);
    auto* tables = new QMenu(tr("Table"), this);
    addRiskTable(tr("None"), false, KmRiskTable::AtRisk);
    addRiskTable(tr("Number at Risk"), true, KmRiskTable::AtRisk);
    addRiskTable(tr("At Risk (Cumulative Events)"), true, KmRiskTable::AtRiskEvents);
    addRiskTable(tr("KMunicate: At Risk, Censored, Events"), true, KmRiskTable::Kmunicate);
    tables->addActions(risk_tables_->actions());
    addAction(tables->menuAction());
    kmunicate_->setCheckable(true);
    kmunicate_->setToolTip(tr("Morris et al. 2019: confidence bands, no censor marks or median "
                              "lines, at risk, censored and events per arm"));
    connect(kmunicate_, &QAction::toggled, this, [this](bool checked) {
        if (checked) {
            setOptions(with_kmunicate_style(options_));
            return;
        }
        // Off: the style's own choices back at their defaults.
        const KmFigureOptions defaults;
        KmFigureOptions changed = options_;
        changed.ci_bands = defaults.ci_bands;
        changed.censor_marks = defaults.censor_marks;
        changed.median_lines = defaults.median_lines;
        changed.risk_table = defaults.risk_table;
        setOptions(changed);
    });
    addAction(kmunicate_);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    addAction(separator);
    addAction(figure_options_);
    setAttribute(Qt::WA_OpaquePaintEvent); // the figure fills its whole rectangle
    setContextMenuPolicy(Qt::ActionsContextMenu);
    syncActions();
}

QAction* KmChartView::addToggle(const QString& text, bool KmFigureOptions::*option) {
    auto* action = new QAction(text, this);
    action->setCheckable(true);
    connect(action, &QAction::toggled, this, [this, option](bool checked) {
        KmFigureOptions changed = options_;
        changed.*option = checked;
        setOptions(changed);
    });
    addAction(action);
    return action;
}

QAction* KmChartView::addRiskTable(const QString& text, bool shown, KmRiskTable table) {
    auto* action = new QAction(text, risk_tables_);
    action->setCheckable(true);
    connect(action, &QAction::triggered, this, [this, shown, table] {
        KmFigureOptions changed = options_;
        changed.at_risk_row = shown;
        changed.risk_table = table;
        setOptions(changed);
    });
    return action;
}

QList<QAction*> KmChartView::riskTableActions() const {
    return risk_tables_->actions();
}

void KmChartView::syncActions() {
    for (const auto& [action, checked] :
         {std::pair{ci_bands_, options_.ci_bands}, std::pair{median_lines_, options_.median_lines},
          std::pair{censor_marks_, options_.censor_marks},
          std::pair{censored_row_, options_.censored_row},
          std::pair{events_row_, options_.events_row},
          std::pair{cumulative_, options_.y_scale == KmYScale::Cumulative},
          std::pair{percent_, options_.percent},
          std::pair{kmunicate_, is_kmunicate_style(options_)}}) {
        const QSignalBlocker blocker(action);
        action->setChecked(checked);
    }
    const QList<QAction*> tables = risk_tables_->actions();
    const int table = options_.at_risk_row ? 1 + static_cast<int>(options_.risk_table) : 0;
    tables.at(table)->setChecked(true);
}

void KmChartView::setResults(const ResultsPtr& results) {
    results_ = results;
    update();
}

void KmChartView::setOptions(const KmFigureOptions& options) {
    if (options == options_) {
        return;
    }
    options_ = options;
    syncActions();
    update();
    emit optionsChanged(options_);
}

KmFigureLayout KmChartView::figureLayout() const {
    if (!results_) {
        return {};
    }
    return layout_km_figure(QRectF(rect()), *results_, options_);
}

void KmChartView::mousePressEvent(QMouseEvent* event) {
    if (results_ && event->button() == Qt::LeftButton &&
        event->modifiers().testFlag(Qt::ControlModifier)) {
        // A finger's width on a censor mark drawn about 0.75 em wide.
        const double tolerance = std::max(6.0, QFontMetricsF(font()).height() * 0.5);
        if (const auto mark =
                km_mark_at(figureLayout(), *results_, options_, event->position(), tolerance)) {
            emit markActivated(*mark, event->globalPosition().toPoint());
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void KmChartView::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    if (!results_) {
        painter.fillRect(rect(), palette().base());
        return;
    }
    paint_km_figure(painter, QRectF(rect()), *results_, options_);
    emit figurePainted();
}

} // namespace triallens::ui
