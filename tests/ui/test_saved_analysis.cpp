// Saved analyses: every setting and filter round-trips through the JSON
// document exactly; a saved analysis of the CDISC pilot reopens in a new
// window to equal Results, the same focused forest row and the same tab;
// moved files are asked for and loaded from where they are now, changed
// files are reported, the demo reopens on the demo, and a malformed document
// says what is wrong with it.

#include "../test_paths.h"
#include <controller/analysis_document.h>
#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <document/saved_analysis.h>
#include <main_window.h>
#include <panels/filter_panel.h>
#include <panels/level_filter.h>
#include <panels/settings_panel.h>
#include <views/forest_view.h>
#include <views/km_chart_view.h>

#include <triallens/demo/demo_study.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <limits>

#include <sys/stat.h>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::caught;
using workspace_test::demo;

Q_DECLARE_METATYPE(triallens::ui::SavedAnalysis)

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");

// A spec with every field away from its default, doubles that have no short
// decimal form among them.
AnalysisSpec full_spec() {
    AnalysisSpec spec;
    spec.paramcd = "TTDE";
    spec.arm_variable = "TRT01P";
    spec.reference_arm = "Placebo";
    spec.compare_arm = "Xanomeline High Dose";
    spec.filter = R"(SAFFL == "Y" and RACE != 'BLACK "OR" AFRICAN')";
    spec.strata = {"SEX", "SITEGR1"};
    spec.subgroups = {"AGEGR1", "RACE", "SEX"};
    spec.covariates = {"AGE"};
    spec.km.conf_type = ConfType::LogLog;
    spec.km.conf_level = 0.9;
    spec.landmarks = {0.1 + 0.2, 1.0 / 3.0, 1e-300, 182.625};
    spec.tau = 365.25 / 7.0;
    spec.ties = Ties::Exact;
    spec.time_unit = "months";
    spec.curves_by = "SEX";
    return spec;
}

// KM figure choices every one away from its default, an x-axis limit with
// no short decimal form.
KmFigureOptions full_km_figure() {
    KmFigureOptions km;
    km.ci_bands = true;
    km.median_lines = false;
    km.censor_marks = false;
    km.at_risk_row = false;
    km.censored_row = true;
    km.events_row = true;
    km.x_limit = 0.1 + 0.2;
    km.break_by = 1.0 / 30.0;
    km.x_label = QStringLiteral(R"(Months since "randomisation" — Ünïcødé)");
    km.y_label = QStringLiteral("Alive, it's (%)");
    km.y_scale = KmYScale::Cumulative;
    km.percent = true;
    km.risk_table = KmRiskTable::Kmunicate;
    return km;
}

SavedAnalysis pilot_document() {
    SavedAnalysis analysis;
    analysis.files = {{"/data/adsl.xpt", false, {{"adsl.xpt", 123456, QString(64, 'a')}}},
                      {"/data/sites",
                       true,
                       {{"adtte_site701.csv", 10, QString(64, 'b')},
                        {"adtte_site702.csv", 0, QString(64, 'c')}}}};
    analysis.state.focus = SubgroupFocus{"AGEGR1", ">80"};
    analysis.current_tab = "Forest";
    return analysis;
}

// The property a saved analysis promises: the same figures. Exact equality:
// the same data and spec take the same arithmetic.
void compare_results(const Results& got, const Results& want) {
    QCOMPARE(got.n, want.n);
    QCOMPARE(got.events, want.events);
    QCOMPARE(got.subjects, want.subjects);
    QCOMPARE(got.filter, want.filter);
    QCOMPARE(got.strata, want.strata);
    QCOMPARE(got.arms.size(), want.arms.size());
    for (std::size_t i = 0; i < want.arms.size(); ++i) {
        const ArmSurvival& a = got.arms[i];
        const ArmSurvival& b = want.arms[i];
        QCOMPARE(a.arm, b.arm);
        QCOMPARE(a.median.estimate, b.median.estimate);
        QCOMPARE(a.median.lower, b.median.lower);
        QCOMPARE(a.median.upper, b.median.upper);
        QCOMPARE(a.km.curve.time, b.km.curve.time);
        QCOMPARE(a.km.curve.n_risk, b.km.curve.n_risk);
        QCOMPARE(a.km.curve.surv, b.km.curve.surv);
        QCOMPARE(a.km.curve.lower, b.km.curve.lower);
        QCOMPARE(a.km.curve.upper, b.km.curve.upper);
        QCOMPARE(a.landmarks.size(), b.landmarks.size());
        QCOMPARE(a.rmst.has_value(), b.rmst.has_value());
        if (a.rmst) {
            QCOMPARE(a.rmst->estimate, b.rmst->estimate);
        }
    }
    QCOMPARE(got.cox.has_value(), want.cox.has_value());
    if (want.cox) {
        QCOMPARE(got.cox->ties, want.cox->ties);
        QCOMPARE(got.cox->reference_arm, want.cox->reference_arm);
        QCOMPARE(got.cox->terms.size(), want.cox->terms.size());
        for (std::size_t i = 0; i < want.cox->terms.size(); ++i) {
            QCOMPARE(got.cox->terms[i].arm, want.cox->terms[i].arm);
            QCOMPARE(got.cox->terms[i].coef, want.cox->terms[i].coef);
            QCOMPARE(got.cox->terms[i].hr, want.cox->terms[i].hr);
            QCOMPARE(got.cox->terms[i].lower, want.cox->terms[i].lower);
            QCOMPARE(got.cox->terms[i].upper, want.cox->terms[i].upper);
            QCOMPARE(got.cox->terms[i].p, want.cox->terms[i].p);
        }
        QCOMPARE(got.cox->loglik, want.cox->loglik);
    }
    QCOMPARE(got.subgroups.size(), want.subgroups.size());
    for (std::size_t i = 0; i < want.subgroups.size(); ++i) {
        QCOMPARE(got.subgroups[i].variable, want.subgroups[i].variable);
        QCOMPARE(got.subgroups[i].level, want.subgroups[i].level);
        QCOMPARE(got.subgroups[i].n, want.subgroups[i].n);
        QCOMPARE(got.subgroups[i].events, want.subgroups[i].events);
        QCOMPARE(got.subgroups[i].hr, want.subgroups[i].hr);
        QCOMPARE(got.subgroups[i].interaction_p, want.subgroups[i].interaction_p);
    }
}

QListWidgetItem* item_named(QListWidget* list, const QString& name) {
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == name) {
            return list->item(i);
        }
    }
    return nullptr;
}

QTabWidget* tabs_of(const MainWindow& window) {
    return qobject_cast<QTabWidget*>(window.centralWidget());
}

// A workspace as the app starts one: on the demo study.
struct Workspace {
    RefitController controller;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<QSignalSpy> refitted;
    std::unique_ptr<QSignalSpy> loaded;
    std::unique_ptr<QSignalSpy> restored;
    std::unique_ptr<QSignalSpy> abandoned;
    // What the prompts were asked.
    QStringList confirmed;
    QStringList located;
    QStringList warnings;
    bool answer = true;
    QString moved_to; // the folder `locate` answers with

    explicit Workspace(std::shared_ptr<const Study> study = demo()) {
        refitted = std::make_unique<QSignalSpy>(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(std::move(study), spec);
        window = std::make_unique<MainWindow>(&controller);
        loaded = std::make_unique<QSignalSpy>(window->workspace()->loader(), &StudyLoader::loaded);
        restored = std::make_unique<QSignalSpy>(document(), &AnalysisDocument::restored);
        abandoned = std::make_unique<QSignalSpy>(document(), &AnalysisDocument::abandoned);
        document()->setPrompts({[this](const QString& text, const QString&) {
                                    confirmed << text;
                                    return answer;
                                },
                                [this](const SavedFile& saved) {
                                    located << saved.path;
                                    return moved_to.isEmpty()
                                               ? QString()
                                               : QDir(moved_to).filePath(
                                                     QFileInfo(saved.path).fileName());
                                },
                                [this](const QString& text) { warnings << text; }});
    }
    AnalysisDocument* document() const { return window->analysisDocument(); }
    SettingsPanel* settings() const { return window->settingsPanel(); }
    const Results& results() const { return *controller.results(); }

    // Waits for the refit of the current spec (stale ones are dropped).
    bool settled() {
        return QTest::qWaitFor(
            [this] { return !controller.busy() && controller.results() != nullptr; }, 30000);
    }
    // Saves as File ▸ Save Analysis does, and waits for the file.
    bool save(const QString& file) {
        QSignalSpy saved(document(), &AnalysisDocument::saved);
        return document()->save(file) && caught(saved);
    }
    void load(const QStringList& files) {
        const auto before = loaded->count();
        window->workspace()->openPaths(files, false);
        QVERIFY(QTest::qWaitFor([&] { return loaded->count() > before; }, 30000));
        QVERIFY(settled());
    }
};

QStringList copy_pilot(const QString& folder) {
    QStringList files;
    for (const QString& name : {QStringLiteral("adsl.xpt"), QStringLiteral("adtte.xpt")}) {
        const QString target = QDir(folder).filePath(name);
        QFile::copy(pilot + name, target);
        files << target;
    }
    return files;
}

// The pilot with strata, a filter, two subgroups, log-log CIs, landmarks and
// tau set through the docks, the >80 forest row in focus, the Forest tab in front.
void set_up_pilot(Workspace& w, const QStringList& files) {
    w.load(files);
    QListWidgetItem* stratum = item_named(w.settings()->strataList(), "SEX");
    QVERIFY(stratum != nullptr);
    stratum->setCheckState(Qt::Checked);
    QListWidgetItem* race = item_named(w.settings()->subgroupList(), "RACE");
    QVERIFY(race != nullptr && race->checkState() == Qt::Checked);
    race->setCheckState(Qt::Unchecked);
    const int log_log = w.settings()->confTypeBox()->findData(QStringLiteral("log-log"));
    QVERIFY(log_log >= 0);
    w.settings()->confTypeBox()->setCurrentIndex(log_log);
    w.settings()->landmarksEdit()->setText(QStringLiteral("90 182.5"));
    emit w.settings()->landmarksEdit()->editingFinished();
    w.settings()->tauEdit()->setText(QStringLiteral("180"));
    emit w.settings()->tauEdit()->editingFinished();
    LevelFilter* age = w.window->filterPanel()->levelFilter("AGEGR1");
    QVERIFY(age != nullptr);
    QCheckBox* young = age->levelBox("<65");
    QVERIFY(young != nullptr && young->isChecked());
    young->click();
    QVERIFY(w.settled());
    QVERIFY(w.window->workspace()->undoStack()->count() >= 6);
    QCOMPARE(w.results().strata, std::vector<std::string>{"SEX"});
    QVERIFY(!w.results().filter.empty());
    QVERIFY(w.results().arms.front().rmst.has_value());
    QCOMPARE(w.results().arms.front().landmarks.size(), std::size_t{2});

    tabs_of(*w.window)->setCurrentIndex(1);
    ForestView* forest = w.window->forestView();
    const int row = forest->model()->rowOf("AGEGR1", ">80");
    QVERIFY(row >= 0);
    QSignalSpy subgroup(&w.controller, &RefitController::refitted);
    w.window->workspace()->focusSubgroup("AGEGR1", ">80");
    forest->selectRow(row);
    QVERIFY(caught(subgroup));
    QVERIFY(w.controller.results()->focus.has_value());
}

// `edit` applied to the JSON document in `file`.
template <typename Edit> void edit_json(const QString& file, Edit edit) {
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    edit(root);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(root).toJson());
}

void set_saved_filter(QJsonObject& root, const QString& filter) {
    QJsonObject state = root["state"].toObject();
    QJsonObject spec = state["spec"].toObject();
    spec["filter"] = filter;
    state["spec"] = spec;
    root["state"] = state;
}

void set_first_path(QJsonObject& root, const QString& path) {
    QJsonArray files = root["files"].toArray();
    QJsonObject first = files[0].toObject();
    first["path"] = path;
    files[0] = first;
    root["files"] = files;
}

} // namespace

class TestSavedAnalysis : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyFieldRoundTrips_data() {
        QTest::addColumn<SavedAnalysis>("analysis");
        SavedAnalysis analysis = pilot_document();
        QTest::newRow("defaults") << analysis;

        analysis.state.spec = full_spec();
        QTest::newRow("every spec field") << analysis;

        analysis.state.spec.tau.reset();
        analysis.state.spec.landmarks.clear();
        QTest::newRow("no tau, no landmarks") << analysis;

        analysis.state.spec.tau = 0.0;
        analysis.state.spec.km.conf_type = ConfType::Plain;
        analysis.state.spec.ties = Ties::Breslow;
        QTest::newRow("tau zero, plain, breslow") << analysis;

        analysis.state.filters.populations = {"SAFFL", "ITTFL"};
        analysis.state.filters.levels["RACE"] = {{R"(BLACK "OR" AFRICAN)", "it's", "Ünïcødé"},
                                                 true};
        analysis.state.filters.levels["SEX"] = {{}, true};
        analysis.state.filters.ranges["AGE"] = {65.000000000000014, inf, false};
        analysis.state.filters.ranges["BMIBL"] = {-inf, 1.0 / 3.0, true};
        analysis.state.filters.ranges["HEIGHTBL"] = {-inf, inf, true};
        QTest::newRow("filters: quotes, infinite bounds") << analysis;

        analysis.state.adverse_events = {true, false, true};
        QTest::newRow("adverse-event toggles") << analysis;

        analysis.state.focus->level = R"(say "hi" \ 'there')";
        analysis.current_tab = "Adverse events";
        QTest::newRow("focus with quotes") << analysis;

        analysis.km_figure = full_km_figure();
        QTest::newRow("every KM figure choice") << analysis;

        analysis.km_figure.x_limit.reset();
        analysis.km_figure.break_by = 6;
        analysis.km_figure.risk_table = KmRiskTable::AtRiskEvents;
        QTest::newRow("KM: no x limit, events table") << analysis;

        analysis.km_figure = with_kmunicate_style({});
        QTest::newRow("KM: the KMunicate style") << analysis;

        analysis.published = {
            {{"/data/recon", true, {{"adsl.csv", 1234, QString(64, 'a')}}}, "TTDE", ""},
            {{"/data/recon 2", true, {}}, "OS", "TRT01A"}};
        QTest::newRow("published arms") << analysis;
        analysis.published.clear();

        SavedAnalysis demo_analysis;
        demo_analysis.demo = true;
        demo_analysis.state.spec = full_spec();
        QTest::newRow("demo") << demo_analysis;

        // The Delayed effects tab's settings: tests, MaxCombo set, cuts, from.
        demo_analysis.state.spec.fh_tests = {{0, 1}, {1.0 / 3.0, 0.5}};
        demo_analysis.state.spec.maxcombo = std::vector<FhWeight>{{0, 0}, {0, 1}, {0.1 + 0.2, 2}};
        demo_analysis.state.spec.hr_cuts = {6, 0.1 + 12.2};
        demo_analysis.state.spec.from = 1.0 / 3.0;
        QTest::newRow("delayed effects") << demo_analysis;

        demo_analysis.state.spec.maxcombo.reset();
        demo_analysis.state.spec.from = 0.0;
        QTest::newRow("delayed effects: no MaxCombo, from zero") << demo_analysis;

        demo_analysis.state.spec.fh_tests.clear();
        demo_analysis.state.spec.maxcombo = std::vector<FhWeight>{};
        demo_analysis.state.spec.hr_cuts.clear();
        demo_analysis.state.spec.from.reset();
        QTest::newRow("delayed effects: an empty MaxCombo set") << demo_analysis;
    }

    // Files saved before the Delayed effects tab have none of its keys: none
    // of its methods ran, and none runs when they are opened.
    void analysisWithoutDelayedEffectsKeysRunsNone() {
        SavedAnalysis analysis = pilot_document();
        analysis.state.spec = full_spec();
        analysis.state.spec.fh_tests = {{0, 1}};
        analysis.state.spec.maxcombo = std::vector<FhWeight>{{0, 1}};
        analysis.state.spec.hr_cuts = {6};
        analysis.state.spec.from = 3.0;
        QJsonObject root = QJsonDocument::fromJson(to_json(analysis)).object();
        QJsonObject state = root["state"].toObject();
        QJsonObject spec = state["spec"].toObject();
        for (const char* key : {"fh_tests", "maxcombo", "hr_cuts", "from"}) {
            QVERIFY2(spec.contains(QLatin1String(key)), key);
            spec.remove(QLatin1String(key));
        }
        state["spec"] = spec;
        root["state"] = state;
        QString error;
        const auto back = from_json(QJsonDocument(root).toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QVERIFY(back->state.spec == full_spec());
    }
    void everyFieldRoundTrips() {
        QFETCH(SavedAnalysis, analysis);
        const QByteArray json = to_json(analysis);
        QString error;
        const auto back = from_json(json, &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QVERIFY(back->state.spec == analysis.state.spec);
        QVERIFY(back->state.filters == analysis.state.filters);
        QVERIFY(back->state.adverse_events == analysis.state.adverse_events);
        QVERIFY(back->state.focus == analysis.state.focus);
        QVERIFY(back->km_figure == analysis.km_figure);
        QVERIFY(back->files == analysis.files);
        QVERIFY(*back == analysis);
        QCOMPARE(to_json(*back), json);
        QCOMPARE(QJsonDocument::fromJson(json)["schema"].toString(),
                 QStringLiteral("triallens.analysis/1"));
    }

    void malformedDocumentSaysWhatIsWrong_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        SavedAnalysis analysis = pilot_document();
        analysis.state.spec = full_spec();
        const QByteArray good = to_json(analysis);
        auto edited = [&](auto edit) {
            QJsonObject root = QJsonDocument::fromJson(good).object();
            edit(root);
            return QJsonDocument(root).toJson();
        };
        QTest::newRow("truncated")
            << good.left(good.size() / 2) << QStringLiteral("not valid JSON");
        QTest::newRow("not an object")
            << QByteArray("[1, 2]") << QStringLiteral("not a JSON object");
        QTest::newRow("other schema")
            << edited([](QJsonObject& root) { root["schema"] = "triallens.analyze/1"; })
            << QStringLiteral("analysis.schema: \"triallens.analyze/1\" is not a saved analysis");
        QTest::newRow("newer version") << edited([](QJsonObject& root) { root["version"] = 2; })
                                       << QStringLiteral("newer TrialLens");
        const QJsonObject recon{{"path", "/data/recon"},
                                {"folder", true},
                                {"data", QJsonArray{}},
                                {"endpoint", "TTDE"},
                                {"arm_variable", ""}};
        QTest::newRow("published not a list")
            << edited([&](QJsonObject& root) { root["published"] = recon; })
            << QStringLiteral("analysis.published: expected a list");
        QTest::newRow("published a file") << edited([&](QJsonObject& root) {
            QJsonObject file = recon;
            file["folder"] = false;
            file["data"] = QJsonArray{
                QJsonObject{{"name", "adsl.csv"}, {"size", 1}, {"sha256", QString(64, 'a')}}};
            root["published"] = QJsonArray{file};
        }) << QStringLiteral("analysis.published[0].folder: published arms are a folder");
        QTest::newRow("published without endpoint") << edited([&](QJsonObject& root) {
            QJsonObject folder = recon;
            folder.remove("endpoint");
            root["published"] = QJsonArray{recon, folder};
        }) << QStringLiteral("analysis.published[1].endpoint: missing");
        QTest::newRow("no ties") << edited([](QJsonObject& root) {
            QJsonObject state = root["state"].toObject();
            QJsonObject spec = state["spec"].toObject();
            spec.remove("ties");
            state["spec"] = spec;
            root["state"] = state;
        }) << QStringLiteral("analysis.state.spec.ties: missing");
        QTest::newRow("unknown ties") << edited([](QJsonObject& root) {
            QJsonObject state = root["state"].toObject();
            QJsonObject spec = state["spec"].toObject();
            spec["ties"] = "fast";
            state["spec"] = spec;
            root["state"] = state;
        }) << QStringLiteral("\"fast\" is not efron, breslow or exact");
        QTest::newRow("landmark not a number") << edited([](QJsonObject& root) {
            QJsonObject state = root["state"].toObject();
            QJsonObject spec = state["spec"].toObject();
            spec["landmarks"] = QJsonArray{"six"};
            state["spec"] = spec;
            root["state"] = state;
        }) << QStringLiteral("analysis.state.spec.landmarks[0]: expected a number");
        QTest::newRow("negative FH rho") << edited([](QJsonObject& root) {
            QJsonObject state = root["state"].toObject();
            QJsonObject spec = state["spec"].toObject();
            spec["fh_tests"] = QJsonArray{QJsonObject{{"rho", -1}, {"gamma", 0}}};
            state["spec"] = spec;
            root["state"] = state;
        }) << QStringLiteral("analysis.state.spec.fh_tests[0]: rho and gamma must not be negative");
        QTest::newRow("cut not a number") << edited([](QJsonObject& root) {
            QJsonObject state = root["state"].toObject();
            QJsonObject spec = state["spec"].toObject();
            spec["hr_cuts"] = QJsonArray{6, "twelve"};
            state["spec"] = spec;
            root["state"] = state;
        }) << QStringLiteral("analysis.state.spec.hr_cuts[1]: expected a number");
        QTest::newRow("no files") << edited([](QJsonObject& root) { root["files"] = QJsonArray(); })
                                  << QStringLiteral("analysis.files: no data files");
        // Every field within its range, not only of its type.
        QTest::newRow("version 1e300")
            << edited([](QJsonObject& root) { root["version"] = 1e300; })
            << QStringLiteral("analysis.version: 1e+300 is not a version "
                              "this TrialLens knows");
        QTest::newRow("version 1.5") << edited([](QJsonObject& root) { root["version"] = 1.5; })
                                     << QStringLiteral("analysis.version: 1.5 is not a version");
        QTest::newRow("version \"1\"") << edited([](QJsonObject& root) { root["version"] = "1"; })
                                       << QStringLiteral("analysis.version: expected a number");
        QTest::newRow("version 0") << edited([](QJsonObject& root) { root["version"] = 0; })
                                   << QStringLiteral("analysis.version: 0 is not a version");
        QTest::newRow("conf_level 1.5") << edited([](QJsonObject& root) {
            QJsonObject state = root["state"].toObject();
            QJsonObject spec = state["spec"].toObject();
            spec["conf_level"] = 1.5;
            state["spec"] = spec;
            root["state"] = state;
        }) << QStringLiteral("conf_level: 1.5 does not lie strictly");
        QTest::newRow("unknown time unit") << edited([](QJsonObject& root) {
            QJsonObject state = root["state"].toObject();
            QJsonObject spec = state["spec"].toObject();
            spec["time_unit"] = "fortnights";
            state["spec"] = spec;
            root["state"] = state;
        }) << QStringLiteral("\"fortnights\" is not days");
        QTest::newRow("digest name with a folder") << edited([](QJsonObject& root) {
            QJsonArray files = root["files"].toArray();
            QJsonObject file = files[0].toObject();
            QJsonArray data = file["data"].toArray();
            QJsonObject digest = data[0].toObject();
            digest["name"] = "../x";
            data[0] = digest;
            file["data"] = data;
            files[0] = file;
            root["files"] = files;
        }) << QStringLiteral("\"../x\" is not a plain file name");
        QTest::newRow("negative size") << edited([](QJsonObject& root) {
            QJsonArray files = root["files"].toArray();
            QJsonObject file = files[0].toObject();
            QJsonArray data = file["data"].toArray();
            QJsonObject digest = data[0].toObject();
            digest["size"] = -1;
            data[0] = digest;
            file["data"] = data;
            files[0] = file;
            root["files"] = files;
        }) << QStringLiteral("size: -1 is not a whole number");
        QTest::newRow("sha256 not hex") << edited([](QJsonObject& root) {
            QJsonArray files = root["files"].toArray();
            QJsonObject file = files[0].toObject();
            QJsonArray data = file["data"].toArray();
            QJsonObject digest = data[0].toObject();
            digest["sha256"] = QString(64, 'Z');
            data[0] = digest;
            file["data"] = data;
            files[0] = file;
            root["files"] = files;
        }) << QStringLiteral("sha256: expected 64 lowercase hex");
        QTest::newRow("demo with files") << edited([](QJsonObject& root) { root["demo"] = true; })
                                         << QStringLiteral("analysis.files: the demo has no data");
        // The KM figure's choices: typed, and ones the figure can draw.
        const auto km_edited = [&](auto edit) {
            return edited([&](QJsonObject& root) {
                QJsonObject km = root["km_figure"].toObject();
                edit(km);
                root["km_figure"] = km;
            });
        };
        QTest::newRow("km_figure a list")
            << edited([](QJsonObject& root) { root["km_figure"] = QJsonArray{}; })
            << QStringLiteral("analysis.km_figure: expected an object");
        QTest::newRow("km ci_bands a string")
            << km_edited([](QJsonObject& km) { km["ci_bands"] = "yes"; })
            << QStringLiteral("analysis.km_figure.ci_bands: expected true or false");
        QTest::newRow("km no percent") << km_edited([](QJsonObject& km) { km.remove("percent"); })
                                       << QStringLiteral("analysis.km_figure.percent: missing");
        QTest::newRow("km x_limit a string")
            << km_edited([](QJsonObject& km) { km["x_limit"] = "24"; })
            << QStringLiteral("analysis.km_figure.x_limit: expected a number");
        QTest::newRow("km x_limit negative")
            << km_edited([](QJsonObject& km) { km["x_limit"] = -1; })
            << QStringLiteral("analysis.km_figure: the x-axis limit must be a positive");
        QTest::newRow("km too many breaks")
            << km_edited([](QJsonObject& km) {
                   km["x_limit"] = 1e9;
                   km["break_by"] = 1;
               })
            << QStringLiteral("analysis.km_figure: a break every 1 up to 1e+09 makes more than %1")
                   .arg(km_max_breaks);
        QTest::newRow("km x_label too long")
            << km_edited([](QJsonObject& km) { km["x_label"] = QString(100000, 'x'); })
            << QStringLiteral("analysis.km_figure: the x-axis title has 100000 characters");
        QTest::newRow("km y_scale sideways")
            << km_edited([](QJsonObject& km) { km["y_scale"] = "sideways"; })
            << QStringLiteral(
                   "analysis.km_figure.y_scale: \"sideways\" is not survival or cumulative");
        QTest::newRow("km risk_table all")
            << km_edited([](QJsonObject& km) { km["risk_table"] = "all"; })
            << QStringLiteral(
                   "analysis.km_figure.risk_table: \"all\" is not at-risk, events or kmunicate");
    }
    // A file saved before the KM figure's choices were: the defaults.
    void analysisWithoutKmFigureReadsAsTheDefaults() {
        SavedAnalysis analysis = pilot_document();
        analysis.km_figure = full_km_figure();
        QJsonObject root = QJsonDocument::fromJson(to_json(analysis)).object();
        QVERIFY(root.contains("km_figure"));
        root.remove("km_figure");
        QString error;
        const auto back = from_json(QJsonDocument(root).toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QVERIFY(back->km_figure == KmFigureOptions{});
        analysis.km_figure = {};
        QVERIFY(*back == analysis);
    }

    void malformedDocumentSaysWhatIsWrong() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!from_json(json, &error).has_value());
        QVERIFY2(error.contains(message), qPrintable(error));

        // Opening it warns with the same words and leaves the window as it was.
        QTemporaryDir folder;
        const QString file = folder.filePath("bad.triallens.json");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json);
        out.close();
        Workspace w;
        QVERIFY(w.settled());
        QVERIFY(!w.document()->open(file));
        QCOMPARE(w.warnings.size(), 1);
        QVERIFY2(w.warnings.front().contains(message), qPrintable(w.warnings.front()));
        QVERIFY(w.warnings.front().contains("bad.triallens.json"));
        QVERIFY(w.controller.study() == demo());
    }

    // SHA-256 of known content, a folder's data files as the loader lists
    // them, and verify_files telling OK from missing from changed.
    void hashesAndVerifiesFiles() {
        QTemporaryDir folder;
        QFile abc(folder.filePath("adsl.csv"));
        QVERIFY(abc.open(QIODevice::WriteOnly));
        abc.write("abc");
        abc.close();
        QFile notes(folder.filePath("notes.md")); // not a data file
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.close();
        QString error;
        const auto files = hash_files({folder.filePath("adsl.csv"), folder.path()}, &error);
        QVERIFY2(files.has_value(), qPrintable(error));
        QCOMPARE(files->size(), std::size_t{2});
        const FileDigest expected{
            "adsl.csv", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"};
        QCOMPARE(files->at(0).data, std::vector<FileDigest>{expected});
        QVERIFY(!files->at(0).folder);
        QVERIFY(files->at(1).folder);
        QCOMPARE(files->at(1).data, std::vector<FileDigest>{expected});

        SavedAnalysis analysis;
        analysis.files = *files;
        for (const FileCheck& check : verify_files(analysis)) {
            QCOMPARE(check.status, FileStatus::Ok);
        }
        QVERIFY(abc.open(QIODevice::Append));
        abc.write("d");
        abc.close();
        auto checks = verify_files(analysis);
        QCOMPARE(checks[0].status, FileStatus::Changed);
        QVERIFY2(checks[0].detail.contains("size 3 → 4 bytes"), qPrintable(checks[0].detail));
        QCOMPARE(checks[1].status, FileStatus::Changed);
        QVERIFY(QFile::remove(folder.filePath("adsl.csv")));
        checks = verify_files(analysis);
        QCOMPARE(checks[0].status, FileStatus::Missing);
        QCOMPARE(checks[1].status, FileStatus::Changed);
        QVERIFY2(checks[1].detail.contains("adsl.csv removed"), qPrintable(checks[1].detail));

        QVERIFY(!hash_files({folder.filePath("gone.csv")}, &error));
        QVERIFY(error.contains("gone.csv"));
    }

    // A relative data path is relative to the analysis file, wherever the
    // app was started.
    void relativeDataPathsResolveBesideTheAnalysis() {
        QTemporaryDir folder;
        Workspace first;
        first.load(copy_pilot(folder.path()));
        const QString file = folder.filePath("relative.triallens.json");
        QVERIFY(first.save(file));
        edit_json(file, [](QJsonObject& root) {
            QJsonArray files = root["files"].toArray();
            for (qsizetype i = 0; i < files.size(); ++i) {
                QJsonObject entry = files[i].toObject();
                entry["path"] = QFileInfo(entry["path"].toString()).fileName();
                files[i] = entry;
            }
            root["files"] = files;
        });
        QTemporaryDir elsewhere;
        const QString started_in = QDir::currentPath();
        QVERIFY(QDir::setCurrent(elsewhere.path()));
        QString error;
        const auto read = read_saved_analysis(file, &error);
        QVERIFY2(read.has_value(), qPrintable(error));
        const QStringList beside{folder.filePath("adsl.xpt"), folder.filePath("adtte.xpt")};
        QCOMPARE(read->paths(), beside);

        Workspace second;
        QVERIFY(second.settled());
        QVERIFY(second.document()->open(file));
        const bool restored = caught(*second.restored);
        QDir::setCurrent(started_in);
        QVERIFY(restored);
        QVERIFY(second.confirmed.isEmpty());
        QCOMPARE(second.window->workspace()->paths(), beside);
    }

    // The spec's filter must be the one the saved Filters choices give: else
    // the dock and the figures would disagree. A hostile filter (40,000
    // parentheses deep, 200 KB) is refused by that check before anything
    // parses it: a warning naming both, never a crash.
    void filterOtherThanTheFiltersGiveIsRefused_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("message");
        QTest::newRow("another filter")
            << QStringLiteral("PDL1STAT == \"Positive\"")
            << QStringLiteral("\"PDL1STAT == \"Positive\"\" is not the filter the saved "
                              "Filters choices give on this study (no filter)");
        const QString deep =
            QString(40000, '(') + QStringLiteral("SAFFL == \"Y\"") + QString(40000, ')');
        QTest::newRow("40,000 parentheses deep")
            << deep << QStringLiteral("\"%1…\" is not the filter").arg(deep.left(80));
    }
    void filterOtherThanTheFiltersGiveIsRefused() {
        QFETCH(QString, filter);
        QFETCH(QString, message);
        Workspace first;
        QVERIFY(first.settled());
        QTemporaryDir folder;
        const QString file = folder.filePath("filter.triallens.json");
        QVERIFY(first.save(file));
        edit_json(file, [&](QJsonObject& root) { set_saved_filter(root, filter); });

        Workspace second;
        second.load({pilot + "adsl.xpt", pilot + "adtte.xpt"});
        const auto study = second.controller.study();
        QVERIFY(!second.document()->open(file));
        QCOMPARE(second.warnings.size(), 1);
        QVERIFY2(second.warnings.front().contains(message), qPrintable(second.warnings.front()));
        QVERIFY(second.controller.study() == study);
        QCOMPARE(second.restored->count(), 0);

        // With data files the check comes once they have loaded, before the
        // loaded study replaces the current one: the window stays as it was.
        QTemporaryDir data;
        Workspace third;
        third.load(copy_pilot(data.path()));
        const QString saved = data.filePath("files.triallens.json");
        QVERIFY(third.save(saved));
        edit_json(saved, [&](QJsonObject& root) { set_saved_filter(root, filter); });
        Workspace fourth;
        QVERIFY(fourth.settled());
        QVERIFY(fourth.document()->open(saved));
        QVERIFY(caught(*fourth.abandoned));
        QCOMPARE(fourth.warnings.size(), 1);
        QVERIFY2(fourth.warnings.front().contains("is not the filter"),
                 qPrintable(fourth.warnings.front()));
        QCOMPARE(fourth.restored->count(), 0);
        QVERIFY(fourth.settled());
        QVERIFY(fourth.controller.spec().filter.empty());
        QCOMPARE(fourth.loaded->count(), 1);          // the files did load…
        QVERIFY(fourth.controller.study() == demo()); // …and were not shown
        QVERIFY(fourth.window->workspace()->paths().isEmpty());
    }

    // A data path that is a FIFO, a device or a folder where a file was saved
    // is refused by stat, never opened: the window shows at once, the check
    // runs off the GUI thread, and the question names the file and why.
    void dataPathThatIsNotARegularFileIsRefusedAtOnce_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("why");
        QTest::newRow("FIFO") << "fifo"
                              << "not a regular file (a FIFO)";
        QTest::newRow("/dev/zero") << "device"
                                   << "not a regular file (a device)";
        QTest::newRow("folder") << "folder"
                                << "now a folder";
    }
    void dataPathThatIsNotARegularFileIsRefusedAtOnce() {
        QFETCH(QString, kind);
        QFETCH(QString, why);
        QTemporaryDir folder;
        Workspace first;
        first.load(copy_pilot(folder.path()));
        const QString file = folder.filePath("hostile.triallens.json");
        QVERIFY(first.save(file));
        QString path = folder.filePath("adsl.xpt");
        if (kind == "fifo") {
            path = folder.filePath("fifo.xpt");
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == "device") {
            path = QStringLiteral("/dev/zero");
        } else {
            path = folder.filePath("a-folder");
            QVERIFY(QDir().mkpath(path));
        }
        edit_json(file, [&](QJsonObject& root) { set_first_path(root, path); });

        // Saving refuses such a path too, before opening it.
        QString error;
        QVERIFY(!hash_files({path}, &error) || kind == "folder");
        QVERIFY2(kind == "folder" || error.contains(why), qPrintable(error));

        Workspace second;
        second.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(second.window.get()));
        second.answer = false;
        QVERIFY(second.document()->open(file));
        QVERIFY(second.confirmed.isEmpty()); // the answer comes from the worker, later
        QVERIFY(caught(*second.abandoned));
        QCOMPARE(second.confirmed.size(), 1);
        const QString text = second.confirmed.front();
        QVERIFY2(text.contains(QDir::toNativeSeparators(path)) && text.contains(why),
                 qPrintable(text));
        QCOMPARE(second.loaded->count(), 0);
        QVERIFY(second.controller.study() == demo());
    }

    // Cancel while the files are checked: nothing loads.
    void cancellingTheCheckKeepsTheStudy() {
        QTemporaryDir folder;
        Workspace first;
        first.load(copy_pilot(folder.path()));
        const QString file = folder.filePath("cancel.triallens.json");
        QVERIFY(first.save(file));
        Workspace second;
        QVERIFY(second.settled());
        QVERIFY(second.document()->open(file));
        second.document()->cancelOpen();
        QVERIFY(caught(*second.abandoned));
        QTest::qWait(200);
        QCOMPARE(second.loaded->count(), 0);
        QVERIFY(second.confirmed.isEmpty());
        QVERIFY(second.controller.study() == demo());
    }

    // The issue's check: a saved analysis reopens to equal Results.
    void pilotAnalysisReopensToEqualResults() {
        Workspace first;
        set_up_pilot(first, {pilot + "adsl.xpt", pilot + "adtte.xpt"});
        QTemporaryDir folder;
        const QString file = folder.filePath("pilot.triallens.json");
        QVERIFY(first.save(file));
        QVERIFY(first.warnings.isEmpty());

        Workspace second;
        QVERIFY(second.settled());
        QVERIFY(second.document()->open(file));
        QVERIFY(caught(*second.restored));
        QVERIFY(second.confirmed.isEmpty()); // the files are as saved: no question
        QVERIFY(second.settled());
        QVERIFY(second.controller.spec() == first.controller.spec());
        QVERIFY(second.window->workspace()->state() == first.window->workspace()->state());
        QCOMPARE(second.window->workspace()->undoStack()->count(), 0); // not the user's steps
        QStringList absolute;
        for (const QString& path : first.window->workspace()->paths()) {
            absolute << QFileInfo(path).absoluteFilePath();
        }
        QCOMPARE(second.window->workspace()->paths(), absolute);
        compare_results(second.results(), first.results());

        // The focused row, its curves on the Survival tab, and the tab.
        QCOMPARE(second.window->workspace()->focusVariable(), QStringLiteral("AGEGR1"));
        QCOMPARE(second.window->workspace()->focusLevel(), QStringLiteral(">80"));
        QVERIFY(second.controller.focus() == first.controller.focus());
        QVERIFY(second.controller.focus().has_value());
        QCOMPARE(second.results().focus->level, std::string(">80"));
        QCOMPARE(second.window->forestView()->selectedRow(),
                 first.window->forestView()->selectedRow());
        QCOMPARE(tabs_of(*second.window)->currentIndex(), 1);
    }

    // Both files moved to another folder: the user points to the first, the
    // second is found beside it, and the study loads from there.
    void movedFilesAreAskedForAndLoadFromTheNewPlace() {
        QTemporaryDir was;
        QTemporaryDir now;
        Workspace first;
        set_up_pilot(first, copy_pilot(was.path()));
        const QString file = now.filePath("moved.triallens.json");
        QVERIFY(first.save(file));
        for (const QString& name : {QStringLiteral("adsl.xpt"), QStringLiteral("adtte.xpt")}) {
            QVERIFY(
                QFile::rename(QDir(was.path()).filePath(name), QDir(now.path()).filePath(name)));
        }

        Workspace second;
        QVERIFY(second.settled());
        second.moved_to = now.path();
        QVERIFY(second.document()->open(file));
        QTRY_COMPARE_WITH_TIMEOUT(second.confirmed.size(), 1, 30000);
        QVERIFY(second.confirmed.front().contains(QDir(was.path()).filePath("adsl.xpt")));
        QVERIFY(second.confirmed.front().contains(QDir(was.path()).filePath("adtte.xpt")));
        QVERIFY(second.confirmed.front().contains("missing"));
        QCOMPARE(second.located, QStringList{QDir(was.path()).filePath("adsl.xpt")});
        QVERIFY(caught(*second.restored));
        QVERIFY(second.settled());
        QCOMPARE(second.window->workspace()->paths(),
                 (QStringList{QDir(now.path()).filePath("adsl.xpt"),
                              QDir(now.path()).filePath("adtte.xpt")}));
        compare_results(second.results(), first.results());
    }

    // Cancelling the point-to-it dialog leaves the window as it was.
    void cancellingTheSearchForAMovedFileKeepsTheStudy() {
        QTemporaryDir was;
        Workspace first;
        first.load(copy_pilot(was.path()));
        const QString file = was.filePath("a.triallens.json");
        QVERIFY(first.save(file));
        QVERIFY(QFile::remove(was.filePath("adtte.xpt")));

        Workspace second;
        QVERIFY(second.settled());
        QVERIFY(second.document()->open(file)); // moved_to empty: locate cancels
        QVERIFY(caught(*second.abandoned));
        QCOMPARE(second.located, QStringList{was.filePath("adtte.xpt")});
        QTest::qWait(200);
        QCOMPARE(second.loaded->count(), 0);
        QVERIFY(second.controller.study() == demo());
    }

    void changedFileIsReported() {
        QTemporaryDir folder;
        Workspace first;
        first.load(copy_pilot(folder.path()));
        const QString file = folder.filePath("changed.triallens.json");
        QVERIFY(first.save(file));
        QFile adsl(folder.filePath("adsl.xpt"));
        QVERIFY(adsl.open(QIODevice::Append));
        adsl.write(" ");
        adsl.close();

        Workspace second;
        QVERIFY(second.settled());
        second.answer = false; // Cancel
        QVERIFY(second.document()->open(file));
        QVERIFY(caught(*second.abandoned));
        QCOMPARE(second.confirmed.size(), 1);
        const QString text = second.confirmed.front();
        QVERIFY2(text.contains(QDir::toNativeSeparators(folder.filePath("adsl.xpt"))) &&
                     text.contains("changed") && text.contains("bytes"),
                 qPrintable(text));
        QVERIFY(!text.contains("adtte.xpt")); // only the file with a problem is named
        QVERIFY(second.located.isEmpty());
        QTest::qWait(200);
        QCOMPARE(second.loaded->count(), 0);

        // Open Anyway goes on to load the files as they are now.
        second.answer = true;
        QSignalSpy failed(second.window->workspace()->loader(), &StudyLoader::failed);
        QVERIFY(second.document()->open(file));
        QTRY_COMPARE_WITH_TIMEOUT(second.confirmed.size(), 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(second.loaded->count() + failed.count() > 0, 30000);
    }

    // One file moved and another changed: after pointing to the moved one,
    // the user is asked about the changed one before anything loads.
    void movedAndChangedFilesAreBothAskedAbout() {
        QTemporaryDir was;
        QTemporaryDir now;
        Workspace first;
        first.load(copy_pilot(was.path()));
        const QString file = now.filePath("both.triallens.json");
        QVERIFY(first.save(file));
        QVERIFY(QFile::rename(was.filePath("adtte.xpt"), now.filePath("adtte.xpt")));
        QFile adsl(was.filePath("adsl.xpt"));
        QVERIFY(adsl.open(QIODevice::Append));
        adsl.write(" ");
        adsl.close();

        Workspace second;
        QVERIFY(second.settled());
        second.moved_to = now.path();
        second.answer = false; // Locate Files… is accepted below, Open Anyway is not
        bool first_question = true;
        second.document()->setPrompts({[&](const QString& text, const QString& proceed) {
                                           second.confirmed << text + " / " + proceed;
                                           const bool go = first_question;
                                           first_question = false;
                                           return go;
                                       },
                                       [&](const SavedFile&) { return now.filePath("adtte.xpt"); },
                                       [&](const QString& text) { second.warnings << text; }});
        QSignalSpy abandoned(second.document(), &AnalysisDocument::abandoned);
        QVERIFY(second.document()->open(file));
        QVERIFY(caught(abandoned));
        QCOMPARE(second.confirmed.size(), 2);
        QVERIFY(second.confirmed[0].endsWith("Locate Files…"));
        QVERIFY(second.confirmed[1].contains(QDir::toNativeSeparators(was.filePath("adsl.xpt"))));
        QVERIFY(second.confirmed[1].endsWith("Open Anyway"));
        QTest::qWait(200);
        QCOMPARE(second.loaded->count(), 0);
    }

    // The demo (no files) saves demo: true and reopens on the demo, from a
    // window showing another study.
    void demoRoundTrips() {
        Workspace first;
        QVERIFY(first.settled());
        const int breslow = first.settings()->tiesBox()->findData(QStringLiteral("breslow"));
        first.settings()->tiesBox()->setCurrentIndex(breslow);
        QVERIFY(first.settled());
        QCOMPARE(first.results().cox->ties, std::string("breslow"));
        tabs_of(*first.window)->setCurrentIndex(4);
        QTemporaryDir folder;
        const QString file = folder.filePath("demo.triallens.json");
        QVERIFY(first.save(file));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QJsonObject saved = QJsonDocument::fromJson(in.readAll()).object();
        QCOMPARE(saved["demo"].toBool(), true);
        QVERIFY(saved["files"].toArray().isEmpty());

        Workspace second;
        second.load({pilot + "adsl.xpt", pilot + "adtte.xpt"});
        QVERIFY(second.document()->open(file));
        QCOMPARE(second.restored->count(), 1);
        QVERIFY(second.settled());
        QVERIFY(second.controller.study()->synthetic);
        QVERIFY(second.window->workspace()->paths().isEmpty());
        QVERIFY(second.window->workspace()->state() == first.window->workspace()->state());
        compare_results(second.results(), first.results());
        QCOMPARE(tabs_of(*second.window)->currentIndex(), 4);
    }

    // The Survival view's figure choices are saved with the analysis and
    // restored in a fresh window; its font and palette stay the view's.
    void windowSavesAndRestoresTheKmFigureChoices() {
        Workspace first;
        QVERIFY(first.settled());
        KmFigureOptions chosen = full_km_figure();
        chosen.x_limit = 24;
        chosen.break_by = 0.1 + 0.2;
        first.window->kmView()->setOptions(chosen);
        QVERIFY(first.window->kmView()->options() == chosen);
        QTemporaryDir folder;
        const QString file = folder.filePath("km.triallens.json");
        QVERIFY(first.save(file));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QJsonObject saved = QJsonDocument::fromJson(in.readAll())["km_figure"].toObject();
        QCOMPARE(saved["risk_table"].toString(), QStringLiteral("kmunicate"));
        QCOMPARE(saved["break_by"].toDouble(), 0.1 + 0.2);

        Workspace second;
        QVERIFY(second.settled());
        QVERIFY(second.window->kmView()->options() == KmFigureOptions{});
        QVERIFY(second.document()->open(file));
        QVERIFY(caught(*second.restored));
        QVERIFY(second.window->kmView()->options() == first.window->kmView()->options());
    }

    // `triallens pilot.triallens.json`, or a double-click in a file manager:
    // the app starts with no study (main opens the demo only when no file is
    // named); the analysis loads its own files and restores its settings,
    // focused row and tab. Dropped on a window, it restores too, rather than
    // being taken for one more site file.
    void analysisNamedOnTheCommandLineRestoresItsView() {
        Workspace first;
        set_up_pilot(first, {pilot + "adsl.xpt", pilot + "adtte.xpt"});
        QTemporaryDir folder;
        const QString file = folder.filePath("pilot.triallens.json");
        QVERIFY(first.save(file));

        RefitController controller;
        MainWindow window(&controller);
        QSignalSpy restored(window.analysisDocument(), &AnalysisDocument::restored);
        window.show();
        window.openFiles({file}, false);
        QVERIFY(caught(restored));
        QVERIFY(QTest::qWaitFor([&] { return !controller.busy() && controller.results(); }, 30000));
        QVERIFY(window.workspace()->state() == first.window->workspace()->state());
        compare_results(*controller.results(), first.results());
        QCOMPARE(window.workspace()->focusVariable(), QStringLiteral("AGEGR1"));
        QCOMPARE(window.workspace()->focusLevel(), QStringLiteral(">80"));
        QCOMPARE(tabs_of(window)->currentIndex(), 1);

        Workspace dropped_on;
        QVERIFY(dropped_on.settled());
        workspace_test::drop(*dropped_on.window, {file});
        QVERIFY(caught(*dropped_on.restored));
        QVERIFY(dropped_on.settled());
        QVERIFY(dropped_on.window->workspace()->state() == first.window->workspace()->state());
        QCOMPARE(dropped_on.window->workspace()->paths().size(),
                 first.window->workspace()->paths().size());
    }

    // Saving hashes the files off the GUI thread: save() returns before the
    // file is written (the write waits for the worker's result, delivered by
    // the event loop), and a cancelled save writes nothing.
    void savingHashesOffTheGuiThread() {
        QTemporaryDir folder;
        Workspace w;
        w.load(copy_pilot(folder.path()));
        const QString file = folder.filePath("later.triallens.json");
        QSignalSpy saved(w.document(), &AnalysisDocument::saved);
        QSignalSpy failed(w.document(), &AnalysisDocument::saveFailed);
        QVERIFY(w.document()->save(file));
        QVERIFY(w.document()->savingFiles());
        QVERIFY(!QFile::exists(file));
        QVERIFY(caught(saved));
        QCOMPARE(saved.front().front().toString(), file);
        QVERIFY(!w.document()->savingFiles());
        QCOMPARE(failed.count(), 0);
        QString error;
        const auto read = read_saved_analysis(file, &error);
        QVERIFY2(read.has_value(), qPrintable(error));
        QCOMPARE(read->files.size(), std::size_t{2});
        QCOMPARE(read->files.front().data.front().size, QFileInfo(pilot + "adsl.xpt").size());

        const QString cancelled = folder.filePath("cancelled.triallens.json");
        QVERIFY(w.document()->save(cancelled));
        w.document()->cancelSave();
        QCOMPARE(failed.count(), 1);
        QTest::qWait(300);
        QVERIFY(!QFile::exists(cancelled));
        QCOMPARE(saved.count(), 1);
        QVERIFY(w.warnings.isEmpty()); // the user's own cancel is not an error

        // A file gone since it was loaded: the worker's warning names it.
        QVERIFY(QFile::remove(folder.filePath("adtte.xpt")));
        QVERIFY(w.document()->save(cancelled));
        QVERIFY(QTest::qWaitFor([&] { return failed.count() == 2; }, 30000));
        QCOMPARE(w.warnings.size(), 1);
        QVERIFY2(w.warnings.front().contains("adtte.xpt"), qPrintable(w.warnings.front()));
        QVERIFY(!QFile::exists(cancelled));
    }

    // An analysis opened while another's files are still checked takes its
    // place: the first says abandoned() (never silence), the second restores.
    void openingAnotherAnalysisAbandonsTheFirst() {
        QTemporaryDir folder;
        Workspace first;
        set_up_pilot(first, copy_pilot(folder.path()));
        const QString focused = folder.filePath("focused.triallens.json");
        QVERIFY(first.save(focused));
        first.window->workspace()->focusSubgroup({}, {});
        QVERIFY(first.settled());
        const QString plain = folder.filePath("plain.triallens.json");
        QVERIFY(first.save(plain));

        Workspace second;
        QVERIFY(second.settled());
        QVERIFY(second.document()->open(focused));
        QVERIFY(second.document()->checkingFiles());
        QVERIFY(second.document()->open(plain));
        QCOMPARE(second.abandoned->count(), 1);
        QVERIFY(caught(*second.restored));
        QVERIFY(second.settled());
        QTest::qWait(200);
        QCOMPARE(second.restored->count(), 1);
        QCOMPARE(second.abandoned->count(), 1);
        QVERIFY(second.window->workspace()->state() == first.window->workspace()->state());
        QVERIFY(!second.window->workspace()->state().focus.has_value());
    }

    // Data files beside an analysis are not mixed into it: the analysis
    // opens alone and the status bar says what was left.
    void analysisWithDataFilesOpensTheAnalysisAlone() {
        Workspace first;
        QVERIFY(first.settled());
        QTemporaryDir folder;
        const QString file = folder.filePath("demo.triallens.json");
        QVERIFY(first.save(file));
        Workspace second;
        second.load({pilot + "adsl.xpt", pilot + "adtte.xpt"});
        second.window->openFiles({pilot + "adae.xpt", file}, false);
        QCOMPARE(second.restored->count(), 1); // the demo restores at once
        QVERIFY(second.settled());
        QVERIFY(second.controller.study()->synthetic);
        QVERIFY(second.window->statusBar()->currentMessage().contains("demo.triallens.json"));
        QVERIFY(is_saved_analysis(QStringLiteral("/x/Renamed.JSON")));
        QVERIFY(!is_saved_analysis(QStringLiteral("/x/adsl.csv")));
    }

    // Save Analysis… and Open Analysis… are in the File menu; Ctrl+S saves.
    void fileMenuHasSaveAndOpen() {
        Workspace w;
        QStringList titles;
        QAction* save = nullptr;
        for (QAction* action : w.window->menuBar()->actions().front()->menu()->actions()) {
            titles << action->text();
            if (action->shortcut() == QKeySequence(QKeySequence::Save)) {
                save = action;
            }
        }
        QVERIFY2(titles.contains("&Save Analysis…"), qPrintable(titles.join(", ")));
        QVERIFY(titles.contains("Op&en Analysis…"));
        QCOMPARE(save, w.document()->saveAction());
    }
};

QTEST_MAIN(TestSavedAnalysis)
#include "test_saved_analysis.moc"
