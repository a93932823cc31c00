#include "export/adverse_event_table.h"

#include "models/ae_filter_proxy.h"
#include "models/ae_tree_model.h"

#include <triallens/format/number_format.h>

#include <QStringList>

#include <memory>

namespace triallens::ui {

namespace {

QString title_of(const AeFilter& applied) {
    QStringList kinds;
    if (applied.treatment_emergent_only) {
        kinds << QStringLiteral("treatment-emergent");
    }
    if (applied.serious_only) {
        kinds << QStringLiteral("serious");
    }
    if (applied.related_only) {
        kinds << QStringLiteral("treatment-related");
    }
    QString title = kinds.isEmpty()
                        ? QStringLiteral("Adverse events")
                        : kinds.join(QStringLiteral(", ")) + QStringLiteral(" adverse events");
    title[0] = title[0].toUpper();
    return title + QStringLiteral(" by system organ class and preferred term");
}

QString level_text(double conf_level) {
    return QString::fromStdString(conf_level_text(conf_level));
}

void add_rows(const QAbstractItemModel& model, const QModelIndex& parent, ExportTable& table) {
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex first = model.index(r, 0, parent);
        ExportRow row;
        for (int c = 0; c < model.columnCount(parent); ++c) {
            row.cells << model.index(r, c, parent).data().toString();
        }
        const auto kind =
            static_cast<AeTreeModel::RowKind>(first.data(AeTreeModel::RowKindRole).toInt());
        row.bold = kind != AeTreeModel::RowKind::PreferredTerm;
        row.level = kind == AeTreeModel::RowKind::PreferredTerm ? 1 : 0;
        table.rows.push_back(row);
        add_rows(model, first, table);
    }
}

} // namespace

ExportTable adverse_event_table(const AeTable& table, const AeFilter& applied,
                                double minimum_incidence) {
    AeTreeModel model;
    // The model keeps a shared_ptr; an aliasing one that owns nothing lends
    // it the caller's table for the duration of this call.
    model.setTable(std::shared_ptr<const AeTable>(std::shared_ptr<const AeTable>(), &table));
    AeFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setMinimumIncidence(minimum_incidence);

    ExportTable out;
    out.title = title_of(applied);
    std::vector<HeaderCell> arms{{QString()}};
    std::vector<HeaderCell> captions{{QStringLiteral("System organ class / Preferred term")}};
    int differences = 0;
    for (int c = 1; c < model.columnCount(); ++c) {
        const std::size_t arm = static_cast<std::size_t>(model.columnArm(c));
        switch (model.columnKind(c)) {
        case AeTreeModel::ColumnKind::AnyGrade:
            arms.push_back({QStringLiteral("%1 (N=%2)")
                                .arg(QString::fromStdString(table.arms[arm]))
                                .arg(table.denominators[arm]),
                            2});
            captions.push_back({QStringLiteral("Any grade n (%)")});
            break;
        case AeTreeModel::ColumnKind::Grade3Plus:
            captions.push_back({QStringLiteral("Grade \u22653 n (%)")});
            break;
        case AeTreeModel::ColumnKind::RiskDifference:
            ++differences;
            captions.push_back(
                {QStringLiteral("%1 \u2212 %2")
                     .arg(QString::fromStdString(table.arms[arm]),
                          QString::fromStdString(table.arms[*table.reference_arm]))});
            break;
        case AeTreeModel::ColumnKind::Term:
            break;
        }
    }
    if (differences > 0) {
        arms.push_back({QStringLiteral("Risk difference, any grade, % (%1 CI)")
                            .arg(level_text(table.conf_level)),
                        differences});
    }
    out.header = {arms, captions};
    add_rows(proxy, QModelIndex(), out);

    out.footnotes << QStringLiteral("A subject counts once per row, at the highest grade it had "
                                    "for that row; percentages of the arm's N (safety "
                                    "population).");
    if (differences > 0) {
        out.footnotes << QStringLiteral("Risk difference: arm minus %1 in percentage points, "
                                        "%2 CI by Miettinen\u2013Nurminen.")
                             .arg(QString::fromStdString(table.arms[*table.reference_arm]),
                                  level_text(table.conf_level));
    }
    if (minimum_incidence > 0) {
        out.footnotes << QStringLiteral("Preferred terms with an incidence below %1% in every "
                                        "arm are not shown.")
                             .arg(minimum_incidence);
    }
    return out;
}

} // namespace triallens::ui
