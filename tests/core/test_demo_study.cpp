// The synthetic demo study reproduces the published figures it is modelled
// on. Every figure is computed here with the core, never written in.

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>

#include <QTest>

#include <algorithm>
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

    void sameSeedGivesSameStudy() {
        const auto first = generate_demo_tables();
        const auto second = generate_demo_tables();
        QCOMPARE(first.size(), std::size_t{4});
        for (std::size_t t = 0; t < first.size(); ++t) {
            QCOMPARE(first[t].row_count(), second[t].row_count());
            for (std::size_t c = 0; c < first[t].columns.size(); ++c) {
                QVERIFY(first[t].columns[c].codes == second[t].columns[c].codes);
                QVERIFY(first[t].columns[c].levels == second[t].columns[c].levels);
                QVERIFY(first[t].columns[c].numbers == second[t].columns[c].numbers);
            }
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
