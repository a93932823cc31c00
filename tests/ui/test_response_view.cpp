// The Response tab on the demo study: the rate table's cells carry the
// Results' objective response and disease control numbers, the interval
// combos switch the CI columns to the other intervals' values, the CMH
// columns appear with strata, the best-overall-response table counts every
// category, a study without ADRS shows the empty state, and the main window
// has the Response and Methods tabs and updates them after a refit.

#include <controller/refit_controller.h>
#include <main_window.h>
#include <models/best_response_model.h>
#include <models/response_model.h>
#include <views/methods_view.h>
#include <views/response_view.h>

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;

namespace {

ResultsPtr demo_results(bool stratified) {
    AnalysisSpec spec;
    spec.paramcd = "OS";
    if (stratified) {
        spec.strata = {"PRTAXFL", "LIVBRNFL"};
    }
    return std::make_shared<const Results>(refit(*demo(), spec));
}

using Measure = ResponseModel::Measure;

// The model row of an arm's rate under a measure; -1 if none.
int row_of(const ResponseModel& model, Measure measure, const std::string& arm) {
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(ResponseModel::RowKindRole).value<ResponseModel::RowKind>() ==
                ResponseModel::RowKind::Arm &&
            index.data(ResponseModel::MeasureRole).value<Measure>() == measure &&
            index.data(ResponseModel::ArmRole).toString() == QString::fromStdString(arm)) {
            return row;
        }
    }
    return -1;
}

QString cell(const QAbstractItemModel& model, int row, int column) {
    return model.index(row, column).data().toString();
}

QVariant role(const QAbstractItemModel& model, int row, int role) {
    return model.index(row, 0).data(role);
}

QString percent(double fraction) {
    return QString::number(100 * fraction, 'f', 1);
}

struct MeasureRates {
    Measure measure;
    const std::vector<ResponseRate>* rates;
    const std::vector<ResponseDifference>* differences;
};

std::vector<MeasureRates> measures_of(const ResponseSummary& response) {
    return {{Measure::ObjectiveResponse, &response.arms, &response.differences},
            {Measure::DiseaseControl, &response.disease_control,
             &response.disease_control_differences}};
}

} // namespace

class TestResponseView : public QObject {
    Q_OBJECT

private slots:
    // Windows and exports read and write settings: a throw-away location, not the user's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rateCellsShowTheResultsNumbers() {
        const ResultsPtr results = demo_results(false);
        QVERIFY(results->response.has_value());
        ResponseView view;
        view.setResults(results);
        const ResponseModel& model = *view.model();
        QCOMPARE(model.rowCount(), static_cast<int>(2 + results->response->arms.size() +
                                                    results->response->disease_control.size()));
        for (const MeasureRates& m : measures_of(*results->response)) {
            for (const ResponseRate& rate : *m.rates) {
                const int row = row_of(model, m.measure, rate.arm);
                QVERIFY(row >= 0);
                QCOMPARE(role(model, row, ResponseModel::NRole).toULongLong(), rate.n);
                QCOMPARE(role(model, row, ResponseModel::RespondersRole).toULongLong(),
                         rate.responders);
                QCOMPARE(role(model, row, ResponseModel::RateRole).toDouble(), rate.rate);
                QCOMPARE(role(model, row, ResponseModel::RateLowerRole).toDouble(),
                         rate.clopper_pearson.lower);
                QCOMPARE(role(model, row, ResponseModel::RateUpperRole).toDouble(),
                         rate.clopper_pearson.upper);
                QCOMPARE(cell(model, row, ResponseModel::NColumn), QString::number(rate.n));
                QCOMPARE(cell(model, row, ResponseModel::RateColumn), percent(rate.rate));
                QCOMPARE(cell(model, row, ResponseModel::RateCiColumn),
                         percent(rate.clopper_pearson.lower) + QStringLiteral("–") +
                             percent(rate.clopper_pearson.upper));
            }
            // The reference row says so; the compared arm carries its comparison.
            const int reference = row_of(model, m.measure, m.rates->front().arm);
            QVERIFY(role(model, reference, ResponseModel::IsReferenceRole).toBool());
            QCOMPARE(cell(model, reference, ResponseModel::DifferenceColumn),
                     QStringLiteral("reference"));
            for (const ResponseDifference& d : *m.differences) {
                const int row = row_of(model, m.measure, d.arm);
                QCOMPARE(role(model, row, ResponseModel::DifferenceRole).toDouble(), d.difference);
                QCOMPARE(role(model, row, ResponseModel::DifferenceLowerRole).toDouble(),
                         d.miettinen_nurminen.lower);
                QCOMPARE(role(model, row, ResponseModel::DifferenceUpperRole).toDouble(),
                         d.miettinen_nurminen.upper);
                QCOMPARE(role(model, row, ResponseModel::OddsRatioRole).toDouble(),
                         *d.woolf.estimate);
                QCOMPARE(role(model, row, ResponseModel::OddsRatioLowerRole).toDouble(),
                         *d.woolf.lower);
                QCOMPARE(role(model, row, ResponseModel::FisherPRole).toDouble(), d.fisher.p_value);
                QVERIFY(cell(model, row, ResponseModel::DifferenceColumn)
                            .contains(percent(d.miettinen_nurminen.upper)));
                QVERIFY(cell(model, row, ResponseModel::OddsRatioColumn)
                            .startsWith(QString::number(*d.woolf.estimate, 'f', 2)));
                QVERIFY(!role(model, row, ResponseModel::CmhOddsRatioRole).isValid());
            }
        }
        QVERIFY(!model.hasCmh());
        QVERIFY(view.rateTable()->isColumnHidden(ResponseModel::CmhOddsRatioColumn));
        QVERIFY(model.headerData(ResponseModel::RateCiColumn, Qt::Horizontal)
                    .toString()
                    .contains(QStringLiteral("95% CI\n(Clopper–Pearson)")));
    }

    void intervalCombosSwitchTheCiColumns() {
        const ResultsPtr results = demo_results(false);
        ResponseView view;
        view.setResults(results);
        const ResponseModel& model = *view.model();
        QSignalSpy changed(view.model(), &QAbstractItemModel::dataChanged);
        const ResponseRate& rate = results->response->disease_control.back();
        const int row = row_of(model, Measure::DiseaseControl, rate.arm);
        const QString clopper_pearson = cell(model, row, ResponseModel::RateCiColumn);

        for (const auto& [name, interval] :
             {std::pair{QStringLiteral("Wilson"), rate.wilson},
              std::pair{QStringLiteral("Jeffreys"), rate.jeffreys}}) {
            const int index = view.rateIntervalBox()->findText(name);
            QVERIFY(index >= 0);
            view.rateIntervalBox()->setCurrentIndex(index);
            QCOMPARE(role(model, row, ResponseModel::RateLowerRole).toDouble(), interval.lower);
            QCOMPARE(role(model, row, ResponseModel::RateUpperRole).toDouble(), interval.upper);
            QCOMPARE(cell(model, row, ResponseModel::RateCiColumn),
                     percent(interval.lower) + QStringLiteral("–") + percent(interval.upper));
            QVERIFY(model.headerData(ResponseModel::RateCiColumn, Qt::Horizontal)
                        .toString()
                        .contains(name));
        }
        QVERIFY(cell(model, row, ResponseModel::RateCiColumn) != clopper_pearson);

        const ResponseDifference& d = results->response->disease_control_differences.front();
        view.differenceIntervalBox()->setCurrentIndex(
            view.differenceIntervalBox()->findText(QStringLiteral("Newcombe")));
        QCOMPARE(role(model, row, ResponseModel::DifferenceLowerRole).toDouble(), d.newcombe.lower);
        QCOMPARE(role(model, row, ResponseModel::DifferenceUpperRole).toDouble(), d.newcombe.upper);
        QVERIFY(
            cell(model, row, ResponseModel::DifferenceColumn).contains(percent(d.newcombe.upper)));
        QVERIFY(model.headerData(ResponseModel::DifferenceColumn, Qt::Horizontal)
                    .toString()
                    .contains(QStringLiteral("Newcombe")));
        QCOMPARE(changed.count(), 3);
    }

    void strataAddTheCmhColumns() {
        const ResultsPtr results = demo_results(true);
        ResponseView view;
        view.setResults(results);
        const ResponseModel& model = *view.model();
        QVERIFY(model.hasCmh());
        QVERIFY(!view.rateTable()->isColumnHidden(ResponseModel::CmhOddsRatioColumn));
        for (const MeasureRates& m : measures_of(*results->response)) {
            const ResponseDifference& d = m.differences->front();
            QVERIFY(d.cmh.has_value());
            const int row = row_of(model, m.measure, d.arm);
            QCOMPARE(role(model, row, ResponseModel::CmhOddsRatioRole).toDouble(),
                     *d.cmh->odds_ratio.estimate);
            QCOMPARE(role(model, row, ResponseModel::CmhLowerRole).toDouble(),
                     *d.cmh->odds_ratio.lower);
            QCOMPARE(role(model, row, ResponseModel::CmhPRole).toDouble(), *d.cmh->p_value);
            QVERIFY(!cell(model, row, ResponseModel::CmhPColumn).isEmpty());
        }
    }

    void bestResponseTableCountsEveryCategory() {
        const ResultsPtr results = demo_results(false);
        ResponseView view;
        view.setResults(results);
        const BestResponseModel& model = *view.bestResponseModel();
        const ResponseSummary& response = *results->response;
        QCOMPARE(model.rowCount(), static_cast<int>(response.bor_categories.size()));
        QCOMPARE(model.columnCount(), static_cast<int>(1 + response.best_overall_response.size()));
        QCOMPARE(cell(model, 0, 0), QStringLiteral("Complete response (CR)"));
        QCOMPARE(cell(model, model.rowCount() - 1, 0), QStringLiteral("No assessment / missing"));
        for (std::size_t a = 0; a < response.best_overall_response.size(); ++a) {
            const ArmBestResponse& arm = response.best_overall_response[a];
            const int column = static_cast<int>(a) + 1;
            QVERIFY(model.headerData(column, Qt::Horizontal)
                        .toString()
                        .contains(QStringLiteral("N = %1").arg(arm.n)));
            std::size_t total = 0;
            for (std::size_t k = 0; k < arm.counts.size(); ++k) {
                const QModelIndex index = model.index(static_cast<int>(k), column);
                QCOMPARE(index.data(BestResponseModel::CategoryRole).toString(),
                         QString::fromStdString(response.bor_categories[k]));
                QCOMPARE(index.data(BestResponseModel::CountRole).toULongLong(), arm.counts[k].n);
                QCOMPARE(index.data(BestResponseModel::FractionRole).toDouble(),
                         arm.counts[k].fraction);
                QCOMPARE(index.data().toString(), QStringLiteral("%1 (%2%)")
                                                      .arg(arm.counts[k].n)
                                                      .arg(percent(arm.counts[k].fraction)));
                total += arm.counts[k].n;
            }
            QCOMPARE(total, arm.n);
        }
    }

    void studyWithoutResponsesShowsEmptyState() {
        Study study = *demo();
        study.responses = {};
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const auto results = std::make_shared<const Results>(refit(study, spec));
        QVERIFY(!results->response.has_value());
        ResponseView view;
        view.setResults(demo_results(false));
        QVERIFY(!view.emptyLabel()->isVisibleTo(&view));
        view.setResults(results);
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(view.bestResponseModel()->rowCount(), 0);
        QVERIFY(view.emptyLabel()->isVisibleTo(&view));
        QCOMPARE(view.emptyLabel()->text(),
                 QStringLiteral("No ADRS best overall response in this study"));
        QVERIFY(!view.rateTable()->isVisibleTo(&view));
        view.setResults(nullptr);
        QVERIFY(view.emptyLabel()->isVisibleTo(&view));
    }

    void mainWindowTabsUpdateAfterRefit() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);

        auto* tabs = qobject_cast<QTabWidget*>(window.centralWidget());
        QVERIFY(tabs != nullptr);
        QVERIFY(window.responseView() != nullptr && window.methodsView() != nullptr);
        QVERIFY(tabs->widget(window.tabIndex(QStringLiteral("response")))
                    ->isAncestorOf(window.responseView()));
        QVERIFY(tabs->widget(window.tabIndex(QStringLiteral("methods")))
                    ->isAncestorOf(window.methodsView()));
        QCOMPARE(window.responseView()->model()->results(), controller.results());
        QCOMPARE(window.methodsView()->results(), controller.results());
        QVERIFY(!window.responseView()->model()->hasCmh());

        spec.strata = {"PRTAXFL", "LIVBRNFL"};
        controller.setSpec(spec);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        QCOMPARE(window.responseView()->model()->results(), controller.results());
        QCOMPARE(window.methodsView()->results(), controller.results());
        QVERIFY(window.responseView()->model()->hasCmh());
    }
};

QTEST_MAIN(TestResponseView)
#include "test_response_view.moc"
