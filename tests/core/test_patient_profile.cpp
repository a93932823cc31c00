// One subject's profile (patient_profile.h) and the subjects behind a mark of
// the Kaplan–Meier figure (curve_subjects.h): a hand-built study whose every
// value is known, the demo and the CDISC pilot (AEs graded by AESEV, no
// responses, SAS dates in ADSL).

#include "../cdisc_pilot.h"
#include "../patient_profile_study.h"

#include <triallens/analysis/curve_subjects.h>
#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/patient_profile.h>
#include <triallens/analysis/workspace.h>
#include <triallens/data/build_study.h>
#include <triallens/demo/demo_study.h>

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace triallens;
using profile_test::hand_built;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

const ProfileField* field(const PatientProfile& profile, const std::string& name) {
    const auto it = std::find_if(profile.fields.begin(), profile.fields.end(),
                                 [&](const ProfileField& f) { return f.name == name; });
    return it == profile.fields.end() ? nullptr : &*it;
}

// The spec of the demo's or pilot's first window, with `edit` applied.
WorkspaceSpec spec_of(const Study& study, const QString& edit) {
    WorkspaceSpec spec;
    spec.analysis = default_spec(study);
    spec.analysis.subgroups.clear();
    spec.analysis.fh_tests.clear();
    spec.analysis.maxcombo.reset();
    if (edit == "months") {
        spec.analysis.time_unit = "months";
    } else if (edit == "from") {
        spec.analysis.from = 30;
    } else if (edit == "filter") {
        spec.analysis.filter = "AGE >= 60";
    } else if (edit == "focus") {
        spec.focus = SubgroupFocus{"SEX", "F"};
    } else if (edit == "curves by") {
        spec.analysis.curves_by = "SEX";
    }
    return spec;
}

} // namespace

class TestPatientProfile : public QObject {
    Q_OBJECT

private slots:
    void adslRowReadsAsTextWithIsoDates() {
        const PatientProfile profile = patient_profile(hand_built(), 0);
        QCOMPARE(profile.usubjid, std::string("S1"));
        QCOMPARE(profile.fields.size(), std::size_t{6}); // every ADSL column but USUBJID
        QCOMPARE(field(profile, "TRT01P")->value, std::string("Drug"));
        QCOMPARE(field(profile, "AGE")->value, std::string("61.5"));
        QCOMPARE(field(profile, "AGE")->label, std::string("Age"));
        QCOMPARE(field(profile, "TRTSDT")->value, std::string("2014-01-02"));
        QCOMPARE(field(profile, "DTHDT")->value, std::string("2014-05-31"));
        const PatientProfile other = patient_profile(hand_built(), 1);
        QCOMPARE(field(other, "TRTEDT")->value, std::string());
        QCOMPARE(field(other, "DTHFL")->value, std::string());
    }

    void treatmentAndDeathAreStudyDays() {
        const PatientProfile treated = patient_profile(hand_built(), 0);
        QCOMPARE(treated.treatment_end_day, std::optional<double>(100));
        QVERIFY(!treated.ongoing);
        QVERIFY(treated.died);
        QCOMPARE(treated.death_day, std::optional<double>(150));
        const PatientProfile ongoing = patient_profile(hand_built(), 1);
        QVERIFY(ongoing.ongoing);
        QVERIFY(!ongoing.died);
        QVERIFY(!ongoing.death_day);
    }

    void recordsAreTheSubjectsInDayOrder() {
        const PatientProfile profile = patient_profile(hand_built(), 0);
        QCOMPARE(profile.responses.size(), std::size_t{3});
        QCOMPARE(profile.responses[0].day, 42.0);
        QCOMPARE(profile.responses[0].value, std::string("SD"));
        QCOMPARE(profile.responses[1].day, 84.0);
        QCOMPARE(profile.responses[2].paramcd, std::string("BOR")); // no day: last
        QVERIFY(std::isnan(profile.responses[2].day));

        QCOMPARE(profile.tumour_param, std::string("SDIAM"));
        QCOMPARE(profile.measurements.size(), std::size_t{3});
        QCOMPARE(profile.measurements[0].day, -3.0);
        QVERIFY(profile.measurements[0].baseline);
        QCOMPARE(profile.measurements[2].pchg, std::optional<double>(-40));

        QCOMPARE(profile.adverse_events.size(), std::size_t{2});
        QCOMPARE(profile.adverse_events[0].term, std::string("Rash")); // day 20 before unknown
        QCOMPARE(profile.adverse_events[0].start_day, std::optional<double>(20));
        QCOMPARE(profile.adverse_events[0].end_day, std::optional<double>(30));
        QVERIFY(profile.adverse_events[0].serious);
        QCOMPARE(profile.adverse_events[1].grade, 3);
        QVERIFY(profile.adverse_events[1].related);
        QVERIFY(!profile.adverse_events[1].start_day);

        const PatientProfile other = patient_profile(hand_built(), 1);
        QCOMPARE(other.responses.size(), std::size_t{1});
        QCOMPARE(other.measurements.size(), std::size_t{1});
        QVERIFY(!other.measurements[0].pchg);
        QCOMPARE(other.adverse_events.size(), std::size_t{1});
    }

    void unknownSubjectIsOutOfRange() {
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, patient_profile(hand_built(), 3));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, patient_profile(hand_built(), -1));
    }

    void everyDemoAndPilotSubjectHasItsRowAndEvents_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("demo") << 0;
        QTest::newRow("pilot") << 1;
    }

    void everyDemoAndPilotSubjectHasItsRowAndEvents() {
        QFETCH(int, which);
        const Study& study = which == 0 ? demo() : cdisc_pilot::study();
        std::vector<std::size_t> events(study.subjects.size(), 0);
        for (const std::int32_t s : study.adverse_events.subject) {
            ++events[static_cast<std::size_t>(s)];
        }
        for (std::int32_t s = 0; s < static_cast<std::int32_t>(study.subjects.size()); s += 7) {
            const PatientProfile profile = patient_profile(study, s);
            QCOMPARE(profile.usubjid, study.subjects.usubjid()[static_cast<std::size_t>(s)]);
            QCOMPARE(profile.fields.size(), study.subjects.variables().size());
            QCOMPARE(profile.adverse_events.size(), events[static_cast<std::size_t>(s)]);
            for (const ProfileAdverseEvent& event : profile.adverse_events) {
                QVERIFY(event.grade >= 0 && event.grade <= 5);
                QVERIFY(!event.term.empty());
            }
        }
    }

    void pilotDatesReadAsIsoDatesAndAesevGrades() {
        const Study& study = cdisc_pilot::study();
        const PatientProfile profile = patient_profile(study, 0);
        const ProfileField* start = field(profile, "TRTSDT");
        QVERIFY(start != nullptr);
        QVERIFY2(QRegularExpression("^\\d{4}-\\d{2}-\\d{2}$")
                     .match(QString::fromStdString(start->value))
                     .hasMatch(),
                 start->value.c_str());
        QVERIFY(profile.responses.empty());
        QVERIFY(profile.measurements.empty());
        QCOMPARE(study.adverse_events.grade_variable, std::string("AESEV"));
        bool graded = false;
        for (std::int32_t s = 0; s < 40 && !graded; ++s) {
            for (const ProfileAdverseEvent& event : patient_profile(study, s).adverse_events) {
                graded = graded || (event.grade >= 1 && event.grade <= 3);
            }
        }
        QVERIFY(graded);
    }

    // At every time of every curve, the subjects found for its events and
    // censorings are exactly the curve's n_event and n_censor there, under
    // each choice that changes which records a curve holds or their times.
    void subjectsAtMatchTheCurveCounts_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("edit");
        for (const char* edit : {"none", "months", "from", "filter", "focus", "curves by"}) {
            QTest::newRow(QByteArray("demo ") + edit) << 0 << QString(edit);
            QTest::newRow(QByteArray("pilot ") + edit) << 1 << QString(edit);
        }
    }

    void subjectsAtMatchTheCurveCounts() {
        QFETCH(int, which);
        QFETCH(QString, edit);
        const Study& study = which == 0 ? demo() : cdisc_pilot::study();
        const WorkspaceSpec spec = spec_of(study, edit);
        const Results results = compute_workspace(study, spec);
        const std::vector<ArmSurvival>& curves =
            results.curve_groups.empty() ? results.arms : results.curve_groups;
        QVERIFY(!curves.empty());
        std::size_t records = 0;
        for (const ArmSurvival& c : curves) {
            const std::vector<CurveRecord> all = curve_records(study, spec, c.arm, c.level);
            QCOMPARE(all.size(), c.km.n);
            QVERIFY(std::is_sorted(
                all.begin(), all.end(),
                [](const CurveRecord& a, const CurveRecord& b) { return a.time < b.time; }));
            records += all.size();
            const SurvivalCurve& curve = c.km.curve;
            for (std::size_t i = 0; i < curve.size(); ++i) {
                QCOMPARE(subjects_at(study, spec, c.arm, c.level, curve.time[i], true).size(),
                         curve.n_event[i]);
                QCOMPARE(subjects_at(study, spec, c.arm, c.level, curve.time[i], false).size(),
                         curve.n_censor[i]);
            }
        }
        QVERIFY(records > 0);
    }

    void subjectsAtFindsTheOneSubjectOfAMark() {
        const Study& study = demo();
        const WorkspaceSpec spec = spec_of(study, "none");
        const Results results = compute_workspace(study, spec);
        const ArmSurvival& arm = results.arms.front();
        const auto at = std::find(arm.km.curve.n_censor.begin(), arm.km.curve.n_censor.end(), 1u);
        QVERIFY(at != arm.km.curve.n_censor.end());
        const double time =
            arm.km.curve.time[static_cast<std::size_t>(at - arm.km.curve.n_censor.begin())];
        const std::vector<std::int32_t> found = subjects_at(study, spec, arm.arm, "", time, false);
        QCOMPARE(found.size(), std::size_t{1});
        // Its record is at that time, censored, in that arm.
        const TimeToEvent& endpoint = *study.endpoint(results.paramcd);
        const Variable& arms = *study.subjects.find(spec.analysis.arm_variable);
        const auto s = static_cast<std::size_t>(found.front());
        QCOMPARE(arms.levels()[static_cast<std::size_t>(arms.codes()[s])], arm.arm);
        bool seen = false;
        for (std::size_t i = 0; i < endpoint.size(); ++i) {
            if (endpoint.subject()[i] == found.front()) {
                seen = endpoint.event()[i] == 0;
            }
        }
        QVERIFY(seen);
        QVERIFY(subjects_at(study, spec, "no such arm", "", time, false).empty());
    }
};

QTEST_GUILESS_MAIN(TestPatientProfile)
#include "test_patient_profile.moc"
