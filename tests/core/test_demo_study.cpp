// The synthetic demo study reproduces the published figures it is modelled
// on. Every figure is computed here with the core, never written in.

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/refit.h>
#include <triallens/data/build_study.h>
#include <triallens/data/sas_date_format.h>
#include <triallens/demo/demo_study.h>
#include <triallens/io/column_typing.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

Results analyse(const Study& study, const char* paramcd) {
    AnalysisSpec spec;
    spec.paramcd = paramcd;
    spec.reference_arm = demo_control_arm;
    return refit(study, spec);
}

const ArmSurvival& arm_named(const Results& results, const char* name) {
    return *std::find_if(results.arms.begin(), results.arms.end(),
                         [&](const ArmSurvival& a) { return a.arm == name; });
}

std::int32_t arm_code(const Study& study, std::int32_t subject) {
    return study.subjects.find("TRT01P")->codes()[static_cast<std::size_t>(subject)];
}

// Subjects with at least one AE passing `keep`, per arm code.
std::map<std::int32_t, std::size_t> subjects_with(const Study& study, auto keep) {
    std::map<std::int32_t, std::set<std::int32_t>> subjects;
    const AdverseEvents& ae = study.adverse_events;
    for (std::size_t i = 0; i < ae.size(); ++i) {
        if (keep(i)) {
            subjects[arm_code(study, ae.subject[i])].insert(ae.subject[i]);
        }
    }
    std::map<std::int32_t, std::size_t> counts;
    for (const auto& [arm, set] : subjects) {
        counts[arm] = set.size();
    }
    return counts;
}

// The demo's tables as `triallens demo --out` writes them, read by column
// name; the tumour-response checks below read these, not the Study, so
// they check the data, not the code that derives from it.
struct DemoTables {
    std::vector<RawTable> tables = generate_demo_tables();
    const RawTable& adsl = tables.at(0);
    const RawTable& adtte = tables.at(1);
    const RawTable& adae = tables.at(2);
    const RawTable& adrs = tables.at(3);
    const RawTable& adtr = tables.at(4);
};

const DemoTables& demo_tables() {
    static const DemoTables tables;
    return tables;
}

const RawColumn& column(const RawTable& table, const char* name) {
    const RawColumn* found = table.find(name);
    if (found == nullptr) {
        qFatal("%s has no column %s", table.source.c_str(), name);
    }
    return *found;
}

constexpr double days_per_month = 30.4375;

// A subject's records of one dataset, as row numbers, by USUBJID.
std::map<std::string, std::vector<std::size_t>> rows_by_subject(const RawTable& table,
                                                                const char* paramcd = nullptr) {
    std::map<std::string, std::vector<std::size_t>> rows;
    const RawColumn& id = column(table, "USUBJID");
    for (std::size_t r = 0; r < table.row_count(); ++r) {
        if (paramcd == nullptr || column(table, "PARAMCD").text(r) == paramcd) {
            rows[id.text(r)].push_back(r);
        }
    }
    return rows;
}

// A subject's time-to-event record in days (AVAL is months rounded to 1e-4).
struct TteRecord {
    int days = 0;
    bool event = false;
    std::string description;
};

std::map<std::string, TteRecord> tte_records(const char* paramcd) {
    const RawTable& adtte = demo_tables().adtte;
    std::map<std::string, TteRecord> records;
    for (const auto& [id, rows] : rows_by_subject(adtte, paramcd)) {
        const std::size_t r = rows.front();
        records[id] = {
            static_cast<int>(std::lround(column(adtte, "AVAL").numbers[r] * days_per_month)),
            column(adtte, "CNSR").numbers[r] == 0, column(adtte, "EVNTDESC").text(r)};
    }
    return records;
}

int recist_rank(const std::string& response) {
    static const std::vector<std::string> order{"NE", "PD", "SD", "PR", "CR"};
    return static_cast<int>(std::find(order.begin(), order.end(), response) - order.begin());
}

// The per-visit responses (ADY, AVALC) of every subject, in record order.
std::map<std::string, std::vector<std::pair<double, std::string>>> visits_by_subject() {
    const RawTable& adrs = demo_tables().adrs;
    std::map<std::string, std::vector<std::pair<double, std::string>>> visits;
    for (const auto& [id, rows] : rows_by_subject(adrs, "OVR")) {
        for (const std::size_t r : rows) {
            visits[id].emplace_back(column(adrs, "ADY").numbers[r], column(adrs, "AVALC").text(r));
        }
    }
    return visits;
}

// The ADSL row of each subject.
std::map<std::string, std::size_t> adsl_rows() {
    std::map<std::string, std::size_t> rows;
    for (const auto& [id, r] : rows_by_subject(demo_tables().adsl)) {
        rows[id] = r.front();
    }
    return rows;
}

double study_day(double date, double first_dose) {
    return date - first_dose + 1;
}

} // namespace

class TestDemoStudy : public QObject {
    Q_OBJECT

private slots:
    void randomisesSeventyFiveToSeventyTwo() {
        const Variable* arm = demo().subjects.find("TRT01P");
        QCOMPARE(demo().subjects.size(), std::size_t{147});
        const auto experimental = *arm->level_code(demo_experimental_arm);
        QCOMPARE(std::count(arm->codes().begin(), arm->codes().end(), experimental), 75L);
        const Variable* saffl = demo().subjects.find("SAFFL");
        std::size_t treated_control = 0;
        for (std::size_t i = 0; i < demo().subjects.size(); ++i) {
            treated_control += arm->codes()[i] != experimental &&
                               saffl->levels()[static_cast<std::size_t>(saffl->codes()[i])] == "Y";
        }
        QCOMPARE(treated_control, std::size_t{71});
        for (const char* column : {"PRTAXFL", "LIVBRNFL", "AGEGR1", "ECOGBL", "PDL1STAT", "DISSTAT",
                                   "NMETSGR1", "SITEID"}) {
            QVERIFY2(demo().subjects.find(column) != nullptr, column);
        }
        QCOMPARE(demo().subjects.find("SITEID")->levels().size(), std::size_t{12});
        QVERIFY(demo().synthetic);
        QVERIFY(demo().name.find("synthetic") != std::string::npos);
    }

    void mediansMatchPublishedFigures_data() {
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("arm");
        QTest::addColumn<double>("median");
        QTest::newRow("PFS combination") << "PFS" << demo_experimental_arm << 7.85;
        QTest::newRow("PFS control") << "PFS" << demo_control_arm << 5.55;
        QTest::newRow("OS combination") << "OS" << demo_experimental_arm << 35.81;
        QTest::newRow("OS control") << "OS" << demo_control_arm << 21.03;
    }

    void mediansMatchPublishedFigures() {
        QFETCH(QString, param);
        QFETCH(QString, arm);
        QFETCH(double, median);
        const Results results = analyse(demo(), qPrintable(param));
        const auto& estimate = arm_named(results, qPrintable(arm)).median.estimate;
        QVERIFY(estimate.has_value());
        QVERIFY2(std::fabs(*estimate - median) <= 0.05,
                 qPrintable(QStringLiteral("median %1, published %2").arg(*estimate).arg(median)));
    }

    void hazardRatiosAndEventsMatchPublishedFigures_data() {
        QTest::addColumn<QString>("param");
        QTest::addColumn<double>("hr");
        QTest::addColumn<double>("lower");
        QTest::addColumn<double>("upper");
        QTest::addColumn<int>("events");
        QTest::newRow("PFS") << "PFS" << 0.70 << 0.46 << 1.06 << 88;
        QTest::newRow("OS") << "OS" << 0.78 << 0.49 << 1.24 << 71;
    }

    void hazardRatiosAndEventsMatchPublishedFigures() {
        QFETCH(QString, param);
        QFETCH(double, hr);
        QFETCH(double, lower);
        QFETCH(double, upper);
        QFETCH(int, events);
        const Results results = analyse(demo(), qPrintable(param));
        QVERIFY(results.cox.has_value());
        const HazardRatio& fitted = results.cox->terms.front();
        QCOMPARE(fitted.arm, std::string(demo_experimental_arm));
        const QString got = QStringLiteral("HR %1 (%2-%3), %4 events")
                                .arg(*fitted.hr)
                                .arg(*fitted.lower)
                                .arg(*fitted.upper)
                                .arg(results.events);
        QVERIFY2(std::fabs(*fitted.hr - hr) <= 0.02, qPrintable(got));
        QVERIFY2(std::fabs(*fitted.lower - lower) <= 0.03 &&
                     std::fabs(*fitted.upper - upper) <= 0.05,
                 qPrintable(got));
        QVERIFY2(std::abs(static_cast<int>(results.events) - events) <= 4, qPrintable(got));
    }

    void medianFollowUpIsAboutEighteenMonths() {
        // Reverse Kaplan–Meier on OS: censoring is the event.
        const TimeToEvent& os = *demo().endpoint("OS");
        std::vector<std::uint8_t> reversed;
        for (const auto e : os.event()) {
            reversed.push_back(e == 0 ? 1 : 0);
        }
        const auto follow_up =
            survival_quantile(fit_kaplan_meier(tabulate_events(os.time(), reversed)), 0.5).estimate;
        QVERIFY(follow_up.has_value());
        QVERIFY2(std::fabs(*follow_up - 18) <= 1.0, qPrintable(QString::number(*follow_up)));
    }

    void progressionNeverFollowsDeath() {
        const TimeToEvent& pfs = *demo().endpoint("PFS");
        const TimeToEvent& os = *demo().endpoint("OS");
        QVERIFY(std::ranges::equal(pfs.subject(), os.subject()));
        for (std::size_t i = 0; i < pfs.size(); ++i) {
            QVERIFY(pfs.time()[i] <= os.time()[i]);
            QVERIFY(pfs.time()[i] > 0);
        }
    }

    void severeAdverseEventCountsMatchPublishedFigures() {
        const Study& study = demo();
        const AdverseEvents& ae = study.adverse_events;
        const auto experimental = *study.subjects.find("TRT01P")->level_code(demo_experimental_arm);
        const auto control = *study.subjects.find("TRT01P")->level_code(demo_control_arm);
        const auto severe_related = subjects_with(study, [&](std::size_t i) {
            return ae.treatment_emergent[i] && ae.related[i] && ae.grade[i] >= 3;
        });
        QCOMPARE(severe_related.at(experimental), std::size_t{42}); // 56.0% of 75
        QCOMPARE(severe_related.at(control), std::size_t{26});      // 36.6% of 71
        const auto severe_term = [&](const char* pt) {
            return subjects_with(study, [&, pt](std::size_t i) {
                return ae.treatment_emergent[i] && ae.grade[i] >= 3 && ae.pt[i] == pt;
            });
        };
        QCOMPARE(severe_term("Hypertension").at(experimental), std::size_t{21});          // 28.0%
        QCOMPARE(severe_term("Hypertriglyceridaemia").at(experimental), std::size_t{10}); // 13.3%
        for (std::size_t i = 0; i < ae.size(); ++i) {
            if (ae.pt[i] == "Hypertension") {
                QCOMPARE(ae.soc[i], std::string("Vascular disorders"));
            }
            if (ae.pt[i] == "Hypertriglyceridaemia") {
                QCOMPARE(ae.soc[i], std::string("Metabolism and nutrition disorders"));
            }
        }
        const std::set<std::string> terms(ae.pt.levels.begin() + 1, ae.pt.levels.end());
        QVERIFY(terms.size() >= 20);
        // The untreated control patient has no adverse events.
        const Variable* saffl = study.subjects.find("SAFFL");
        for (const auto subject : ae.subject) {
            QCOMPARE(saffl->levels()[static_cast<std::size_t>(
                         saffl->codes()[static_cast<std::size_t>(subject)])],
                     std::string("Y"));
        }
    }

    void durationOfResponseIsNeverTheDefaultEndpoint() {
        QVERIFY(demo().endpoint("DURRSP") != nullptr);
        // DURRSP (of responders only) sorts first but is never the default:
        // the default stays what it was before, the first other endpoint.
        QCOMPARE(demo().endpoints.front().paramcd(), std::string("DURRSP"));
        QCOMPARE(default_spec(demo()).paramcd, demo().endpoints.at(1).paramcd());
    }

    void treatmentDatesAgreeWithRandomisationAndSurvival() {
        const RawTable& adsl = demo_tables().adsl;
        const auto os = tte_records("OS");
        const RawColumn& trtsdt = column(adsl, "TRTSDT");
        const RawColumn& trtedt = column(adsl, "TRTEDT");
        const RawColumn& trtdurd = column(adsl, "TRTDURD");
        const RawColumn& dthdt = column(adsl, "DTHDT");
        const RawColumn& dcutdt = column(adsl, "DCUTDT");
        for (const RawColumn* date : {&trtsdt, &trtedt, &dthdt, &dcutdt}) {
            QCOMPARE(date->type, ColumnType::Number);
            QCOMPARE(sas_date_kind(date->format), SasDateKind::Date);
        }
        // The data cut is 44 months (of 30.4375 days) after the study's
        // first randomisation, 2021-03-01.
        QCOMPARE(dcutdt.numbers.front() - *parse_iso_date("2021-03-01") + 1,
                 std::round(44 * days_per_month));
        std::set<std::string> reasons;
        std::size_t ongoing = 0;
        for (std::size_t r = 0; r < adsl.row_count(); ++r) {
            const std::string id = column(adsl, "USUBJID").text(r);
            const bool treated = column(adsl, "SAFFL").text(r) == "Y";
            const double first_dose = trtsdt.numbers[r];
            QCOMPARE(dcutdt.numbers[r], dcutdt.numbers.front());
            QCOMPARE(!std::isnan(first_dose), treated);
            const double randomised = *parse_iso_date(column(adsl, "RANDDT").text(r));
            const bool died = column(adsl, "DTHFL").text(r) == "Y";
            QCOMPARE(died, os.at(id).event);
            QCOMPARE(!std::isnan(dthdt.numbers[r]), died);
            if (died) { // study day 1 is randomisation, as the OS times count
                QCOMPARE(study_day(dthdt.numbers[r], randomised), double(os.at(id).days));
            }
            const std::string status = column(adsl, "EOTSTT").text(r);
            const std::string reason = column(adsl, "DCTREAS").text(r);
            if (!treated) {
                QVERIFY(std::isnan(trtedt.numbers[r]) && std::isnan(trtdurd.numbers[r]));
                QVERIFY(status.empty() && reason.empty());
                continue;
            }
            QCOMPARE(first_dose, randomised);
            if (status == "ONGOING") {
                ++ongoing;
                QVERIFY(std::isnan(trtedt.numbers[r]) && std::isnan(trtdurd.numbers[r]));
                QVERIFY(reason.empty());
                QVERIFY(!died);
                continue;
            }
            QCOMPARE(status, std::string("DISCONTINUED"));
            reasons.insert(reason);
            const double last_dose = trtedt.numbers[r];
            QVERIFY2(last_dose >= first_dose && last_dose <= dcutdt.numbers[r], id.c_str());
            QVERIFY2(!died || last_dose <= dthdt.numbers[r], id.c_str());
            QCOMPARE(trtdurd.numbers[r], last_dose - first_dose + 1);
        }
        QVERIFY(ongoing > 0);
        for (const char* reason : {"PROGRESSIVE DISEASE", "ADVERSE EVENT", "DEATH"}) {
            QVERIFY2(reasons.contains(reason), reason);
        }
    }

    void perVisitResponsesAgreeWithBestResponseAndPfs() {
        const RawTable& adrs = demo_tables().adrs;
        const RawTable& adsl = demo_tables().adsl;
        // The BOR records come first, one per subject, without a day.
        for (std::size_t r = 0; r < adsl.row_count(); ++r) {
            QCOMPARE(column(adrs, "PARAMCD").text(r), std::string("BOR"));
            QCOMPARE(column(adrs, "USUBJID").text(r), column(adsl, "USUBJID").text(r));
            QVERIFY(std::isnan(column(adrs, "ADY").numbers[r]));
        }
        const auto visits = visits_by_subject();
        const auto pfs = tte_records("PFS");
        const auto os = tte_records("OS");
        const auto best = rows_by_subject(adrs, "BOR");
        const auto rows = adsl_rows();
        std::size_t disagreeing = 0;
        std::size_t treated = 0;
        for (const auto& [id, r] : rows) {
            if (column(adsl, "SAFFL").text(r) != "Y") {
                QVERIFY(!visits.contains(id));
                continue;
            }
            ++treated;
            const std::string bor = column(adrs, "AVALC").text(best.at(id).front());
            QVERIFY2(visits.contains(id), id.c_str());
            const auto& v = visits.at(id);
            const auto best_visit = std::max_element(v.begin(), v.end(), [](auto& a, auto& b) {
                return recist_rank(a.second) < recist_rank(b.second);
            });
            const bool progression =
                pfs.at(id).event && pfs.at(id).description == "DISEASE PROGRESSION";
            // Progression on day 1 leaves no day for a scan before it.
            if (!(progression && pfs.at(id).days == 1)) {
                QCOMPARE(best_visit->second, bor);
            }
            const double cut =
                study_day(column(adsl, "DCUTDT").numbers[r], column(adsl, "TRTSDT").numbers[r]);
            for (std::size_t i = 0; i < v.size(); ++i) {
                QVERIFY2(v[i].first >= 1 && v[i].first <= pfs.at(id).days && v[i].first <= cut,
                         id.c_str());
                QVERIFY2(!os.at(id).event || v[i].first <= os.at(id).days, id.c_str());
                QVERIFY2(i == 0 || v[i].first >= v[i - 1].first, id.c_str());
            }
            const auto first_pd =
                std::find_if(v.begin(), v.end(), [](auto& visit) { return visit.second == "PD"; });
            if (progression && bor != "NE") {
                QVERIFY2(first_pd != v.end() && first_pd->first == pfs.at(id).days, id.c_str());
            }
            if (bor == "PD" && !progression) {
                QCOMPARE(v.front().second, std::string("PD"));
            }
            disagreeing += (bor == "PD" && !progression) || (bor == "NE" && progression) ||
                           best_visit->second != bor;
        }
        qInfo("%zu of %zu treated subjects have a BOR that disagrees with their PFS", disagreeing,
              treated);
        // BORs were drawn at fixed shares apart from PFS; most still agree.
        QVERIFY(disagreeing * 5 < treated);
    }

    void diametersFollowRecist() {
        const RawTable& adtr = demo_tables().adtr;
        const RawTable& adsl = demo_tables().adsl;
        const auto visits = visits_by_subject();
        const auto measurements = rows_by_subject(adtr);
        const auto& aval = column(adtr, "AVAL").numbers;
        const auto& base = column(adtr, "BASE").numbers;
        const auto& pchg = column(adtr, "PCHG").numbers;
        const auto& ady = column(adtr, "ADY").numbers;
        std::size_t without_follow_up = 0;
        for (const auto& [id, r] : adsl_rows()) {
            if (column(adsl, "SAFFL").text(r) != "Y") {
                QVERIFY(!measurements.contains(id));
                continue;
            }
            QVERIFY2(measurements.contains(id), id.c_str());
            const auto& rows = measurements.at(id);
            const std::size_t baseline = rows.front();
            QCOMPARE(column(adtr, "ABLFL").text(baseline), std::string("Y"));
            QVERIFY(ady[baseline] < 1 && aval[baseline] == base[baseline] && base[baseline] > 0);
            std::vector<std::pair<double, std::string>> evaluable;
            for (const auto& visit : visits.at(id)) {
                if (visit.second != "NE") {
                    evaluable.push_back(visit);
                }
            }
            QCOMPARE(rows.size(), evaluable.size() + 1);
            double nadir = base[baseline];
            for (std::size_t k = 1; k < rows.size(); ++k) {
                const std::size_t m = rows[k];
                QCOMPARE(column(adtr, "PARAMCD").text(m), std::string("SDIAM"));
                QCOMPARE(column(adtr, "ANL01FL").text(m), std::string("Y"));
                QVERIFY(column(adtr, "ABLFL").text(m).empty());
                QCOMPARE(base[m], base[baseline]);
                QCOMPARE(ady[m], evaluable[k - 1].first);
                QVERIFY(std::fabs(pchg[m] - 100 * (aval[m] - base[m]) / base[m]) <= 0.05 + 1e-9);
                const std::string& response = evaluable[k - 1].second;
                const QByteArray what = QByteArray::fromStdString(id + " " + response + " at day " +
                                                                  std::to_string(ady[m]));
                if (response == "CR") {
                    QVERIFY2(aval[m] == 0, what);
                } else if (response == "PR") {
                    QVERIFY2(pchg[m] <= -30, what);
                } else if (response == "SD") {
                    QVERIFY2(pchg[m] > -30 && aval[m] < 1.2 * nadir, what);
                } else {
                    QVERIFY2(response == "PD" && aval[m] >= 1.2 * nadir, what);
                }
                nadir = std::min(nadir, aval[m]);
            }
            without_follow_up += rows.size() == 1;
        }
        QVERIFY(without_follow_up > 0); // the waterfall must list them
    }

    // DURRSP by the rule results.h states, computed here from ADRS and ADSL.
    void durationOfResponseFollowsTheRule() {
        const RawTable& adsl = demo_tables().adsl;
        const RawTable& adrs = demo_tables().adrs;
        const RawTable& adtte = demo_tables().adtte;
        const auto visits = visits_by_subject();
        const auto best = rows_by_subject(adrs, "BOR");
        const auto durrsp = rows_by_subject(adtte, "DURRSP");
        std::size_t events = 0;
        std::size_t censored = 0;
        for (const auto& [id, r] : adsl_rows()) {
            const std::string bor = column(adrs, "AVALC").text(best.at(id).front());
            const bool treated = column(adsl, "SAFFL").text(r) == "Y";
            if (!treated || (bor != "CR" && bor != "PR")) {
                QVERIFY2(!durrsp.contains(id), id.c_str());
                continue;
            }
            const auto& v = visits.at(id);
            const auto first = std::find_if(v.begin(), v.end(), [](auto& visit) {
                return visit.second == "CR" || visit.second == "PR";
            });
            if (first == v.end()) { // progression on day 1, before any response
                QVERIFY2(!durrsp.contains(id), id.c_str());
                continue;
            }
            std::optional<double> end;
            for (auto it = first; it != v.end(); ++it) {
                if (it->second == "PD" && it->first > first->first) {
                    end = it->first;
                    break;
                }
            }
            if (column(adsl, "DTHFL").text(r) == "Y") {
                const double death =
                    study_day(column(adsl, "DTHDT").numbers[r], column(adsl, "TRTSDT").numbers[r]);
                end = end ? std::min(*end, death) : death;
            }
            const bool event = end.has_value();
            if (!end) {
                for (auto it = first; it != v.end(); ++it) {
                    if (it->second == "CR" || it->second == "PR" || it->second == "SD") {
                        end = it->first;
                    }
                }
            }
            QVERIFY2(durrsp.contains(id), id.c_str());
            const std::size_t record = durrsp.at(id).front();
            const double expected = (*end - first->first + 1) / days_per_month;
            QVERIFY2(std::fabs(column(adtte, "AVAL").numbers[record] - expected) <=
                         1e-12 * expected,
                     id.c_str());
            QCOMPARE(column(adtte, "CNSR").numbers[record], event ? 0.0 : 1.0);
            QCOMPARE(column(adtte, "AVALU").text(record), std::string("MONTHS"));
            (event ? events : censored) += 1;
        }
        QVERIFY(events > 0 && censored > 0);
    }

    void adverseEventsEndOnOrAfterTheyStart() {
        const RawTable& adae = demo_tables().adae;
        const auto& start = column(adae, "ASTDY").numbers;
        const auto& end = column(adae, "AENDY").numbers;
        std::size_t unresolved = 0;
        for (std::size_t r = 0; r < adae.row_count(); ++r) {
            unresolved += std::isnan(end[r]);
            QVERIFY(std::isnan(end[r]) || end[r] >= start[r]);
        }
        QVERIFY(unresolved > 0 && unresolved < adae.row_count());
    }

    void sameSeedGivesSameStudy() {
        const auto first = generate_demo_tables();
        const auto second = generate_demo_tables();
        QCOMPARE(first.size(), std::size_t{5});
        for (std::size_t t = 0; t < first.size(); ++t) {
            QCOMPARE(first[t].row_count(), second[t].row_count());
            for (std::size_t c = 0; c < first[t].columns.size(); ++c) {
                QVERIFY(first[t].columns[c].codes == second[t].columns[c].codes);
                QVERIFY(first[t].columns[c].levels == second[t].columns[c].levels);
                // NaN (a missing value) equals NaN here.
                QVERIFY(std::ranges::equal(
                    first[t].columns[c].numbers, second[t].columns[c].numbers,
                    [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); }));
            }
        }
    }

    void survivalDatasetsHoldTheWholeStudysSubjectsPfsAndOs() {
        DemoOptions options;
        options.subjects = 2000;
        const Study whole = generate_demo_study(options);
        options.datasets = DemoDatasets::Survival;
        const std::vector<RawTable> tables = generate_demo_tables(options);
        QCOMPARE(tables.size(), std::size_t{2});
        QCOMPARE(recognise_role(tables[0]), DatasetRole::SubjectLevel);
        QCOMPARE(recognise_role(tables[1]), DatasetRole::TimeToEvent);
        const Study survival = generate_demo_study(options);
        QVERIFY(survival.subjects.usubjid() == whole.subjects.usubjid());
        QVERIFY(survival.adverse_events.size() == 0);
        QVERIFY(survival.responses.size() == 0);
        for (const char* paramcd : {"PFS", "OS"}) {
            const TimeToEvent* a = survival.endpoint(paramcd);
            const TimeToEvent* b = whole.endpoint(paramcd);
            QVERIFY(a && b);
            QVERIFY(std::ranges::equal(a->subject(), b->subject()));
            QVERIFY(std::ranges::equal(a->time(), b->time()));
            QVERIFY(std::ranges::equal(a->event(), b->event()));
        }
        QVERIFY(survival.endpoint("DURRSP") == nullptr);
        for (const char* name : {"TRT01P", "AGE", "PRTAXFL", "LIVBRNFL", "EOSSTT"}) {
            const Variable* a = survival.subjects.find(name);
            const Variable* b = whole.subjects.find(name);
            QVERIFY2(a && b, name);
            QVERIFY2(a->codes() == b->codes() && a->levels() == b->levels(), name);
        }
    }

    void largerStudiesKeepShapeAndProportions() {
        DemoOptions options;
        options.subjects = 20000;
        const Study study = generate_demo_study(options);
        QCOMPARE(study.subjects.size(), std::size_t{20000});
        const Results pfs = analyse(study, "PFS");
        const Results os = analyse(study, "OS");
        QCOMPARE(arm_named(pfs, demo_experimental_arm).km.n, std::size_t{10204}); // 75/147
        QVERIFY(std::fabs(*arm_named(pfs, demo_experimental_arm).median.estimate - 7.85) <= 0.05);
        QVERIFY(std::fabs(*arm_named(os, demo_control_arm).median.estimate - 21.03) <= 0.05);
        QVERIFY(std::fabs(*pfs.cox->terms.front().hr - 0.70) <= 0.03);
        QVERIFY(std::fabs(*os.cox->terms.front().hr - 0.78) <= 0.03);
        const double pfs_event_share = static_cast<double>(pfs.events) / 20000;
        QVERIFY2(pfs_event_share > 0.55 && pfs_event_share < 0.66,
                 qPrintable(QString::number(pfs_event_share)));
    }
};

QTEST_APPLESS_MAIN(TestDemoStudy)
#include "test_demo_study.moc"
