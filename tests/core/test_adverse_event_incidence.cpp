// Adverse-event incidence on the demo against counts made in base R, under
// each filter; rows ordered by descending frequency within their level; risk
// differences against the control arm with Miettinen–Nurminen intervals from
// an R implementation of them (tests/reference/golden_response.R).

#include "../cdisc_pilot.h"
#include "../golden.h"

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/refit.h>
#include <triallens/data/build_study.h>
#include <triallens/data/study_validation.h>
#include <triallens/demo/demo_study.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

AeFilter filter_named(const QString& name) {
    AeFilter filter;
    filter.treatment_emergent_only = name == "treatment_emergent";
    filter.related_only = name == "related";
    filter.serious_only = name == "serious";
    return filter;
}

QString key(const QJsonValue& soc, const QJsonValue& pt) {
    return (soc.isNull() ? QStringLiteral("*") : soc.toString()) + "|" +
           (pt.isNull() ? QStringLiteral("*") : pt.toString());
}

// A study with many repeated terms, for checking the counting against a
// plain one: some PTs under two SOCs, a missing SOC, missing grades (0),
// subjects without an arm or outside the safety population, and every flag.
Study random_ae_study(std::uint64_t seed, bool grouped_by_subject) {
    std::mt19937_64 random(seed);
    const auto below = [&](std::uint64_t n) { return static_cast<std::int32_t>(random() % n); };
    constexpr std::size_t subjects = 300;
    Study study;
    study.control_arm = "B";
    std::vector<std::string> usubjid;
    std::vector<std::int32_t> arm;
    std::vector<std::int32_t> saffl;
    std::vector<double> age;
    for (std::size_t i = 0; i < subjects; ++i) {
        usubjid.push_back("S" + std::to_string(i));
        arm.push_back(below(10) == 0 ? -1 : below(3));
        saffl.push_back(below(10) == 0 ? 0 : 1);
        age.push_back(30 + below(50));
    }
    study.subjects = SubjectTable(std::move(usubjid),
                                  {Variable::factor("TRT01A", {}, std::move(arm), {"A", "B", "C"}),
                                   Variable::factor("SAFFL", {}, std::move(saffl), {"N", "Y"}),
                                   Variable::measurement("AGE", {}, std::move(age))});

    AdverseEvents& events = study.adverse_events;
    events.soc.levels = {"", "Cardiac", "Gastro", "Skin", "Vascular"};
    events.pt.levels = {"Diarrhoea", "Nausea",  "Rash",   "Hypertension",
                        "Pruritus",  "Fatigue", "Oedema", "Vomiting"};
    for (std::size_t i = 0; i < subjects; ++i) {
        const std::int32_t records = below(12);
        for (std::int32_t r = 0; r < records; ++r) {
            // Few terms, so a subject often has one term more than once.
            const auto pt = static_cast<std::uint32_t>(below(8));
            // Mostly each PT's own SOC, sometimes another one or none.
            const std::int32_t pick = below(10);
            const auto soc = static_cast<std::uint32_t>(pick == 0   ? 0
                                                        : pick == 1 ? 1 + below(4)
                                                                    : 1 + pt % 4);
            events.subject.push_back(static_cast<std::int32_t>(i));
            events.soc.codes.push_back(soc);
            events.pt.codes.push_back(pt);
            events.grade.push_back(below(6)); // 0 = missing
            events.related.push_back(below(2) == 0 ? 1 : 0);
            events.serious.push_back(below(4) == 0 ? 1 : 0);
            events.treatment_emergent.push_back(below(5) == 0 ? 0 : 1);
        }
    }
    if (!grouped_by_subject) {
        std::vector<std::size_t> order(events.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::shuffle(order.begin(), order.end(), random);
        AdverseEvents shuffled;
        for (const std::size_t i : order) {
            shuffled.subject.push_back(events.subject[i]);
            shuffled.soc.codes.push_back(events.soc.codes[i]);
            shuffled.pt.codes.push_back(events.pt.codes[i]);
            shuffled.grade.push_back(events.grade[i]);
            shuffled.related.push_back(events.related[i]);
            shuffled.serious.push_back(events.serious[i]);
            shuffled.treatment_emergent.push_back(events.treatment_emergent[i]);
        }
        shuffled.soc.levels = events.soc.levels;
        shuffled.pt.levels = events.pt.levels;
        events = std::move(shuffled);
    }
    return study;
}

// The AE table's rows counted the plain way: per row, the set of subjects
// and each one's highest grade; then ordered by descending total and name.
struct PlainRow {
    std::optional<std::string> soc;
    std::optional<std::string> pt;
    std::vector<AeCounts> counts;
};

std::vector<PlainRow> plain_ae_rows(const Study& study, const AeSpec& spec,
                                    const std::vector<std::string>& arms) {
    const Variable& arm = *study.subjects.find("TRT01A");
    const Variable& saffl = *study.subjects.find("SAFFL");
    const Variable& age = *study.subjects.find("AGE");
    const auto arm_of = [&](std::int32_t subject) -> std::int32_t {
        const auto s = static_cast<std::size_t>(subject);
        if (arm.codes()[s] < 0 || saffl.codes()[s] != 1 ||
            (!spec.filter_expression.empty() && !(age.numbers()[s] >= 50))) {
            return -1;
        }
        const auto at = std::find(arms.begin(), arms.end(),
                                  arm.levels()[static_cast<std::size_t>(arm.codes()[s])]);
        return static_cast<std::int32_t>(at - arms.begin());
    };
    using Key = std::pair<std::optional<std::string>, std::optional<std::string>>;
    std::map<Key, std::map<std::int32_t, std::int32_t>> highest; // key -> subject -> grade
    const AdverseEvents& events = study.adverse_events;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (arm_of(events.subject[i]) < 0 ||
            (spec.filter.treatment_emergent_only && !events.treatment_emergent[i]) ||
            (spec.filter.related_only && !events.related[i]) ||
            (spec.filter.serious_only && !events.serious[i])) {
            continue;
        }
        for (const Key& key : {Key{std::nullopt, std::nullopt}, Key{events.soc[i], std::nullopt},
                               Key{events.soc[i], events.pt[i]}}) {
            auto& grade = highest[key].emplace(events.subject[i], 0).first->second;
            grade = std::max(grade, events.grade[i]);
        }
    }
    std::map<Key, PlainRow> rows;
    const auto total = [](const PlainRow& row) {
        std::size_t sum = 0;
        for (const auto& c : row.counts) {
            sum += c.any;
        }
        return sum;
    };
    for (const auto& [key, grades] : highest) {
        PlainRow row{key.first, key.second, std::vector<AeCounts>(arms.size())};
        for (const auto& [subject, grade] : grades) {
            AeCounts& c = row.counts[static_cast<std::size_t>(arm_of(subject))];
            ++c.any;
            c.grade3plus += grade >= 3 ? 1 : 0;
        }
        rows.emplace(key, row);
    }
    const auto before = [&](const PlainRow& a, const PlainRow& b) {
        const auto name = [](const PlainRow& r) { return r.pt ? *r.pt : *r.soc; };
        return std::make_tuple(-static_cast<long>(total(a)), name(a)) <
               std::make_tuple(-static_cast<long>(total(b)), name(b));
    };
    std::vector<PlainRow> socs;
    for (const auto& [key, row] : rows) {
        if (key.first && !key.second) {
            socs.push_back(row);
        }
    }
    std::sort(socs.begin(), socs.end(), before);
    std::vector<PlainRow> out{rows.at({std::nullopt, std::nullopt})};
    for (const PlainRow& soc : socs) {
        out.push_back(soc);
        std::vector<PlainRow> pts;
        for (const auto& [key, row] : rows) {
            if (key.first == soc.soc && key.second) {
                pts.push_back(row);
            }
        }
        std::sort(pts.begin(), pts.end(), before);
        out.insert(out.end(), pts.begin(), pts.end());
    }
    return out;
}

bool near(double actual, const QJsonValue& expected) {
    ++golden::tally.count;
    return golden::close(actual, expected.toDouble());
}

// ADSL of three subjects (S3 outside the safety population) and their ADAE,
// with the treatment-duration column given (or none when `duration` is empty).
std::vector<RawTable> small_study(const std::string& duration, std::vector<double> days) {
    RawTable adsl{"adsl.csv", {}, {}};
    adsl.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3"}));
    adsl.columns.push_back(text_column("TRT01A", "", {"A", "B", "B"}));
    adsl.columns.push_back(text_column("SAFFL", "", {"Y", "Y", "N"}));
    if (!duration.empty()) {
        adsl.columns.push_back(number_column(duration, "", std::move(days)));
    }
    RawTable adae{"adae.csv", {}, {}};
    adae.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3", "S3"}));
    adae.columns.push_back(text_column("AEBODSYS", "", {"Skin", "Skin", "Skin", "Skin"}));
    adae.columns.push_back(text_column("AEDECOD", "", {"Rash", "Rash", "Rash", "Itch"}));
    adae.columns.push_back(text_column("AEACN", "", {"drug withdrawn", "", "", ""}));
    adae.columns.push_back(text_column("AEOUT", "", {"", "", "", ""}));
    adae.columns.push_back(text_column("AESDTH", "", {"N", "Y", "", ""}));
    return {adsl, adae};
}

QStringList warnings(const std::vector<RawTable>& tables) {
    StudyTables roles;
    roles.subjects = &tables[0];
    roles.adverse_events = &tables[1];
    QStringList out;
    for (const Finding& finding : validate_study_tables(roles)) {
        if (finding.severity == Severity::Warning) {
            out << QString::fromStdString(finding.text());
        }
    }
    return out;
}

} // namespace

class TestAdverseEventIncidence : public QObject {
    Q_OBJECT

private slots:
    void countsMatchR_data() {
        QTest::addColumn<bool>("pilot");
        QTest::addColumn<QJsonObject>("golden");
        for (const bool pilot : {false, true}) {
            for (const auto& value :
                 golden::load(pilot ? "cdisc_ae.json" : "demo_ae.json").toArray()) {
                QTest::newRow(
                    qPrintable((pilot ? "cdisc/" : "demo/") + value.toObject()["name"].toString()))
                    << pilot << value.toObject();
            }
        }
    }

    void countsMatchR() {
        QFETCH(bool, pilot);
        QFETCH(QJsonObject, golden);
        AeSpec spec;
        spec.filter = filter_named(golden["name"].toString());
        const AeTable table = adverse_event_table(pilot ? cdisc_pilot::study() : demo(), spec);

        // The declared control arm comes first; the pilot declares none, and
        // its first arm in TRT01AN order is Placebo. The pilot grades by AESEV
        // only: MILD/MODERATE/SEVERE = 1/2/3.
        QCOMPARE(table.arms.front(), std::string(pilot ? "Placebo" : demo_control_arm));
        const QJsonObject denominators = golden["denominators"].toObject();
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            QCOMPARE(static_cast<double>(table.denominators[a]),
                     denominators[QString::fromStdString(table.arms[a])].toDouble());
        }

        std::map<QString, QJsonObject> expected;
        for (const auto& row : golden["rows"].toArray()) {
            const QJsonObject r = row.toObject();
            expected[key(r["soc"], r["pt"])] = r["counts"].toObject();
        }
        QCOMPARE(table.rows.size(), expected.size());
        for (const AeRow& row : table.rows) {
            const QString k =
                key(row.soc ? QJsonValue(QString::fromStdString(*row.soc)) : QJsonValue(),
                    row.pt ? QJsonValue(QString::fromStdString(*row.pt)) : QJsonValue());
            QVERIFY2(expected.count(k) == 1, qPrintable(k));
            for (std::size_t a = 0; a < table.arms.size(); ++a) {
                const QJsonObject counts =
                    expected[k][QString::fromStdString(table.arms[a])].toObject();
                QCOMPARE(static_cast<double>(row.counts[a].any), counts["any"].toDouble());
                QCOMPARE(static_cast<double>(row.counts[a].grade3plus),
                         counts["grade3plus"].toDouble());
            }
        }
    }

    void riskDifferencesMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("ae_risk_difference.json").toArray()) {
            QTest::newRow(qPrintable(value.toObject()["name"].toString())) << value.toObject();
        }
    }

    void riskDifferencesMatchR() {
        QFETCH(QJsonObject, golden);
        AeSpec spec;
        spec.filter = filter_named(golden["name"].toString());
        const AeTable table = adverse_event_table(demo(), spec);

        // The declared control arm is the reference, and has no difference of its own.
        QVERIFY(table.reference_arm.has_value());
        QCOMPARE(table.arms[*table.reference_arm], golden["reference"].toString().toStdString());
        std::map<QString, QJsonObject> expected;
        for (const auto& row : golden["rows"].toArray()) {
            const QJsonObject r = row.toObject();
            expected[key(r["soc"], r["pt"])] = r["risk_difference"].toObject();
        }
        QCOMPARE(table.rows.size(), expected.size());
        for (const AeRow& row : table.rows) {
            const QString k =
                key(row.soc ? QJsonValue(QString::fromStdString(*row.soc)) : QJsonValue(),
                    row.pt ? QJsonValue(QString::fromStdString(*row.pt)) : QJsonValue());
            QVERIFY2(expected.count(k) == 1, qPrintable(k));
            QCOMPARE(row.risk_difference.size(), table.arms.size());
            QVERIFY(!row.risk_difference[*table.reference_arm]);
            QCOMPARE(static_cast<qsizetype>(table.arms.size() - 1), expected[k].size());
            for (std::size_t a = 0; a < table.arms.size(); ++a) {
                if (a == *table.reference_arm) {
                    continue;
                }
                QVERIFY2(row.risk_difference[a].has_value(), qPrintable(k));
                const QJsonObject r = expected[k][QString::fromStdString(table.arms[a])].toObject();
                const auto compare = [&](const AeDifference& d, const QJsonObject& expected_d) {
                    COMPARE_GOLDEN(d.estimate, expected_d["estimate"]);
                    COMPARE_GOLDEN(d.lower, expected_d["lower"]);
                    COMPARE_GOLDEN(d.upper, expected_d["upper"]);
                };
                compare(row.risk_difference[a]->any, r["any"].toObject());
                compare(row.risk_difference[a]->grade3plus, r["grade3plus"].toObject());
            }
        }
    }

    // Choosing the other arm as reference lists it first and mirrors every
    // difference and interval.
    void referenceArmCanBeChosen() {
        const AeTable by_control = adverse_event_table(demo(), {});
        AeSpec spec;
        spec.reference_arm = by_control.arms[1];
        const AeTable swapped = adverse_event_table(demo(), spec);
        QCOMPARE(swapped.arms.front(), by_control.arms[1]);
        QCOMPARE(*swapped.reference_arm, std::size_t{0});
        QCOMPARE(swapped.rows.size(), by_control.rows.size());
        for (std::size_t i = 0; i < swapped.rows.size(); ++i) {
            const AeDifference& d = by_control.rows[i].risk_difference[1]->any;
            const AeDifference& m = swapped.rows[i].risk_difference[1]->any;
            QVERIFY(golden::close(m.estimate, -d.estimate));
            QVERIFY(golden::close(m.lower, -d.upper));
            QVERIFY(golden::close(m.upper, -d.lower));
        }
    }

    // The table names the column its grades came from, so headings can say
    // "Severe" where the study grades by severity: the pilot's ADAE has only
    // AESEV; the demo's has AETOXGR and a matching AESEV, and AETOXGR wins.
    void tableNamesItsGradingVariable() {
        QCOMPARE(adverse_event_table(cdisc_pilot::study(), {}).grade_variable,
                 std::string("AESEV"));
        QCOMPARE(adverse_event_table(demo(), {}).grade_variable, std::string("AETOXGR"));
    }

    void unknownReferenceArmIsASpecError() {
        AeSpec spec;
        spec.reference_arm = "Placebo";
        QVERIFY_THROWS_EXCEPTION(SpecError, adverse_event_table(demo(), spec));
    }

    void rowsRunFromMostToLeastFrequent() {
        const AeTable table = adverse_event_table(demo(), {});
        QVERIFY(!table.rows.front().soc && !table.rows.front().pt);
        const auto total = [](const AeRow& row) {
            std::size_t sum = 0;
            for (const auto& c : row.counts) {
                sum += c.any;
            }
            return sum;
        };
        std::size_t previous_soc = SIZE_MAX;
        std::size_t previous_pt = SIZE_MAX;
        for (std::size_t i = 1; i < table.rows.size(); ++i) {
            const AeRow& row = table.rows[i];
            if (!row.pt) {
                QVERIFY(total(row) <= previous_soc);
                previous_soc = total(row);
                previous_pt = SIZE_MAX;
            } else {
                QVERIFY(total(row) <= previous_pt);
                QVERIFY(total(row) <= previous_soc);
                previous_pt = total(row);
            }
        }
    }

    // The one-pass counting gives the plain count's numbers and order on
    // random studies, with every filter, rows grouped by subject or not.
    void countsEqualAPlainCountOnRandomStudies_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<bool>("grouped");
        QTest::addColumn<int>("filters"); // bits: TEAE, related, serious, AGE >= 50
        for (const int seed : {1, 2, 3}) {
            for (const bool grouped : {true, false}) {
                for (int filters = 0; filters < 16; ++filters) {
                    QTest::addRow("seed %d %s filters %d", seed, grouped ? "grouped" : "shuffled",
                                  filters)
                        << seed << grouped << filters;
                }
            }
        }
    }

    void countsEqualAPlainCountOnRandomStudies() {
        QFETCH(int, seed);
        QFETCH(bool, grouped);
        QFETCH(int, filters);
        const Study study = random_ae_study(static_cast<std::uint64_t>(seed), grouped);
        AeSpec spec;
        spec.filter.treatment_emergent_only = (filters & 1) != 0;
        spec.filter.related_only = (filters & 2) != 0;
        spec.filter.serious_only = (filters & 4) != 0;
        spec.filter_expression = (filters & 8) != 0 ? "AGE >= 50" : "";
        const AeTable table = adverse_event_table(study, spec);
        const std::vector<std::string> arms{"B", "A", "C"}; // the declared control first
        QCOMPARE(table.arms, arms);
        const std::vector<PlainRow> expected = plain_ae_rows(study, spec, arms);
        QCOMPARE(table.rows.size(), expected.size());
        for (std::size_t r = 0; r < expected.size(); ++r) {
            QCOMPARE(table.rows[r].soc, expected[r].soc);
            QCOMPARE(table.rows[r].pt, expected[r].pt);
            for (std::size_t a = 0; a < arms.size(); ++a) {
                QCOMPARE(table.rows[r].counts[a].any, expected[r].counts[a].any);
                QCOMPARE(table.rows[r].counts[a].grade3plus, expected[r].counts[a].grade3plus);
            }
        }
    }

    // Per row: records per arm, the relative risk with Katz's interval and
    // Fisher's p, exposure-adjusted rates and their differences, as R gives them.
    void relativeRisksAndRatesMatchR_data() {
        QTest::addColumn<bool>("pilot");
        QTest::newRow("cdisc") << true;
        QTest::newRow("demo") << false;
    }

    void relativeRisksAndRatesMatchR() {
        QFETCH(bool, pilot);
        const QJsonObject golden =
            golden::load("safety.json").toObject()[pilot ? "cdisc" : "demo"].toObject();
        const AeTable table = adverse_event_table(pilot ? cdisc_pilot::study() : demo(), {});
        QCOMPARE(table.exposure_source, std::string(pilot ? "TRTDUR" : "TRTDURD"));
        QCOMPARE(static_cast<double>(table.exposure_missing),
                 golden["exposure_missing"].toDouble());
        const std::size_t reference = *table.reference_arm;
        QCOMPARE(table.arms[reference], golden["reference"].toString().toStdString());
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            QVERIFY(near(table.patient_years[a],
                         golden["patient_years"][QString::fromStdString(table.arms[a])]));
        }
        std::map<QString, QJsonObject> expected;
        for (const auto& row : golden["rows"].toArray()) {
            const QJsonObject r = row.toObject();
            expected[key(r["soc"], r["pt"])] = r;
        }
        QCOMPARE(table.rows.size(), expected.size());
        for (const AeRow& row : table.rows) {
            const QString k =
                key(row.soc ? QJsonValue(QString::fromStdString(*row.soc)) : QJsonValue(),
                    row.pt ? QJsonValue(QString::fromStdString(*row.pt)) : QJsonValue());
            QVERIFY2(expected.count(k) == 1, qPrintable(k));
            const QJsonObject& r = expected[k];
            for (std::size_t a = 0; a < table.arms.size(); ++a) {
                const QString arm = QString::fromStdString(table.arms[a]);
                QCOMPARE(static_cast<double>(row.counts[a].events), r["events"][arm].toDouble());
                const QJsonObject rate = r["exposure_adjusted"][arm].toObject();
                QVERIFY(row.exposure_adjusted[a]);
                QCOMPARE(static_cast<double>(row.exposure_adjusted[a]->subjects),
                         rate["subjects"].toDouble());
                QVERIFY2(near(row.exposure_adjusted[a]->rate, rate["rate"]), qPrintable(k));
                QVERIFY2(near(row.exposure_adjusted[a]->lower, rate["lower"]), qPrintable(k));
                QVERIFY2(near(row.exposure_adjusted[a]->upper, rate["upper"]), qPrintable(k));
                if (a == reference) {
                    QVERIFY(!row.relative_risk[a] && !row.rate_difference[a]);
                    continue;
                }
                const QJsonObject rr = r["relative_risk"][arm].toObject();
                QVERIFY(row.relative_risk[a]);
                QVERIFY2(near(row.relative_risk[a]->estimate, rr["estimate"]), qPrintable(k));
                QVERIFY2(near(row.relative_risk[a]->lower, rr["lower"]), qPrintable(k));
                QVERIFY2(near(row.relative_risk[a]->upper, rr["upper"]), qPrintable(k));
                QVERIFY2(near(row.relative_risk[a]->fisher_p, rr["fisher_p"]), qPrintable(k));
                const QJsonObject d = r["rate_difference"][arm].toObject();
                QVERIFY(row.rate_difference[a]);
                QVERIFY2(near(row.rate_difference[a]->estimate, d["estimate"]), qPrintable(k));
                QVERIFY2(near(row.rate_difference[a]->lower, d["lower"]), qPrintable(k));
                QVERIFY2(near(row.rate_difference[a]->upper, d["upper"]), qPrintable(k));
            }
        }
    }

    // AEACN in any case, AESDTH where AEOUT is blank; an absent column: empty.
    void actionsAndOutcomesAreRead() {
        const Study study = build_study(small_study("", {}), "small");
        const AdverseEvents& events = study.adverse_events;
        QCOMPARE(events.drug_withdrawn, (std::vector<std::uint8_t>{1, 0, 0, 0}));
        QCOMPARE(events.fatal, (std::vector<std::uint8_t>{0, 1, 0, 0}));
        QVERIFY(!events.has_treatment_emergent);
        const Study pilot_like = build_study(
            {small_study("", {})[0],
             [] {
                 RawTable adae = small_study("", {})[1];
                 std::erase_if(adae.columns, [](const RawColumn& c) { return c.name == "AESDTH"; });
                 return adae;
             }()},
            "blank");
        QVERIFY(pilot_like.adverse_events.fatal.empty()); // AEOUT only blank
        QVERIFY(!pilot_like.adverse_events.drug_withdrawn.empty());
    }

    // A negative duration is a warning naming its column, and unknown: the
    // subject counts in the incidence, not in the patient-years.
    void negativeDurationIsAWarningAndUnknown() {
        const std::vector<RawTable> tables = small_study("TRTDURD", {-5, 73.05, 10});
        QVERIFY(warnings(tables).filter("TRTDURD").join("\n").contains("S1: TRTDURD is -5"));
        const AeTable table = adverse_event_table(build_study(tables, "small"), {});
        QCOMPARE(table.exposure_source, std::string("TRTDURD"));
        QCOMPARE(table.exposure_missing, std::size_t{1});
        QCOMPARE(table.arms, (std::vector<std::string>{"A", "B"}));
        QCOMPARE(table.patient_years[0], 0.0);
        QCOMPARE(table.patient_years[1], 0.2);
        QVERIFY(!table.rows[0].exposure_adjusted[0]); // no exposure in A
        QVERIFY(table.rows[0].exposure_adjusted[1]);
        QVERIFY(golden::close(table.rows[0].exposure_adjusted[1]->rate, 500));
        QVERIFY(!table.rows[0].rate_difference[1]);
    }

    void aeOutsideSafetyPopulationIsAWarning() {
        const QStringList found = warnings(small_study("", {}));
        QVERIFY2(found.filter("safety population").size() == 1, qPrintable(found.join("\n")));
        QVERIFY(found.filter("safety population")[0].contains(
            "2 adverse-event records are of 1 subject"));
        const AeTable table = adverse_event_table(build_study(small_study("", {}), "small"), {});
        QCOMPARE(table.denominators, (std::vector<std::size_t>{1, 1}));
    }

    // Without durations the table has no exposure columns, and nothing breaks.
    void studyWithoutDurationsHasNoExposure() {
        const AeReport report = adverse_event_report(build_study(small_study("", {}), "small"), {});
        QVERIFY(report.table.patient_years.empty());
        QVERIFY(report.table.exposure_source.empty());
        for (const AeRow& row : report.table.rows) {
            QVERIFY(row.exposure_adjusted.empty() && row.rate_difference.empty());
            QVERIFY(row.relative_risk[1]);
        }
        QVERIFY(report.overview.rows[0].exposure_adjusted.empty());
    }

    // Katz with 0.5 in each cell when one is 0, and Fisher's p of the counts.
    void relativeRiskWithAZeroCell() {
        AdverseEvents events = {};
        events.subject = {0, 1};
        events.soc.levels = {"Skin"};
        events.soc.codes = {0, 0};
        events.pt.levels = {"Rash"};
        events.pt.codes = {0, 0};
        events.grade = {1, 1};
        events.related = {0, 0};
        events.serious = {0, 0};
        events.treatment_emergent = {1, 1};
        // Arm B (index 1): 2 of 4 subjects; the reference A: 0 of 4.
        const std::vector<std::int32_t> arms{1, 1, 1, 1, 0, 0, 0, 0};
        const AeTable table = tabulate_adverse_events(events, arms, {"A", "B"});
        const AeRelativeRisk rr = *table.rows[0].relative_risk[1];
        QVERIFY(golden::close(rr.estimate, (2.5 / 5) / (0.5 / 5)));
        const double half = 1.959963984540054 * std::sqrt(1 / 2.5 - 1 / 5.0 + 1 / 0.5 - 1 / 5.0);
        QVERIFY(golden::close(rr.lower, 5 * std::exp(-half)));
        QVERIFY(golden::close(rr.upper, 5 * std::exp(half)));
        QVERIFY(golden::close(rr.fisher_p, 3.0 / 7.0)); // fisher.test(matrix(c(2, 0, 2, 4), 2))
        QVERIFY(!table.rows[0].relative_risk[0]);
    }

    void subjectCountsOnceAtHighestGrade() {
        AdverseEvents events;
        events.subject = {0, 0, 1};
        events.soc.levels = {"", "Skin"};
        events.soc.codes = {1, 1, 1};
        events.pt.levels = {"", "Rash"};
        events.pt.codes = {1, 1, 1};
        events.grade = {1, 3, 2};
        events.related = {0, 0, 0};
        events.serious = {0, 0, 0};
        events.treatment_emergent = {1, 1, 1};
        const std::vector<std::int32_t> arms{0, 0, 0};
        const AeTable table = tabulate_adverse_events(events, arms, {"A"});
        QCOMPARE(table.rows.size(), std::size_t{3});
        QCOMPARE(table.rows[0].counts[0].any, std::size_t{2});        // two subjects
        QCOMPARE(table.rows[0].counts[0].grade3plus, std::size_t{1}); // once, at the highest grade
        QCOMPARE(table.denominators[0], std::size_t{3});
        // One arm: nothing to compare with.
        QVERIFY(!table.reference_arm);
        QVERIFY(!table.rows[0].risk_difference[0]);
    }
};

QTEST_APPLESS_MAIN(TestAdverseEventIncidence)
#include "test_adverse_event_incidence.moc"
