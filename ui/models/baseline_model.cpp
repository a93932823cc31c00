#include "models/baseline_model.h"

#include <triallens/format/number_format.h>

#include <map>

namespace triallens::ui {

namespace {

const char* const continuous_labels[] = {"n", "Mean (SD)", "Median (Q1–Q3)", "Min–Max"};
constexpr std::size_t continuous_statistics = std::size(continuous_labels);

QString number(const std::optional<double>& value) {
    return QString::fromStdString(value ? decimal_text(*value, BaselineModel::decimals)
                                        : std::string(not_estimable_text));
}

QString statistic_text(const ContinuousSummary& s, std::size_t item) {
    switch (item) {
    case 0:
        return QString::number(s.n);
    case 1:
        return s.mean ? QStringLiteral("%1 (%2)").arg(number(s.mean), number(s.sd)) : number({});
    case 2:
        return s.median
                   ? QStringLiteral("%1 (%2–%3)").arg(number(s.median), number(s.q1), number(s.q3))
                   : number({});
    default:
        return s.min ? QStringLiteral("%1–%2").arg(number(s.min), number(s.max)) : number({});
    }
}

QString quantile_name(int type) {
    return type == 7 ? QStringLiteral("type 7 (R's default)")
                     : QStringLiteral("type %1 (SAS, tern; R quantile(type = %1))").arg(type);
}

} // namespace

BaselineModel::BaselineModel(QObject* parent) : ResultsTableModel(parent) {}

const BaselineTable* BaselineModel::table() const {
    return results() && results()->baseline ? &*results()->baseline : nullptr;
}

bool BaselineModel::hasPValues() const {
    const BaselineTable* t = table();
    return t && t->p_values;
}

void BaselineModel::rebuild() {
    lines_.clear();
    const BaselineTable* t = table();
    if (!t) {
        return;
    }
    for (std::size_t v = 0; v < t->rows.size(); ++v) {
        const BaselineRow& row = t->rows[v];
        lines_.push_back({RowKind::Variable, v, 0});
        if (row.type == BaselineRow::Type::Continuous) {
            for (std::size_t s = 0; s < continuous_statistics; ++s) {
                lines_.push_back({RowKind::Statistic, v, s});
            }
        } else {
            for (std::size_t l = 0; l < row.levels.size(); ++l) {
                lines_.push_back({RowKind::Level, v, l});
            }
        }
        lines_.push_back({RowKind::Missing, v, 0});
    }
}

int BaselineModel::tableRowCount() const {
    return static_cast<int>(lines_.size());
}

int BaselineModel::tableColumnCount() const {
    const BaselineTable* t = table();
    if (!t) {
        return 0;
    }
    return 1 + static_cast<int>(t->columns.size()) + (t->p_values ? 1 : 0);
}

QString BaselineModel::label(const Line& line) const {
    const BaselineRow& row = table()->rows[line.variable];
    switch (line.kind) {
    case RowKind::Variable: {
        const QString name = QString::fromStdString(row.label.empty() ? row.variable : row.label);
        return row.type == BaselineRow::Type::Categorical ? tr("%1, n (%)").arg(name) : name;
    }
    case RowKind::Statistic:
        return QString::fromUtf8(continuous_labels[line.item]);
    case RowKind::Level:
        return QString::fromStdString(row.levels[line.item].level);
    case RowKind::Missing:
        return tr("Missing");
    }
    return {};
}

QString BaselineModel::cellText(int r, int column) const {
    const Line& line = lines_[static_cast<std::size_t>(r)];
    if (column == 0) {
        // Indented on screen; LabelRole gives the bare label to the exports,
        // which indent by ExportRow::level.
        return line.kind == RowKind::Variable ? label(line) : QStringLiteral("    ") + label(line);
    }
    const BaselineTable& t = *table();
    const BaselineRow& row = t.rows[line.variable];
    const auto c = static_cast<std::size_t>(column - 1);
    if (c >= t.columns.size()) { // the p-value column
        return line.kind == RowKind::Variable && row.test
                   ? QString::fromStdString(p_value_text(row.test->p))
                   : QString();
    }
    switch (line.kind) {
    case RowKind::Variable:
        return {};
    case RowKind::Statistic:
        return c < row.stats.size() ? statistic_text(row.stats[c], line.item) : QString();
    case RowKind::Level: {
        const auto& counts = row.levels[line.item].counts;
        if (c >= counts.size()) {
            return {};
        }
        const LevelCount& count = counts[c];
        return count.pct ? QString::fromStdString(count_percent_text(count.n, *count.pct))
                         : QString::number(count.n);
    }
    case RowKind::Missing:
        if (row.type == BaselineRow::Type::Continuous) {
            return c < row.stats.size() ? QString::number(row.stats[c].missing) : QString();
        }
        return c < row.missing.size() ? QString::number(row.missing[c]) : QString();
    }
    return {};
}

QVariant BaselineModel::cellValue(int r, int column) const {
    const Line& line = lines_[static_cast<std::size_t>(r)];
    const BaselineTable& t = *table();
    const BaselineRow& row = t.rows[line.variable];
    if (column == 0) {
        return label(line);
    }
    const auto c = static_cast<std::size_t>(column - 1);
    if (c >= t.columns.size()) {
        return line.kind == RowKind::Variable && row.test ? optional_value(row.test->p)
                                                          : QVariant();
    }
    switch (line.kind) {
    case RowKind::Statistic:
        if (c < row.stats.size()) {
            const ContinuousSummary& s = row.stats[c];
            return line.item == 0   ? QVariant(static_cast<qulonglong>(s.n))
                   : line.item == 1 ? optional_value(s.mean)
                   : line.item == 2 ? optional_value(s.median)
                                    : optional_value(s.min);
        }
        return {};
    case RowKind::Level:
        return c < row.levels[line.item].counts.size()
                   ? QVariant(static_cast<qulonglong>(row.levels[line.item].counts[c].n))
                   : QVariant();
    case RowKind::Missing:
        if (row.type == BaselineRow::Type::Continuous) {
            return c < row.stats.size() ? QVariant(static_cast<qulonglong>(row.stats[c].missing))
                                        : QVariant();
        }
        return c < row.missing.size() ? QVariant(static_cast<qulonglong>(row.missing[c]))
                                      : QVariant();
    case RowKind::Variable:
        return {};
    }
    return {};
}

bool BaselineModel::cellBold(int r, int) const {
    return lines_[static_cast<std::size_t>(r)].kind == RowKind::Variable;
}

QString BaselineModel::cellToolTip(int r, int column) const {
    const Line& line = lines_[static_cast<std::size_t>(r)];
    const BaselineRow& row = table()->rows[line.variable];
    if (column == 0 && line.kind == RowKind::Variable) {
        return QString::fromStdString(row.variable);
    }
    if (line.kind == RowKind::Variable && row.test &&
        column == 1 + static_cast<int>(table()->columns.size())) {
        return QString::fromStdString(row.test->method);
    }
    return {};
}

QVariant BaselineModel::cellData(int r, int column, int role) const {
    const Line& line = lines_[static_cast<std::size_t>(r)];
    switch (role) {
    case RowKindRole:
        return QVariant::fromValue(line.kind);
    case VariableRole:
        return QString::fromStdString(table()->rows[line.variable].variable);
    case LabelRole:
        return column == 0 ? label(line) : cellText(r, column);
    default:
        return {};
    }
}

QVariant BaselineModel::headerData(int section, Qt::Orientation orientation, int role) const {
    const BaselineTable* t = table();
    if (!t || orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount()) {
        return ResultsTableModel::headerData(section, orientation, role);
    }
    if (section == 0) {
        return tr("Characteristic");
    }
    const auto c = static_cast<std::size_t>(section - 1);
    if (c >= t->columns.size()) {
        return tr("p-value");
    }
    const QString name = QString::fromStdString(t->columns[c]);
    return c < t->n.size() ? tr("%1\n(N = %2)").arg(name).arg(t->n[c]) : name;
}

QStringList baseline_footnotes(const BaselineTable& table) {
    QStringList notes;
    if (!table.population.empty()) {
        notes << QStringLiteral("Population: %1.").arg(QString::fromStdString(table.population));
    }
    notes << QStringLiteral("Continuous variables: n, mean (SD), median (Q1–Q3) with quantiles of "
                            "%1, min–max; SD with n − 1. Categorical variables: n (%) of the "
                            "subjects with a value; missing values counted apart.")
                 .arg(quantile_name(table.quantile_type));
    if (table.p_values) {
        // Each test used, with the variables it was used for, in table order.
        std::vector<std::string> methods;
        std::map<std::string, QStringList> variables;
        for (const BaselineRow& row : table.rows) {
            if (!row.test) {
                continue;
            }
            if (!variables.contains(row.test->method)) {
                methods.push_back(row.test->method);
            }
            variables[row.test->method] << QString::fromStdString(row.variable);
        }
        QStringList tests;
        for (const std::string& method : methods) {
            tests << QStringLiteral("%1 (%2)").arg(QString::fromStdString(method),
                                                   variables[method].join(QStringLiteral(", ")));
        }
        notes << (tests.isEmpty()
                      ? QStringLiteral("p-values: none could be computed.")
                      : QStringLiteral("p-values of no difference between the arms (the total "
                                       "not included): %1. Fisher's exact test where an "
                                       "expected count is below 5.")
                            .arg(tests.join(QStringLiteral("; "))));
    }
    for (const std::string& note : table.notes) {
        notes << QString::fromStdString(note);
    }
    return notes;
}

} // namespace triallens::ui
