// Reconstructed arms as a study: the ADSL/ADTTE tables, the study built from
// them, and the two CSV files load_study reads back to the same subjects and
// times.

#include <triallens/data/reconstructed_subjects.h>
#include <triallens/io/load_study.h>
#include <triallens/reconstruct/reconstructed_study.h>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace triallens;

namespace {

NamedArm arm(std::string name, std::vector<double> time, std::vector<std::uint8_t> event) {
    ReconstructedArm rebuilt;
    rebuilt.time = std::move(time);
    rebuilt.event = std::move(event);
    return {std::move(name), std::move(rebuilt)};
}

const std::vector<NamedArm> arms{arm("Nab-paclitaxel", {1.5, 2, 7.25}, {1, 0, 1}),
                                 arm("Control arm", {0.5, 3}, {0, 1})};

} // namespace

class TestReconstructedStudy : public QObject {
    Q_OBJECT

private slots:
    void studyHasTheArmsSubjectsAndEndpoint() {
        ReconstructedStudyOptions options;
        options.source = "Doe et al. 2024, Figure 2";
        const Study study = reconstructed_study(arms, options);
        QCOMPARE(study.subjects.size(), std::size_t{5});
        QCOMPARE(study.subjects.usubjid().front(), std::string("RECON-NAB-PACLITAXEL-0001"));
        QCOMPARE(study.subjects.usubjid().back(), std::string("RECON-CONTROL_ARM-0002"));
        const Variable& trt = *study.subjects.find("TRT01P");
        QCOMPARE(trt.levels(), (std::vector<std::string>{"Control arm", "Nab-paclitaxel"}));
        QCOMPARE(study.subjects.find("RECONFL")->levels(), std::vector<std::string>{"Y"});
        QCOMPARE(study.subjects.find("SOURCE")->levels(),
                 std::vector<std::string>{"Doe et al. 2024, Figure 2"});
        QCOMPARE(reconstructed_subjects(study.subjects).count, std::size_t{5});
        QVERIFY(reconstructed_subjects(study.subjects).all());
        QCOMPARE(reconstructed_subjects(study.subjects).sources,
                 std::vector<std::string>{"Doe et al. 2024, Figure 2"});
        QCOMPARE(study.endpoints.size(), std::size_t{1});
        const TimeToEvent& tte = study.endpoints.front();
        QCOMPARE(tte.paramcd(), std::string("RECON"));
        QCOMPARE(tte.time_unit(), std::string("MONTHS"));
        QCOMPARE(std::vector<double>(tte.time().begin(), tte.time().end()),
                 (std::vector<double>{1.5, 2, 7.25, 0.5, 3}));
        QCOMPARE(std::vector<std::uint8_t>(tte.event().begin(), tte.event().end()),
                 (std::vector<std::uint8_t>{1, 0, 1, 0, 1}));
    }

    void csvFilesLoadBackToTheSameStudy() {
        const QTemporaryDir dir;
        ReconstructedStudyOptions options;
        options.paramcd = "OS";
        options.time_unit = TimeUnit::Weeks;
        options.source = "A, \"quoted\" source";
        write_reconstructed_tables(reconstructed_tables(arms, options), dir.path().toStdString());
        const auto files = data_files_in(dir.path().toStdString());
        QCOMPARE(files.size(), std::size_t{2});
        const StudyLoad load = load_study({dir.path().toStdString()});
        QVERIFY2(load.ok(), load.findings.empty() ? "" : load.findings.front().text().c_str());
        const Study& study = *load.study;
        QCOMPARE(study.subjects.size(), std::size_t{5});
        QCOMPARE(study.subjects.find("SOURCE")->levels(),
                 std::vector<std::string>{"A, \"quoted\" source"});
        QCOMPARE(reconstructed_subjects(study.subjects).count, std::size_t{5}); // RECONFL read back
        QCOMPARE(reconstructed_subjects(study.subjects).sources,
                 std::vector<std::string>{"A, \"quoted\" source"});
        const TimeToEvent& tte = *study.endpoint("OS");
        QCOMPARE(tte.time_unit(), std::string("WEEKS"));
        QCOMPARE(tte.param(), std::string("Reconstructed time to event"));
        QCOMPARE(std::count(tte.event().begin(), tte.event().end(), 1), 3);
        double total = 0;
        for (const double t : tte.time()) {
            total += t;
        }
        QCOMPARE(total, 1.5 + 2 + 7.25 + 0.5 + 3);
    }

    void armsThatCannotMakeAStudyAreRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, reconstructed_tables({}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, reconstructed_tables({arms[0], arms[0]}));
    }
};

QTEST_GUILESS_MAIN(TestReconstructedStudy)
#include "test_reconstructed_study.moc"
