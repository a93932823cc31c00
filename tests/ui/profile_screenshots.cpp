// Not a test: run by hand to look at the patient profile. Opens the profile
// dialog (1280 × 800) on the demo study's first responder with adverse
// events and its non-responder with the most adverse events, or, given data
// files, on the subject with the most adverse events, and writes one PNG
// per subject into the folder given (default /tmp/profile-shots); "known"
// instead of files shows the hand-built study of the profile tests:
//   profile_screenshots /tmp/shots [files… | known]

#include "../patient_profile_study.h"

#include <panels/patient_profile_dialog.h>

#include <triallens/demo/demo_study.h>
#include <triallens/io/load_study.h>

#include <QApplication>
#include <QDir>
#include <QTest>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace triallens;
using namespace triallens::ui;

namespace {

std::vector<std::string> best_responses(const Study& study) {
    std::vector<std::string> bor(study.subjects.size());
    for (std::size_t i = 0; i < study.responses.size(); ++i) {
        if (study.responses.paramcd[i] == "BOR") {
            bor[static_cast<std::size_t>(study.responses.subject[i])] = study.responses.value[i];
        }
    }
    return bor;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString folder =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/tmp/profile-shots");
    QDir().mkpath(folder);
    std::vector<std::filesystem::path> files;
    for (int i = 2; i < argc; ++i) {
        files.emplace_back(argv[i]);
    }
    std::shared_ptr<const Study> study;
    const bool known = files.size() == 1 && files.front() == "known";
    if (known) {
        study = std::make_shared<const Study>(profile_test::hand_built());
    } else if (files.empty()) {
        study = std::make_shared<const Study>(generate_demo_study());
    } else {
        StudyLoad load = load_study(files);
        if (!load.study) {
            return 2;
        }
        study = std::make_shared<const Study>(std::move(*load.study));
    }
    std::vector<std::size_t> events(study->subjects.size(), 0);
    for (const std::int32_t s : study->adverse_events.subject) {
        ++events[static_cast<std::size_t>(s)];
    }
    const std::vector<std::string> bor = best_responses(*study);
    std::vector<std::pair<QString, std::int32_t>> shots;
    const auto most_events = [&](auto wanted) {
        std::int32_t best = -1;
        for (std::size_t s = 0; s < events.size(); ++s) {
            if (wanted(s) && (best < 0 || events[s] > events[static_cast<std::size_t>(best)])) {
                best = static_cast<std::int32_t>(s);
            }
        }
        return best;
    };
    if (known) {
        shots = {{"known-s1", 0}, {"known-s2", 1}, {"known-s3", 2}};
    } else if (files.empty()) {
        shots.emplace_back("demo-responder", most_events([&](std::size_t s) {
                               return (bor[s] == "CR" || bor[s] == "PR") && events[s] > 0 &&
                                      events[s] < 8;
                           }));
        shots.emplace_back("demo-non-responder", most_events([&](std::size_t s) {
                               return bor[s] == "PD" || bor[s] == "SD";
                           }));
    } else {
        shots.emplace_back("subject-most-aes", most_events([](std::size_t) { return true; }));
        shots.emplace_back("subject-first", 0);
    }
    QVector<std::int32_t> order;
    for (std::int32_t s = 0; s < static_cast<std::int32_t>(study->subjects.size()); ++s) {
        order.push_back(s);
    }
    PatientProfileDialog dialog;
    dialog.setStudy(study);
    dialog.resize(1280, 800);
    for (const auto& [name, subject] : shots) {
        if (subject < 0) {
            continue;
        }
        dialog.showSubject(subject, order);
        dialog.show();
        QTest::qWait(100);
        dialog.grab().save(folder + "/" + name + ".png");
    }
    return 0;
}
