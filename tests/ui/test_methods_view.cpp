// The Methods tab on the demo study: the concordance rows carry the SAS
// names and mark the ties method and CI transform the analysis used, with
// the Results' estimates; the PH test table shows cox.zph's rows; median
// follow-up shows "—" while absent; the methods paragraph names the ties
// method, strata, confidence level and filter; and the empty state.

#include <models/concordance_model.h>
#include <models/ph_test_model.h>
#include <views/km_figure.h>
#include <views/methods_text.h>
#include <views/methods_view.h>

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/format/number_format.h>

#include <QLabel>
#include <QTableView>
#include <QTest>

#include <map>

using namespace triallens;
using namespace triallens::ui;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

ResultsPtr stratified_results() {
    AnalysisSpec spec;
    spec.paramcd = "OS";
    spec.strata = {"PRTAXFL", "LIVBRNFL"};
    spec.ties = Ties::Breslow;
    spec.km.conf_type = ConfType::LogLog;
    spec.km.conf_level = 0.9;
    spec.filter = "AGE >= 40";
    return std::make_shared<const Results>(refit(demo(), spec));
}

QVariant role(const QAbstractItemModel& model, int row, int role) {
    return model.index(row, 0).data(role);
}

using Kind = ConcordanceModel::RowKind;

} // namespace

class TestMethodsView : public QObject {
    Q_OBJECT

private slots:
    void concordanceRowsCarrySasNamesAndMarkTheCurrentMethod() {
        const ResultsPtr results = stratified_results();
        MethodsView view;
        view.setResults(results);
        const ConcordanceModel& model = *view.concordanceModel();
        const std::map<QString, QString> sas{
            {"efron", "PHREG TIES=EFRON"},           {"breslow", "PHREG TIES=BRESLOW"},
            {"exact", "PHREG TIES=DISCRETE"},        {"log", "LIFETEST CONFTYPE=LOG"},
            {"log-log", "LIFETEST CONFTYPE=LOGLOG"}, {"plain", "LIFETEST CONFTYPE=LINEAR"}};

        std::size_t ties_rows = 0;
        std::size_t median_rows = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const Kind kind = role(model, row, ConcordanceModel::RowKindRole).value<Kind>();
            if (kind == Kind::Header) {
                continue;
            }
            const QString method = role(model, row, ConcordanceModel::MethodRole).toString();
            QCOMPARE(role(model, row, ConcordanceModel::SasRole).toString(), sas.at(method));
            QCOMPARE(model.index(row, ConcordanceModel::SasColumn).data().toString(),
                     sas.at(method));
            const bool current = role(model, row, ConcordanceModel::CurrentRole).toBool();
            QCOMPARE(current, method == (kind == Kind::Ties ? QStringLiteral("breslow")
                                                            : QStringLiteral("log-log")));
            QCOMPARE(model.index(row, ConcordanceModel::CurrentColumn).data().toString().isEmpty(),
                     !current);
            const double estimate = role(model, row, ConcordanceModel::EstimateRole).toDouble();
            if (kind == Kind::Ties) {
                const TiesConcordance& ties = results->concordance.ties[ties_rows];
                QCOMPARE(QString::fromStdString(ties.ties), method);
                QCOMPARE(estimate, *ties.terms.front().hr);
                QCOMPARE(role(model, row, ConcordanceModel::LowerRole).toDouble(),
                         *ties.terms.front().lower);
                ++ties_rows;
            } else {
                const MedianConcordance& median = results->concordance.medians[median_rows];
                QCOMPARE(QString::fromStdString(median.conf_type), method);
                QCOMPARE(role(model, row, ConcordanceModel::ArmRole).toString(),
                         QString::fromStdString(median.arm));
                QCOMPARE(estimate, *median.median.estimate);
                QCOMPARE(model.index(row, ConcordanceModel::EstimateColumn).data().toString(),
                         QString::fromStdString(
                             median_ci_text(median.median.estimate, median.median.lower,
                                            median.median.upper, median_decimals(*results))));
                ++median_rows;
            }
        }
        QCOMPARE(ties_rows, std::size_t{3}); // one compared arm, three methods
        QCOMPARE(median_rows, results->concordance.medians.size());
        QVERIFY(model.headerData(ConcordanceModel::EstimateColumn, Qt::Horizontal)
                    .toString()
                    .contains(QStringLiteral("90% CI")));
        QVERIFY(view.verdictLabel()->text().contains(QStringLiteral("ties method")));
        QVERIFY(view.verdictLabel()->text().contains(QStringLiteral("CI transform")));
    }

    void phTestTableShowsCoxZph() {
        const ResultsPtr results = stratified_results();
        MethodsView view;
        view.setResults(results);
        const PhTestModel& model = *view.phTestModel();
        QVERIFY(results->ph_test.has_value());
        QCOMPARE(model.rowCount(), static_cast<int>(results->ph_test->rows.size()));
        for (int r = 0; r < model.rowCount(); ++r) {
            const PhTestRow& row = results->ph_test->rows[static_cast<std::size_t>(r)];
            QCOMPARE(model.index(r, PhTestModel::TermColumn).data().toString(),
                     QString::fromStdString(row.term));
            QCOMPARE(
                model.index(r, PhTestModel::ChisqColumn).data(PhTestModel::ValueRole).toDouble(),
                *row.chisq);
            QCOMPARE(
                model.index(r, PhTestModel::DfColumn).data(PhTestModel::ValueRole).toULongLong(),
                row.df);
            QCOMPARE(model.index(r, PhTestModel::PColumn).data(PhTestModel::ValueRole).toDouble(),
                     *row.p);
        }
        QVERIFY(view.phTestLabel()->text().contains(QStringLiteral("transform km")));
    }

    void medianFollowUpShowsDashWhileAbsent() {
        Results results = *stratified_results();
        results.median_follow_up.reset();
        MethodsView view;
        view.setResults(std::make_shared<const Results>(results));
        QCOMPARE(view.followUpLabel()->text(), QStringLiteral("—"));

        QuantileEstimate follow_up;
        follow_up.estimate = 14.25;
        follow_up.lower = 12.5;
        follow_up.upper = 16.75;
        results.median_follow_up = follow_up;
        view.setResults(std::make_shared<const Results>(results));
        // Months: one decimal, rounded as printf rounds (14.25 and 16.75 are exact binary ties).
        QVERIFY2(view.followUpLabel()->text().startsWith(QStringLiteral("14.2 (12.5–16.8) months")),
                 qPrintable(view.followUpLabel()->text()));
    }

    void paragraphNamesTiesStrataLevelAndFilter() {
        const ResultsPtr results = stratified_results();
        const QString text = methods_paragraph(*results);
        QVERIFY2(text.contains(QStringLiteral("Breslow's method for ties")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("log-rank test stratified by PRTAXFL and LIVBRNFL")));
        QVERIFY(text.contains(QStringLiteral("Cox proportional-hazards model")));
        QVERIFY(text.contains(QStringLiteral(", stratified by PRTAXFL and LIVBRNFL")));
        QVERIFY(text.contains(QStringLiteral("90% pointwise confidence intervals on the "
                                             "log-log transform")));
        QVERIFY(text.contains(QStringLiteral("90% Wald confidence intervals")));
        QVERIFY(text.contains(QStringLiteral("Brookmeyer and Crowley")));
        QVERIFY(text.contains(QStringLiteral("Greenwood")));
        QVERIFY(text.contains(QStringLiteral("filter AGE >= 40 (%1 of %2 subjects)")
                                  .arg(results->subjects)
                                  .arg(results->subjects_total)));
        QVERIFY(text.contains(
            QStringLiteral("%1 subjects with %2 events").arg(results->n).arg(results->events)));
        QVERIFY(text.contains(QStringLiteral("Analyses matched R survival conventions (timefix)")));

        MethodsView view;
        view.setResults(results);
        QCOMPARE(view.paragraphLabel()->text(), text);

        AnalysisSpec plain;
        plain.paramcd = "OS";
        const QString unstratified = methods_paragraph(refit(demo(), plain));
        QVERIFY(unstratified.contains(QStringLiteral("Efron's method for ties")));
        QVERIFY(unstratified.contains(QStringLiteral("95%")));
        QVERIFY(!unstratified.contains(QStringLiteral("stratified")));
        QVERIFY(!unstratified.contains(QStringLiteral("filter")));
    }

    void emptyStateWithoutResults() {
        MethodsView view;
        QVERIFY(view.emptyLabel()->isVisibleTo(&view));
        QCOMPARE(view.concordanceModel()->rowCount(), 0);
        view.setResults(stratified_results());
        QVERIFY(!view.emptyLabel()->isVisibleTo(&view));
        QVERIFY(view.concordanceTable()->isVisibleTo(&view));
        view.setResults(nullptr);
        QVERIFY(view.emptyLabel()->isVisibleTo(&view));
        QCOMPARE(view.phTestModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMethodsView)
#include "test_methods_view.moc"
