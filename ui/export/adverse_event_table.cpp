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
                                double minimum_incidence, bool exposure_adjusted) {
    AeTreeModel model;
    // The model keeps a shared_ptr; an aliasing one that owns nothing lends
    // it the caller's table for the duration of this call.
    model.setTable(std::shared_ptr<const AeTable>(std::shared_ptr<const AeTable>(), &table));
    model.setExposureAdjusted(exposure_adjusted);
    AeFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setMinimumIncidence(minimum_incidence);

    ExportTable out;
    out.title = title_of(applied);
    // The window's two tiers of headings (ae_tree_model.h), each on one line:
    // a group heading spanning its columns, then each column's own.
    std::vector<HeaderCell> arms;
    std::vector<HeaderCell> captions;
    int differences = 0;
    for (int c = 0; c < model.columnCount(); ++c) {
        const QString group =
            model.headerData(c, Qt::Horizontal, AeTreeModel::GroupRole).toString();
        QString caption = model.headerData(c, Qt::Horizontal).toString();
        caption.replace(u'\n', model.columnKind(c) == AeTreeModel::ColumnKind::Term
                                   ? QStringLiteral(" / ")
                                   : QStringLiteral(" "));
        captions.push_back({caption});
        if (c > 0 && !group.isEmpty() && arms.back().text == group) {
            ++arms.back().span;
        } else {
            arms.push_back({group});
        }
        differences += model.columnKind(c) == AeTreeModel::ColumnKind::RiskDifference ? 1 : 0;
    }
    out.header = {arms, captions};
    add_rows(proxy, QModelIndex(), out);

    out.footnotes << QStringLiteral("n (%): subjects with the event; a subject counts once per "
                                    "row, at the highest grade it had for that row; percentages "
                                    "of the arm's N (safety population).");
    out.footnotes << model.gradeNote() + u'.';
    if (differences > 0) {
        out.footnotes << QStringLiteral("Risk difference: arm minus %1 in percentage points, "
                                        "%2 CI by Miettinen\u2013Nurminen.")
                             .arg(QString::fromStdString(table.arms[*table.reference_arm]),
                                  level_text(table.conf_level));
    }
    if (exposure_adjusted && !table.patient_years.empty()) {
        QStringList years;
        for (std::size_t arm = 0; arm < table.arms.size() && arm < table.patient_years.size();
             ++arm) {
            years << QStringLiteral("%1 %2").arg(
                QString::fromStdString(table.arms[arm]),
                QString::fromStdString(decimal_text(table.patient_years[arm], 1)));
        }
        out.footnotes << QStringLiteral("Rate/100 PY: subjects with the event per 100 "
                                        "patient-years of treatment (duration from %1 / 365.25; "
                                        "PY: %2), %3 CI exact Poisson.")
                             .arg(QString::fromStdString(table.exposure_source),
                                  years.join(QStringLiteral(", ")), level_text(table.conf_level));
        if (table.exposure_missing > 0) {
            out.footnotes << QStringLiteral("%1 subject%2 without a treatment duration: counted "
                                            "in the incidence, not in the patient-years.")
                                 .arg(table.exposure_missing)
                                 .arg(table.exposure_missing == 1 ? "" : "s");
        }
    }
    if (minimum_incidence > 0) {
        out.footnotes << QStringLiteral("Preferred terms with an incidence below %1% in every "
                                        "arm are not shown.")
                             .arg(minimum_incidence);
    }
    return out;
}

} // namespace triallens::ui
