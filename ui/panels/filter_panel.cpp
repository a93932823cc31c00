#include "panels/filter_panel.h"

#include "document/filter_expression.h"
#include "panels/filter_section.h"
#include "panels/level_filter.h"
#include "panels/range_filter.h"
#include <triallens/analysis/factor_columns.h>

#include <triallens/data/level_counts.h>
#include <triallens/data/value_range.h>

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace triallens::ui {

namespace {

// ADaM's subject-level population flags (FASFL, SAFFL, ITTFL, PPROTFL,
// COMPLFL, RANDFL, ENRLFL and the completers' COMPnnFL). Other Y/N flags
// (DTHFL, PRTAXFL, ...) describe subjects rather than select an analysis
// set, so they are ordinary levels where "N" can be chosen too.
bool is_population_name(const std::string& name) {
    static const std::set<std::string> named = {"FASFL", "SAFFL",   "ITTFL",  "PPROTFL",
                                                "EFFFL", "COMPLFL", "RANDFL", "ENRLFL"};
    const bool completers = name.size() > 6 && name.starts_with("COMP") && name.ends_with("FL") &&
                            std::all_of(name.begin() + 4, name.end() - 2, [](char c) {
                                return std::isdigit(static_cast<unsigned char>(c)) != 0;
                            });
    return named.contains(name) || completers;
}

bool is_population_flag(const Variable& variable) {
    return variable.is_categorical() && is_population_name(variable.name()) &&
           !variable.levels().empty() &&
           std::ranges::all_of(variable.levels(), [](const std::string& level) {
               return level == "Y" || level == "N";
           });
}

} // namespace

FilterPanel::FilterPanel(QWidget* parent)
    : QWidget(parent), count_(new QLabel), reset_(new QPushButton(QStringLiteral("Reset filters"))),
      search_(new QLineEdit), content_(nullptr), content_layout_(nullptr) {
    count_->setToolTip(QStringLiteral("Subjects the filters keep, of all in the study"));
    reset_->setToolTip(QStringLiteral("Check every level and widen every range again"));
    search_->setPlaceholderText(QStringLiteral("Search variables"));
    search_->setClearButtonEnabled(true);
    search_->setToolTip(QStringLiteral("Show only the variables whose name or label contains "
                                       "this text; filters of hidden variables still apply"));
    debounce_.setSingleShot(true);
    debounce_.setInterval(250);
    connect(&debounce_, &QTimer::timeout, this, &FilterPanel::commit);
    connect(reset_, &QPushButton::clicked, this, &FilterPanel::reset);
    connect(search_, &QLineEdit::textChanged, this, &FilterPanel::applySearch);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("filterScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* top = new QHBoxLayout;
    top->addWidget(count_, 1);
    top->addWidget(reset_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(search_);
    layout->addWidget(scroll, 1);
    setStudy(nullptr);
}

FilterPanel::~FilterPanel() {
    detachFilters();
}

// A spin box losing focus as it is deleted still reports editingFinished;
// that must not reach a panel being rebuilt or destroyed.
void FilterPanel::detachFilters() {
    debounce_.stop();
    for (const auto& [name, box] : population_boxes_) {
        disconnect(box, nullptr, this, nullptr);
    }
    for (const auto& [name, levels] : level_filters_) {
        disconnect(levels, nullptr, this, nullptr);
    }
    for (const auto& [name, numbers] : range_filters_) {
        disconnect(numbers, nullptr, this, nullptr);
    }
}

QString FilterPanel::populationText(const QString& name) {
    static const std::map<QString, QString> known = {
        {QStringLiteral("SAFFL"), QStringLiteral("Safety population")},
        {QStringLiteral("ITTFL"), QStringLiteral("Intent-to-treat population")},
        {QStringLiteral("EFFFL"), QStringLiteral("Efficacy population")},
        {QStringLiteral("FASFL"), QStringLiteral("Full analysis set")},
        {QStringLiteral("PPROTFL"), QStringLiteral("Per-protocol population")},
        {QStringLiteral("COMPLFL"), QStringLiteral("Completers")},
        {QStringLiteral("RANDFL"), QStringLiteral("Randomised")},
        {QStringLiteral("ENRLFL"), QStringLiteral("Enrolled")},
    };
    const auto it = known.find(name);
    return it == known.end() ? name + QStringLiteral(" = Y")
                             : QStringLiteral("%1 (%2 = Y)").arg(it->second, name);
}

void FilterPanel::setStudy(std::shared_ptr<const Study> study) {
    detachFilters();
    study_ = std::move(study);
    population_boxes_.clear();
    sections_.clear();
    level_filters_.clear();
    range_filters_.clear();
    populations_ = nullptr;

    // A fresh content widget: the scroll area deletes the old one with its
    // sections.
    content_ = new QWidget;
    content_layout_ = new QVBoxLayout(content_);
    content_layout_->setContentsMargins(0, 0, 0, 0);
    content_layout_->setSpacing(0);
    if (study_ != nullptr) {
        auto* population_layout = new QVBoxLayout;
        for (const Variable& variable : study_->subjects.variables()) {
            if (!is_population_flag(variable)) {
                continue;
            }
            const QString name = QString::fromStdString(variable.name());
            auto* box = new QCheckBox(populationText(name));
            const LevelCounts counts = count_levels(variable);
            const auto yes = std::ranges::find(variable.levels(), std::string("Y"));
            const std::size_t flagged =
                yes == variable.levels().end()
                    ? 0
                    : counts.subjects[static_cast<std::size_t>(yes - variable.levels().begin())];
            box->setToolTip(QStringLiteral("Keep only the %1 of %2 subjects with %3 = \"Y\"%4")
                                .arg(flagged)
                                .arg(variable.size())
                                .arg(name, variable.label().empty()
                                               ? QString()
                                               : QStringLiteral(" (%1)").arg(
                                                     QString::fromStdString(variable.label()))));
            box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
            connect(box, &QCheckBox::clicked, this, &FilterPanel::commit);
            population_layout->addWidget(box);
            population_boxes_[name] = box;
        }
        if (!population_boxes_.empty()) {
            populations_ = new QGroupBox(QStringLiteral("Analysis populations"));
            populations_->setLayout(population_layout);
            content_layout_->addWidget(populations_);
            content_layout_->addSpacing(6);
        } else {
            delete population_layout; // never given to a widget
        }
        for (const Variable& variable : study_->subjects.variables()) {
            if (is_population_flag(variable) || is_identifier(variable)) {
                continue;
            }
            const QString name = QString::fromStdString(variable.name());
            QWidget* body = nullptr;
            QString shows; // what the section's body holds, for its header's tooltip
            if (variable.is_categorical()) {
                if (variable.levels().size() > max_levels) {
                    continue;
                }
                auto* levels = new LevelFilter(variable, count_levels(variable));
                connect(levels, &LevelFilter::edited, this, &FilterPanel::commit);
                level_filters_[name] = levels;
                body = levels;
                shows = QStringLiteral("%1 levels").arg(variable.levels().size());
            } else {
                const ValueRange range = value_range(variable);
                if (std::isnan(range.min)) {
                    continue; // nothing to narrow
                }
                auto* numbers = new RangeFilter(name, range);
                connect(numbers, &RangeFilter::typing, this, [this] { debounce_.start(); });
                connect(numbers, &RangeFilter::edited, this, &FilterPanel::commit);
                range_filters_[name] = numbers;
                body = numbers;
                shows = QStringLiteral("range (%1 to %2)").arg(range.min).arg(range.max);
            }
            auto* section =
                new FilterSection(name, QString::fromStdString(variable.label()), body, content_);
            section->header()->setToolTip(
                QStringLiteral("%1\nClick to show or hide its %2; shown in bold while it "
                               "filters")
                    .arg(section->header()->text(), shows));
            content_layout_->addWidget(section);
            sections_.push_back(section);
        }
    }
    content_layout_->addStretch(1);
    findChild<QScrollArea*>(QStringLiteral("filterScroll"))->setWidget(content_);

    emitted_ = FilterState{};
    const std::size_t total = study_ != nullptr ? study_->subjects.size() : 0;
    setSubjectCount(total, total);
    reset_->setEnabled(study_ != nullptr);
    search_->setEnabled(study_ != nullptr);
    applySearch(search_->text());
}

FilterState FilterPanel::state() const {
    FilterState state;
    for (const auto& [name, box] : population_boxes_) {
        if (box->isChecked()) {
            state.populations.insert(name.toStdString());
        }
    }
    for (const auto& [name, levels] : level_filters_) {
        if (levels->restricts()) {
            state.levels[name.toStdString()] = levels->selection();
        }
    }
    for (const auto& [name, numbers] : range_filters_) {
        if (numbers->restricts()) {
            state.ranges[name.toStdString()] = numbers->selection();
        }
    }
    return state;
}

void FilterPanel::setState(const FilterState& state) {
    debounce_.stop();
    for (const auto& [name, box] : population_boxes_) {
        box->setChecked(state.populations.contains(name.toStdString())); // clicked stays silent
    }
    for (const auto& [name, levels] : level_filters_) {
        const auto it = state.levels.find(name.toStdString());
        levels->setSelection(it == state.levels.end() ? LevelSelection{} : it->second);
    }
    for (const auto& [name, numbers] : range_filters_) {
        const auto it = state.ranges.find(name.toStdString());
        numbers->setSelection(it == state.ranges.end() ? RangeSelection{} : it->second);
    }
    emitted_ = this->state();
    markActive();
}

QString FilterPanel::expression() const {
    return study_ == nullptr ? QString()
                             : QString::fromStdString(filter_expression(state(), *study_));
}

void FilterPanel::setSubjectCount(std::size_t kept, std::size_t total) {
    count_->setText(QStringLiteral("%1 of %2 subjects").arg(kept).arg(total));
}

QCheckBox* FilterPanel::populationBox(const QString& name) const {
    const auto it = population_boxes_.find(name);
    return it == population_boxes_.end() ? nullptr : it->second;
}

FilterSection* FilterPanel::section(const QString& name) const {
    const auto it = std::ranges::find(sections_, name, &FilterSection::name);
    return it == sections_.end() ? nullptr : *it;
}

LevelFilter* FilterPanel::levelFilter(const QString& name) const {
    const auto it = level_filters_.find(name);
    return it == level_filters_.end() ? nullptr : it->second;
}

RangeFilter* FilterPanel::rangeFilter(const QString& name) const {
    const auto it = range_filters_.find(name);
    return it == range_filters_.end() ? nullptr : it->second;
}

void FilterPanel::commit() {
    debounce_.stop();
    markActive();
    const FilterState current = state();
    if (current == emitted_) {
        return;
    }
    emitted_ = current;
    emit filterChanged(current, expression());
}

void FilterPanel::reset() {
    const FilterState before = emitted_;
    setState(FilterState{});
    emitted_ = before; // a user's reset is an edit: let commit() report it
    commit();
}

void FilterPanel::applySearch(const QString& text) {
    const QString wanted = text.trimmed();
    for (FilterSection* section : sections_) {
        section->setVisible(section->matches(wanted));
    }
    bool any_population = false;
    for (const auto& [name, box] : population_boxes_) {
        const bool shown = name.contains(wanted, Qt::CaseInsensitive) ||
                           box->text().contains(wanted, Qt::CaseInsensitive);
        box->setVisible(shown);
        any_population = any_population || shown;
    }
    if (populations_ != nullptr) {
        populations_->setVisible(any_population);
    }
}

void FilterPanel::markActive() {
    for (FilterSection* section : sections_) {
        const QString name = section->name();
        const LevelFilter* levels = levelFilter(name);
        const RangeFilter* numbers = rangeFilter(name);
        section->setActive((levels != nullptr && levels->restricts()) ||
                           (numbers != nullptr && numbers->restricts()));
    }
}

} // namespace triallens::ui
