// Tumour response through refit (Results::tumour_response) against the
// goldens of tests/reference/golden_tumour_response.R, which computes every
// subject's best % change, nadir, BOR, duration of response, time to
// response and treatment days, and every arm's ORR, duration-of-response
// Kaplan-Meier and median time to response in plain R by the rules of
// results.h: on the demo with its DURRSP and with DURRSP left out (derived),
// and on tests/data/oncology2 (three arms, derived), in months and in days.

#include "../golden.h"
#include "../test_paths.h"
#include "golden_cases.h"

#include <triallens/analysis/refit.h>
#include <triallens/data/build_study.h>
#include <triallens/io/load_study.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

using namespace triallens;

namespace {

// `table` without the rows `drop` names.
RawTable without_rows(const RawTable& table, const std::vector<bool>& drop) {
    RawTable kept{table.source, {}, {}};
    for (const RawColumn& column : table.columns) {
        RawColumn copy = column;
        copy.numbers.clear();
        copy.codes.clear();
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (drop[row]) {
                continue;
            }
            if (column.type == ColumnType::Number) {
                copy.numbers.push_back(column.numbers[row]);
            } else {
                copy.codes.push_back(column.codes[row]);
            }
        }
        kept.columns.push_back(std::move(copy));
    }
    return kept;
}

// The demo without its DURRSP records: durations of response are derived.
const Study& demo_without_durrsp() {
    static const Study study = [] {
        std::vector<RawTable> tables = generate_demo_tables();
        RawTable& adtte = tables.at(1);
        const RawColumn& paramcd = *adtte.find("PARAMCD");
        std::vector<bool> drop(adtte.row_count());
        for (std::size_t row = 0; row < drop.size(); ++row) {
            drop[row] = paramcd.text(row) == "DURRSP";
        }
        adtte = without_rows(adtte, drop);
        Study built = build_study(tables, demo_study_name);
        built.control_arm = demo_control_arm;
        return built;
    }();
    return study;
}

const Study& oncology2() {
    static const Study study = [] {
        const std::filesystem::path folder = TRIALLENS_TEST_DATA + "/data/oncology2";
        StudyLoad load = load_study(
            {folder / "adsl.csv", folder / "adtte.csv", folder / "adrs.csv", folder / "adtr.csv"});
        if (!load.ok()) {
            qFatal("cannot load oncology2: %s", load.findings.front().text().c_str());
        }
        return std::move(*load.study);
    }();
    return study;
}

const Study& study_named(const QString& name) {
    if (name == "demo") {
        return golden_cases::demo();
    }
    return name == "demo_derived" ? demo_without_durrsp() : oncology2();
}

std::optional<double> optional_bool(std::optional<bool> value) {
    return value ? std::optional<double>(*value ? 1.0 : 0.0) : std::nullopt;
}

std::optional<double> golden_bool(const QJsonValue& value) {
    return value.isNull() ? std::nullopt : std::optional<double>(value.toBool() ? 1.0 : 0.0);
}

void compare_subjects(const TumourResponse& response, const QJsonArray& expected) {
    QCOMPARE(response.subjects.size(), static_cast<std::size_t>(expected.size()));
    std::map<std::string, std::size_t> by_id;
    for (std::size_t k = 0; k < response.subjects.size(); ++k) {
        by_id[response.subjects[k].usubjid] = k;
    }
    for (const auto& value : expected) {
        const QJsonObject golden = value.toObject();
        const std::string id = golden["usubjid"].toString().toStdString();
        const QByteArray where = QByteArray::fromStdString(id);
        QVERIFY2(by_id.contains(id), where);
        const SubjectTumourResponse& s = response.subjects[by_id.at(id)];
        const std::size_t arm = response.subjects.arm(by_id.at(id));
        QVERIFY2(arm < response.arms.size(), where);
        QCOMPARE(response.arms[arm].arm, golden["arm"].toString().toStdString());
        const auto field = [&](const char* name, std::optional<double> actual) {
            if (!golden::matches(actual, golden[name])) {
                QFAIL(qPrintable(
                    QStringLiteral("%1 %2: TrialLens %3, R %4")
                        .arg(where, name, actual ? QString::number(*actual, 'g', 17) : "none",
                             golden[name].isNull()
                                 ? QStringLiteral("NA")
                                 : QString::number(golden[name].toDouble(), 'g', 17))));
            }
        };
        field("best_pchg", s.best_pchg);
        field("nadir", s.nadir);
        field("dor_time", s.dor_time);
        field("ttr", s.ttr);
        field("treatment_days", s.treatment_days);
        QVERIFY2(optional_bool(s.dor_event) == golden_bool(golden["dor_event"]),
                 where + " dor_event");
        QCOMPARE(s.bor,
                 golden["bor"].isNull() ? std::string() : golden["bor"].toString().toStdString());
        QVERIFY2(s.responder == golden["responder"].toBool(), where + " responder");
        QVERIFY2(s.ongoing == golden["ongoing"].toBool(), where + " ongoing");
    }
}

void compare_arms(const TumourResponse& response, const QJsonArray& expected) {
    QCOMPARE(response.arms.size(), static_cast<std::size_t>(expected.size()));
    for (const auto& value : expected) {
        const QJsonObject golden = value.toObject();
        const std::string name = golden["arm"].toString().toStdString();
        const auto arm = std::find_if(response.arms.begin(), response.arms.end(),
                                      [&](const ArmTumourResponse& a) { return a.arm == name; });
        QVERIFY2(arm != response.arms.end(), name.c_str());
        QCOMPARE(arm->n, static_cast<std::size_t>(golden["n"].toInt()));
        QCOMPARE(arm->responders, static_cast<std::size_t>(golden["responders"].toInt()));
        QCOMPARE(arm->measured, static_cast<std::size_t>(golden["measured"].toInt()));
        COMPARE_GOLDEN(arm->orr, golden["orr"]);
        COMPARE_GOLDEN(arm->orr_interval.lower, golden["orr_lower"]);
        COMPARE_GOLDEN(arm->orr_interval.upper, golden["orr_upper"]);
        COMPARE_GOLDEN(arm->ttr_median, golden["ttr_median"]);
        if (golden["dor"].isNull()) {
            QVERIFY2(!arm->dor_median || !arm->dor_median->estimate, name.c_str());
            continue;
        }
        const QJsonObject dor = golden["dor"].toObject();
        QVERIFY2(arm->dor && arm->dor_median, name.c_str());
        QCOMPARE(arm->dor->n, static_cast<std::size_t>(dor["n"].toInt()));
        COMPARE_GOLDEN(arm->dor_median->estimate, dor["median"]);
        COMPARE_GOLDEN(arm->dor_median->lower, dor["lower"]);
        COMPARE_GOLDEN(arm->dor_median->upper, dor["upper"]);
        const QJsonObject landmarks = dor["landmarks"].toObject();
        const auto times = golden::values(landmarks["time"]);
        const auto surv = golden::as_array(landmarks["surv"]);
        const auto lower = golden::as_array(landmarks["lower"]);
        const auto upper = golden::as_array(landmarks["upper"]);
        for (std::size_t k = 0; k < times.size(); ++k) {
            const auto at = std::find_if(arm->dor_landmarks.begin(), arm->dor_landmarks.end(),
                                         [&](const SurvivalAt& s) { return s.time == times[k]; });
            QVERIFY2(at != arm->dor_landmarks.end(), name.c_str());
            const auto i = static_cast<qsizetype>(k);
            COMPARE_GOLDEN(at->surv, surv[i]);
            COMPARE_GOLDEN(at->lower, lower[i]);
            COMPARE_GOLDEN(at->upper, upper[i]);
        }
    }
}

} // namespace

class TestTumourResponse : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("study");
        for (const char* unit : {"months", "days"}) {
            QTest::addRow("demo DURRSP %s", unit) << QString("demo_durrsp_%1").arg(unit) << "demo";
            QTest::addRow("demo derived %s", unit)
                << QString("demo_derived_%1").arg(unit) << "demo_derived";
            QTest::addRow("oncology2 derived %s", unit)
                << QString("oncology2_derived_%1").arg(unit) << "oncology2";
        }
    }

    void matchesR() {
        QFETCH(QString, name);
        QFETCH(QString, study);
        const QJsonObject golden =
            golden_cases::find(golden::load("tumour_response.json").toArray(), name);
        const Study& data = study_named(study);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.time_unit = golden["time_unit"].toString().toStdString();
        spec.landmarks = golden::values(golden["landmarks"]);
        const Results results = refit(data, resolve_spec(data, spec));
        QVERIFY(results.tumour_response);
        const TumourResponse& response = *results.tumour_response;
        QCOMPARE(response.dor_source, golden["dor_source"].toString().toStdString());
        QCOMPARE(response.param, std::string("SDIAM"));
        compare_subjects(response, golden["subjects"].toArray());
        compare_arms(response, golden["arms"].toArray());
    }
};

QTEST_APPLESS_MAIN(TestTumourResponse)
#include "test_tumour_response.moc"
