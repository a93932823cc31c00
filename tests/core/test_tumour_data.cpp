// Tumour data in: ADTR recognised, built and validated; per-visit responses
// and AE days read; the ADSL treatment dates; and the per-subject rules of
// Results::tumour_response on a study small enough to work out by hand.

#include "../data_files.h"

#include <triallens/analysis/refit.h>
#include <triallens/analysis/treatment_dates.h>
#include <triallens/data/build_study.h>
#include <triallens/data/data_error.h>
#include <triallens/data/study_validation.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace triallens;

namespace {

constexpr double na = std::numeric_limits<double>::quiet_NaN();
constexpr double day0 = 22000; // TRTSDT of every treated subject (days since 1960)

// S1 responds on day 42 and progresses on day 126; S2 responds on day 42,
// is last seen SD on day 84, then NE; S3 never responds and dies on day 60;
// S4 was never treated. S1 and S2 are arm A, S3 and S4 arm B.
RawTable adsl() {
    RawTable table{"adsl.csv", {}, {}};
    table.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3", "S4"}));
    table.columns.push_back(text_column("TRT01P", "", {"A", "A", "B", "B"}));
    table.columns.push_back(number_column("TRTSDT", "", {day0, day0, day0, na}));
    table.columns.push_back(number_column("TRTEDT", "", {day0 + 125, na, day0 + 55, na}));
    table.columns.push_back(text_column("EOTSTT", "", {"DISCONTINUED", "ONGOING", "", ""}));
    table.columns.push_back(text_column("DTHFL", "", {"N", "N", "Y", "N"}));
    table.columns.push_back(number_column("DTHDT", "", {na, na, day0 + 59, na}));
    table.columns.push_back(number_column("DCUTDT", "", {day0 + 200, day0 + 200, day0 + 200, na}));
    return table;
}

RawTable adtte() {
    RawTable table{"adtte.csv", {}, {}};
    table.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3", "S4"}));
    table.columns.push_back(text_column("PARAMCD", "", {"PFS", "PFS", "PFS", "PFS"}));
    table.columns.push_back(number_column("AVAL", "", {126, 150, 60, 10}));
    table.columns.push_back(number_column("CNSR", "", {0, 1, 0, 1}));
    return table;
}

RawTable adrs() {
    RawTable table{"adrs.csv", {}, {}};
    table.columns.push_back(
        text_column("USUBJID", "", {"S1", "S1", "S1", "S1", "S2", "S2", "S2", "S2", "S3", "S3"}));
    table.columns.push_back(text_column(
        "PARAMCD", "", {"OVR", "OVR", "OVR", "BOR", "OVR", "OVR", "OVR", "BOR", "OVR", "BOR"}));
    table.columns.push_back(
        text_column("AVALC", "", {"PR", "CR", "PD", "CR", "PR", "SD", "NE", "PR", "SD", "SD"}));
    table.columns.push_back(number_column("ADY", "", {42, 84, 126, na, 42, 84, 126, na, 40, na}));
    return table;
}

RawTable adtr() {
    RawTable table{"adtr.csv", {}, {}};
    table.columns.push_back(
        text_column("USUBJID", "", {"S1", "S1", "S1", "S1", "S2", "S2", "S3", "S3"}));
    table.columns.push_back(text_column(
        "PARAMCD", "", {"SDIAM", "SDIAM", "SDIAM", "LDIAM", "SDIAM", "SDIAM", "SDIAM", "SDIAM"}));
    table.columns.push_back(number_column("AVAL", "", {50, 30, 40, 9, 80, 40, 20, 21}));
    table.columns.push_back(number_column("BASE", "", {50, 50, 50, 9, 80, 80, 20, 20}));
    table.columns.push_back(number_column("ADY", "", {-5, 42, 126, -5, -3, 42, -1, 40}));
    table.columns.push_back(text_column("ABLFL", "", {"Y", "", "", "Y", "Y", "", "Y", ""}));
    return table;
}

Study small_study(RawTable tumour = adtr(), const std::string& param = {}) {
    return build_study({adsl(), adtte(), adrs(), std::move(tumour)},
                       {DatasetRole::SubjectLevel, DatasetRole::TimeToEvent, DatasetRole::Responses,
                        DatasetRole::TumourMeasurements},
                       "small", {}, param);
}

const SubjectTumourResponse& subject_named(const TumourResponse& response, const char* id) {
    for (const auto& subject : response.subjects) {
        if (subject.usubjid == id) {
            return subject;
        }
    }
    throw std::runtime_error(std::string("no subject ") + id);
}

using data_files::texts;

} // namespace

class TestTumourData : public QObject {
    Q_OBJECT

private slots:
    void adtrIsRecognisedByItsColumns() {
        QCOMPARE(recognise_role(adtr()), DatasetRole::TumourMeasurements);
        QCOMPARE(recognise_role(adrs()), DatasetRole::Responses);
        RawTable with_avalc = adtr();
        with_avalc.columns.push_back(text_column("AVALC", "", std::vector<std::string>(8, "x")));
        QCOMPARE(recognise_role(with_avalc), DatasetRole::Responses);
        QCOMPARE(recognise_role(adtte()), DatasetRole::TimeToEvent);
    }

    void theSumOfDiametersIsBuilt() {
        const Study study = small_study();
        QCOMPARE(study.tumour.paramcd, std::string("SDIAM"));
        QCOMPARE(study.tumour.day_column, std::string("ADY"));
        QCOMPARE(study.tumour.size(), std::size_t{7}); // LDIAM left out
        // No PCHG column: derived from AVAL and BASE.
        QCOMPARE(study.tumour.pchg[1], -40.0);
        QCOMPARE(study.tumour.pchg[2], -20.0);
        QCOMPARE(study.responses.day.size(), std::size_t{10});
        QVERIFY(std::isnan(study.responses.day[3]));

        const Study ldiam = small_study(adtr(), "LDIAM");
        QCOMPARE(ldiam.tumour.size(), std::size_t{1});
        QVERIFY_THROWS_EXCEPTION(DataError, small_study(adtr(), "XYZ"));
    }

    void anl01flKeepsTheAnalysedRecords() {
        RawTable table = adtr();
        table.columns.push_back(
            text_column("ANL01FL", "", {"Y", "Y", "", "Y", "Y", "Y", "Y", "Y"}));
        QCOMPARE(small_study(table).tumour.size(), std::size_t{6});
    }

    void findingsNameFileLineAndColumn() {
        const RawTable subjects = adsl();
        RawTable tumour = adtr();
        // S1's day-42 PCHG says -10 where AVAL 30 and BASE 50 give -40;
        // S3 loses its baseline flag; S9 is not in ADSL.
        tumour.columns.push_back(number_column("PCHG", "", {0, -10, -20, 0, 0, -50, 0, 5.04}));
        tumour.columns[5] = text_column("ABLFL", "", {"Y", "", "", "Y", "Y", "", "", ""});
        tumour.columns[0] =
            text_column("USUBJID", "", {"S1", "S1", "S1", "S1", "S2", "S2", "S3", "S9"});
        RawTable responses = adrs();
        responses.columns[3] = number_column("ADY", "", {42, 84, 126, na, 42, 84, 126, na, 61, na});
        StudyTables tables;
        tables.subjects = &subjects;
        tables.tumour = &tumour;
        tables.responses = &responses;
        QCOMPARE(texts(validate_study_tables(tables), Severity::Error),
                 (QStringList{"adtr.csv:9: column USUBJID: subject S9 is not in ADSL",
                              "adtr.csv:3: column PCHG: PCHG -10 contradicts AVAL 30 and BASE "
                              "50 (100 (AVAL - BASE) / BASE = -40)"}));
        QCOMPARE(texts(validate_study_tables(tables), Severity::Warning),
                 (QStringList{"adrs.csv:10: column ADY: a response on day 61, after the "
                              "subject's death on day 60 (ADSL DTHDT)",
                              "adtr.csv:8: column ABLFL: subject S3 has no baseline record "
                              "(ABLFL \"Y\") of SDIAM: its % change is not known"}));
        tables.tumour_param = "TUMSUM";
        QCOMPARE(texts(validate_study_tables(tables), Severity::Error).last(),
                 QString("adtr.csv: column PARAMCD: no records of PARAMCD TUMSUM (--tr-param) "
                         "among the PARAMCD values LDIAM, SDIAM"));
    }

    void treatmentDatesAreStudyDays() {
        const Study study = small_study();
        const TreatmentDates dates(study);
        QVERIFY(dates.any());
        QCOMPARE(*dates.data_cut(), day0 + 200);
        const TreatmentDays s1 = dates.of(0);
        QCOMPARE(*s1.end_day, 126.0);
        QVERIFY(!s1.ongoing);
        const TreatmentDays s2 = dates.of(1);
        QVERIFY(s2.ongoing);
        QCOMPARE(*s2.end_day, 201.0); // to the data cut
        const TreatmentDays s3 = dates.of(2);
        QVERIFY(s3.died);
        QCOMPARE(*s3.death_day, 60.0);
        const TreatmentDays s4 = dates.of(3);
        QVERIFY(!s4.end_day && !s4.ongoing);
    }

    void subjectsFollowTheStatedRules() {
        const Study study = small_study();
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.landmarks = {50};
        const Results results = refit(study, spec);
        QVERIFY(results.tumour_response);
        const TumourResponse& response = *results.tumour_response;
        QCOMPARE(response.dor_source, std::string("derived"));
        QCOMPARE(response.subjects.size(), std::size_t{4});

        const auto& s1 = subject_named(response, "S1");
        QCOMPARE(*s1.best_pchg, -40.0);
        QCOMPARE(*s1.nadir, 30.0);
        QCOMPARE(s1.bor, std::string("CR"));
        QVERIFY(s1.responder);
        QCOMPARE(*s1.ttr, 42.0);
        QCOMPARE(*s1.dor_time, 126.0 - 42 + 1); // to the PD visit
        QVERIFY(*s1.dor_event);
        QCOMPARE(*s1.progression_time, 126.0);
        QCOMPARE(s1.pchg_over_time.size(), std::size_t{3});

        const auto& s2 = subject_named(response, "S2");
        QCOMPARE(*s2.dor_time, 84.0 - 42 + 1); // censored at the last adequate visit, not NE
        QVERIFY(!*s2.dor_event);
        QVERIFY(s2.ongoing);
        QCOMPARE(*s2.treatment_days, 201.0);

        const auto& s3 = subject_named(response, "S3");
        QVERIFY(!s3.responder);
        QVERIFY(!s3.dor_time && !s3.ttr);
        QCOMPARE(*s3.best_pchg, 5.0);
        QCOMPARE(*s3.death_time, 60.0);

        const auto& s4 = subject_named(response, "S4");
        QVERIFY(!s4.best_pchg && !s4.treatment_days);
        QVERIFY(s4.bor.empty());

        // Arms in R's order (reference A first); A: two responders of two.
        QCOMPARE(response.arms[0].arm, std::string("A"));
        QCOMPARE(response.arms[0].responders, std::size_t{2});
        QCOMPARE(response.arms[0].orr, 1.0);
        QCOMPARE(*response.arms[0].ttr_median, 42.0);
        QVERIFY(response.arms[0].dor);
        QCOMPARE(response.arms[0].dor_landmarks.size(), std::size_t{1});
        QCOMPARE(response.arms[1].responders, std::size_t{0});
        QVERIFY(!response.arms[1].dor);
    }

    void timesFollowTheAnalysisUnit() {
        const Study study = small_study();
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.time_unit = "weeks";
        const Results results = refit(study, spec);
        const auto& s1 = subject_named(*results.tumour_response, "S1");
        QCOMPARE(*s1.ttr, 42.0 / 7);
        QCOMPARE(*s1.dor_time, 85.0 / 7);
    }

    void theFilterAppliesToTheSubjects() {
        const Study study = small_study();
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.filter = "TRT01P == \"B\"";
        const Results results = refit(study, spec);
        QCOMPARE(results.tumour_response->subjects.size(), std::size_t{2});
    }
};

QTEST_APPLESS_MAIN(TestTumourData)
#include "test_tumour_data.moc"
