// Published arms beside a trial's own (reconstructed_overlay.h), on the CDISC
// pilot: its Placebo arm, as a publication would show it (months), added
// back as a published arm must compare with the real Placebo arm as two
// copies of one arm do (HR 1, the same KM), with every treatment column,
// RECONFL and SOURCE filled, the endpoint's times converted, and nothing of
// the trial's own data changed. Then a trial whose treatment is coded 1/2,
// and the refusals.

#include "../data_files.h"
#include "../pilot_published_arm.h"

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/format/data_caveat.h>
#include <triallens/reconstruct/reconstructed_overlay.h>

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace triallens;

namespace {

OverlayOptions pilot_options() {
    OverlayOptions options;
    options.endpoint = "TTDE";
    options.time_unit = TimeUnit::Months;
    options.source = "Doe et al. 2024, Figure 2";
    return options;
}

const ArmSurvival& arm_named(const Results& results, const std::string& name) {
    const auto at = std::find_if(results.arms.begin(), results.arms.end(),
                                 [&](const ArmSurvival& arm) { return arm.arm == name; });
    if (at == results.arms.end()) {
        qFatal("no arm %s", name.c_str());
    }
    return *at;
}

} // namespace

class TestReconstructedOverlay : public QObject {
    Q_OBJECT

private slots:
    void thePublishedArmJoinsEveryTreatmentColumnAndTheEndpoint() {
        const Study& trial = cdisc_pilot::study();
        const NamedArm published = cdisc_pilot::placebo_as_published();
        const Study overlay = overlay_reconstructed_arms(trial, {published}, pilot_options());

        const std::size_t own = trial.subjects.size();
        const std::size_t added = published.arm.time.size();
        QCOMPARE(added, std::size_t{86});
        QCOMPARE(overlay.subjects.size(), own + added);
        const ReconstructedSubjects reconstructed = reconstructed_subjects(overlay.subjects);
        QCOMPARE(reconstructed.count, added);
        QCOMPARE(reconstructed.of, own + added);
        QCOMPARE(reconstructed.sources, std::vector<std::string>{"Doe et al. 2024, Figure 2"});
        QVERIFY(reconstructed.any() && !reconstructed.all());
        QVERIFY(data_caveat(false, reconstructed).starts_with("Partly RECONSTRUCTED"));

        // "Placebo" is the trial's own arm: the published one is told apart.
        for (const char* name : {"TRT01P", "TRTP", "TRTA"}) {
            const Variable* column = overlay.subjects.find(name);
            QVERIFY2(column != nullptr, name);
            QCOMPARE(column->levels().back(), std::string("Placebo (published)"));
            QCOMPARE(column->levels().size(), trial.subjects.find(name)->levels().size() + 1);
            QCOMPARE(column->codes()[own], static_cast<std::int32_t>(column->levels().size() - 1));
        }
        // The trial's own columns are unchanged for its subjects, missing for the added.
        const Variable& age = *overlay.subjects.find("AGE");
        QCOMPARE(age.numbers()[0], trial.subjects.find("AGE")->numbers()[0]);
        QVERIFY(std::isnan(age.numbers()[own]));
        const Variable& sex = *overlay.subjects.find("SEX");
        QCOMPARE(sex.codes()[own], -1);
        const Variable& flag = *overlay.subjects.find("RECONFL");
        QCOMPARE(flag.codes()[0], -1);
        QCOMPARE(flag.levels()[static_cast<std::size_t>(flag.codes()[own])], std::string("Y"));
        const Variable& source = *overlay.subjects.find("SOURCE");
        QCOMPARE(source.levels(),
                 (std::vector<std::string>{trial.name, "Doe et al. 2024, Figure 2"}));

        // The endpoint has the added records in its own unit (days); the
        // other datasets are the trial's.
        const TimeToEvent& tte = *overlay.endpoint("TTDE");
        QCOMPARE(tte.size(), trial.endpoint("TTDE")->size() + added);
        const double last_added = tte.time()[tte.size() - 1];
        QVERIFY(std::abs(last_added - published.arm.time.back() * cdisc_pilot::days_per_month) <
                1e-9);
        QCOMPARE(overlay.adverse_events.size(), trial.adverse_events.size());
        QCOMPARE(overlay.control_arm, trial.control_arm);
        if (!trial.endpoint("TTDE")->causes().code.empty()) {
            QCOMPARE(tte.causes().names.back(), std::string(unpublished_cause));
            QCOMPARE(tte.causes().code.size(), tte.size());
        }
    }

    void aCopyOfAnArmComparesAsTheSameArm() {
        const Study overlay = overlay_reconstructed_arms(
            cdisc_pilot::study(), {cdisc_pilot::placebo_as_published()}, pilot_options());
        AnalysisSpec spec;
        spec.paramcd = "TTDE";
        spec.arm_variable = "TRT01P";
        spec.reference_arm = "Placebo";
        spec.tau = 150;
        const Results results = refit(overlay, spec);
        QCOMPARE(results.arms.size(), std::size_t{4});
        const ArmSurvival& own = arm_named(results, "Placebo");
        const ArmSurvival& copy = arm_named(results, "Placebo (published)");
        QCOMPARE(copy.km.curve.time.size(), own.km.curve.time.size());
        for (std::size_t j = 0; j < own.km.curve.time.size(); ++j) {
            QVERIFY(std::abs(copy.km.curve.time[j] - own.km.curve.time[j]) < 1e-9);
            QCOMPARE(copy.km.curve.surv[j], own.km.curve.surv[j]);
        }
        QVERIFY(copy.rmst && own.rmst);
        QVERIFY(std::abs(copy.rmst->estimate - own.rmst->estimate) < 1e-9);
        QVERIFY(results.cox);
        const auto term =
            std::find_if(results.cox->terms.begin(), results.cox->terms.end(),
                         [](const HazardRatio& hr) { return hr.arm == "Placebo (published)"; });
        QVERIFY(term != results.cox->terms.end() && term->hr);
        QVERIFY2(std::abs(*term->hr - 1) < 1e-9, std::to_string(*term->hr).c_str());
    }

    void aTreatmentCodedOneTwoTakesThePublishedArmAsText() {
        const QTemporaryDir dir;
        const auto files = data_files::write_all(
            dir, {"adsl.csv", "adtte.csv"},
            {"USUBJID,TRT01P,AGE\n1,1,50\n2,2,60\n3,1,70\n4,2,65\n",
             "USUBJID,PARAMCD,PARAM,AVAL,AVALU,CNSR\n1,OS,Overall,10,DAYS,0\n"
             "2,OS,Overall,20,DAYS,1\n3,OS,Overall,30,DAYS,0\n4,OS,Overall,40,DAYS,0\n"});
        const StudyLoad load = load_study(files);
        QVERIFY(load.ok());
        NamedArm published{"Docetaxel", {}};
        published.arm.time = {1, 2};
        published.arm.event = {1, 0};
        OverlayOptions options;
        options.endpoint = "OS";
        options.time_unit = TimeUnit::Weeks;
        const Study overlay = overlay_reconstructed_arms(*load.study, {published}, options);
        const Variable& trt = *overlay.subjects.find("TRT01P");
        QCOMPARE(trt.levels(), (std::vector<std::string>{"1", "2", "Docetaxel"}));
        QCOMPARE(trt.codes()[4], 2);
        QCOMPARE(trt.codes()[0], 0);
        const TimeToEvent& os = *overlay.endpoint("OS");
        QCOMPARE(os.time()[4], 7.0);
        QCOMPARE(os.time()[5], 14.0);
    }

    void whatCannotBeOverlaidIsRefused() {
        const Study& trial = cdisc_pilot::study();
        OverlayOptions options = pilot_options();
        options.endpoint = "OS";
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            overlay_reconstructed_arms(trial, {cdisc_pilot::placebo_as_published()}, options));
        // Published arms whose pseudo-patients' USUBJIDs the study already
        // has: its own arm "y" was published as "RECON-Y-0001" and on.
        NamedArm own = cdisc_pilot::placebo_as_published();
        own.name = "y";
        const Study published = reconstructed_study({own});
        NamedArm other = cdisc_pilot::placebo_as_published();
        other.name = "Y";
        OverlayOptions again;
        again.endpoint = "RECON";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 overlay_reconstructed_arms(published, {other}, again));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 overlay_reconstructed_arms(trial, {}, pilot_options()));
    }

    // Which endpoint published arms join: the one named, else theirs when
    // the trial has it, else the trial's only one; otherwise a refusal that
    // counts the trial's endpoints and names theirs.
    void theEndpointPublishedArmsJoin() {
        const Study& pilot = cdisc_pilot::study(); // one endpoint, TTDE
        QCOMPARE(published_endpoint(pilot, "XYZ", "TTDE"), std::string("XYZ"));
        QCOMPARE(published_endpoint(pilot, "", "RECON"), std::string("TTDE"));
        const Study demo = generate_demo_study(); // PFS, OS and duration of response
        QVERIFY(demo.endpoints.size() > 1);
        QCOMPARE(published_endpoint(demo, "", "OS"), std::string("OS"));
        try {
            published_endpoint(demo, "", "RECON");
            QFAIL("several endpoints, none theirs: refused");
        } catch (const std::invalid_argument& error) {
            QCOMPARE(std::string(error.what()),
                     "the data have " + std::to_string(demo.endpoints.size()) +
                         " endpoints and none is the published arms' RECON");
        }

        // add_published_arms: published_arms, then the overlay on that endpoint.
        ReconstructedStudyOptions options;
        options.paramcd = "TTDE";
        options.time_unit = TimeUnit::Months;
        const Study rebuilt = reconstructed_study({cdisc_pilot::placebo_as_published()}, options);
        const Study joined = add_published_arms(pilot, rebuilt, "", "");
        QCOMPARE(joined.reconstructed.count, std::size_t{86});
        const Study by_hand =
            overlay_reconstructed_arms(pilot, {cdisc_pilot::placebo_as_published()},
                                       overlay_options(published_arms(rebuilt), "TTDE", ""));
        const auto sorted_times = [](const Study& study) {
            const auto& time = study.endpoint("TTDE")->time();
            std::vector<double> sorted(time.begin(), time.end());
            std::sort(sorted.begin(), sorted.end());
            return sorted;
        };
        QCOMPARE(sorted_times(joined), sorted_times(by_hand));
    }
};

QTEST_GUILESS_MAIN(TestReconstructedOverlay)
#include "test_reconstructed_overlay.moc"
