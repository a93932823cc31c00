// The man page (packaging/triallens.1.in) and the bash completion
// (packaging/triallens.bash-completion) kept complete against the binary they
// document: every flag the parser accepts is in `triallens --help`; every flag
// of a --help group is described in the man page's section of that group and
// offered by the completion for that command; every command is in both; and
// `triallens --version` prints project(VERSION), the one version.
// The man page writes a flag as roff's minus signs: --time-unit is
// \-\-time\-unit there.

#include "../test_paths.h"
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString man_page_path =
    QString::fromStdString(TRIALLENS_SOURCE_DIR + "/packaging/triallens.1.in");
const QString completion_path =
    QString::fromStdString(TRIALLENS_SOURCE_DIR + "/packaging/triallens.bash-completion");

QString read_text(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString run_triallens(const QStringList& arguments) {
    QProcess process;
    process.start(QString::fromStdString(TRIALLENS_BINARY), arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The man page without its comment lines (.\" ...), which name flags as
// examples.
QString man_page_text() {
    QStringList lines = read_text(man_page_path).split(QLatin1Char('\n'));
    lines.removeIf([](const QString& line) { return line.startsWith(QStringLiteral(".\\\"")); });
    return lines.join(QLatin1Char('\n'));
}

// The flags a text names (--flag), each once, in order of appearance.
QStringList long_flags(const QString& text) {
    static const QRegularExpression flag(QStringLiteral(R"((?<![\w-])--[a-z][a-z0-9-]*)"));
    QStringList flags;
    for (const QRegularExpressionMatch& match : flag.globalMatch(text)) {
        if (!flags.contains(match.captured())) {
            flags << match.captured();
        }
    }
    return flags;
}

// --help's flags by the group that lists them: "analyze", "ae", "export",
// "demo", "workspace" (from headers like "ae options (...):"), each the flags
// its option lines begin with ("  --width W, --height H  physical size ..."),
// not those its descriptions mention; and "" for every flag of the usage lines
// before the first group.
QMap<QString, QStringList> help_flags_by_group(const QString& help) {
    static const QRegularExpression header(QStringLiteral(R"(^(\w+) options?\b.*:$)"));
    static const QRegularExpression option_line(QStringLiteral(R"(^  (--.*?)(?:  |$))"));
    QMap<QString, QStringList> groups;
    QString group;
    for (const QString& line : help.split(QLatin1Char('\n'))) {
        if (const QRegularExpressionMatch match = header.match(line); match.hasMatch()) {
            group = match.captured(1);
            groups[group];
        } else if (group.isEmpty()) {
            groups[group] += long_flags(line);
        } else if (const QRegularExpressionMatch option = option_line.match(line);
                   option.hasMatch()) {
            groups[group] += long_flags(option.captured(1));
        }
    }
    groups[QString()].removeDuplicates();
    return groups;
}

// The flags and command words parse_command_line compares its arguments with.
QStringList parser_words() {
    const QString source =
        read_text(QString::fromStdString(TRIALLENS_SOURCE_DIR + "/app/cli/command_line.cpp"));
    static const QRegularExpression compared(QStringLiteral(
        R"re(arg == "(-{1,2}[a-z][a-z0-9-]*)"|\{"(-{0,2}[a-z][a-z0-9-]*)", Command::)re"));
    QStringList words;
    for (const QRegularExpressionMatch& match : compared.globalMatch(source)) {
        const QString word = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        if (!words.contains(word)) {
            words << word;
        }
    }
    return words;
}

QString man_escaped(QString word) {
    return word.replace(QLatin1Char('-'), QStringLiteral(R"(\-)"));
}

// Whether the man page text names `word` (a flag or command) as a whole word.
bool man_names(const QString& text, const QString& word) {
    const QRegularExpression named(QStringLiteral(R"((?<!\\-|\w))") +
                                   QRegularExpression::escape(man_escaped(word)) +
                                   QStringLiteral(R"((?!\\-|\w))"));
    return named.match(text).hasMatch();
}

// The man page text from `.SS "<group> options"` to the next .SS or .SH.
QString man_section(const QString& text, const QString& group) {
    const QRegularExpression section(
        QStringLiteral(R"(^\.SS "%1 options"\n(.*?)(?=^\.S[SH] ))").arg(group),
        QRegularExpression::MultilineOption | QRegularExpression::DotMatchesEverythingOption);
    return section.match(text).captured(1);
}

// Whether a section describes `flag` in the tag of a .TP entry.
bool section_describes(const QString& section, const QString& flag) {
    const QStringList lines = section.split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i - 1].startsWith(QStringLiteral(".TP")) && man_names(lines[i], flag)) {
            return true;
        }
    }
    return false;
}

// bash-completion's loader, when installed: the completion is checked with
// its helpers as well as without them.
QString bash_completion_library() {
    const QString path = qEnvironmentVariable(
        "TRIALLENS_BASH_COMPLETION", QStringLiteral("/usr/share/bash-completion/bash_completion"));
    return QFile::exists(path) ? path : QString();
}

// COMPREPLY of the completion for a command line whose last word is being
// completed, run in `directory`, sorted.
QStringList complete(const QStringList& words, const QString& directory,
                     const QString& library = QString()) {
    const QString script = QStringLiteral(R"(
        [[ -n $2 ]] && source "$2"
        source "$1"
        shift 2
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        _triallens
        printf '%s\n' "${COMPREPLY[@]}"
    )");
    QProcess bash;
    bash.setWorkingDirectory(directory);
    bash.start(QStringLiteral("bash"),
               QStringList{QStringLiteral("--norc"), QStringLiteral("--noprofile"),
                           QStringLiteral("-c"), script, QStringLiteral("bash"), completion_path,
                           library} +
                   words);
    bash.waitForFinished(30000);
    QStringList replies = QString::fromUtf8(bash.readAllStandardOutput())
                              .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    replies.sort();
    return replies;
}

QStringList sorted(QStringList words) {
    words.sort();
    return words;
}

} // namespace

class TestCliDocs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        help_ = run_triallens({QStringLiteral("--help")});
        QVERIFY(help_.startsWith(QStringLiteral("TrialLens")));
        man_ = man_page_text();
        QVERIFY2(man_.contains(QStringLiteral(".TH TRIALLENS 1")), qPrintable(man_page_path));
        QVERIFY2(QFile::exists(completion_path), qPrintable(completion_path));
    }

    // "Version from one place": project(VERSION) in CMakeLists.txt.
    void versionIsTheProjectVersion() {
        QCOMPARE(run_triallens({QStringLiteral("--version")}),
                 QStringLiteral("triallens " TRIALLENS_PROJECT_VERSION "\n"));
    }

    // The packaging step fills .TH by configure_file from the same version.
    void manPageTakesVersionAndDateFromConfigure() {
        static const QRegularExpression title(
            QStringLiteral(
                R"(^\.TH TRIALLENS 1 "@TRIALLENS_RELEASE_DATE@" "TrialLens @PROJECT_VERSION@" )"),
            QRegularExpression::MultilineOption);
        QVERIFY(title.match(man_).hasMatch());
    }

    void everyParserFlagIsInHelp() {
        const QStringList help_flags = long_flags(help_);
        for (const QString& word : parser_words()) {
            if (word.startsWith(QStringLiteral("--"))) {
                QVERIFY2(help_flags.contains(word), qPrintable(word + " is not in --help"));
            }
        }
    }

    // Flags and commands alike, -h and help included.
    void everyParserWordIsInManPage() {
        const QStringList words = parser_words();
        QVERIFY(words.size() > 40);
        for (const QString& word : words) {
            QVERIFY2(man_names(man_, word),
                     qPrintable(man_escaped(word) + " is not in " + man_page_path));
        }
    }

    // OPTIONS has one subsection per group of --help, each describing the
    // group's flags; the usage lines' flags are named somewhere.
    void everyHelpFlagIsDescribedInItsManSection() {
        const QMap<QString, QStringList> groups = help_flags_by_group(help_);
        QCOMPARE(groups.keys(), (QStringList{QString(), "ae", "analyze", "baseline", "demo",
                                             "export", "reconstruct", "response", "workspace"}));
        for (auto group = groups.begin(); group != groups.end(); ++group) {
            const QString section = group.key().isEmpty() ? man_ : man_section(man_, group.key());
            QVERIFY2(!section.isEmpty(), qPrintable("no .SS \"" + group.key() + " options\""));
            QVERIFY(!group.value().isEmpty());
            for (const QString& flag : group.value()) {
                QVERIFY2(group.key().isEmpty() ? man_names(section, flag)
                                               : section_describes(section, flag),
                         qPrintable(man_escaped(flag) + " is not described under " + group.key() +
                                    " options in " + man_page_path));
            }
        }
    }

    // Each command of the usage lines (and help) is in the man page's
    // SYNOPSIS and COMMANDS, and the completion offers it first.
    void everyCommandIsInManPageAndCompletion() {
        static const QRegularExpression usage(QStringLiteral(R"(^  triallens ([a-z]+) )"),
                                              QRegularExpression::MultilineOption);
        QStringList commands{QStringLiteral("help")};
        for (const QRegularExpressionMatch& match : usage.globalMatch(help_)) {
            commands << match.captured(1);
        }
        commands.removeDuplicates(); // a command may have two usage lines
        QCOMPARE(sorted(commands), (QStringList{"ae", "analyze", "baseline", "demo", "export",
                                                "help", "reconstruct", "response"}));

        const QTemporaryDir empty;
        const QStringList offered = complete({"triallens", ""}, empty.path());
        for (const QString& command : commands) {
            const QRegularExpression synopsis(QStringLiteral(R"(^\.B triallens %1$)").arg(command),
                                              QRegularExpression::MultilineOption);
            const QRegularExpression entry(QStringLiteral(R"(^\.B[IR]? %1\b)").arg(command),
                                           QRegularExpression::MultilineOption);
            if (command != QStringLiteral("help")) {
                QVERIFY2(synopsis.match(man_).hasMatch(), qPrintable(command));
            }
            QVERIFY2(entry.match(man_).hasMatch(), qPrintable(command));
            QVERIFY2(offered.contains(command), qPrintable(command + " is not completed"));
        }
    }

    // `triallens CMD --<TAB>` offers the flags --help lists for CMD (export:
    // its own and analyze's, --json aside, which export ignores); the usage
    // lines' flags are offered by some command.
    void completionOffersEveryHelpFlagOfItsCommand() {
        const QMap<QString, QStringList> groups = help_flags_by_group(help_);
        const QTemporaryDir empty;
        const auto offered = [&](const QString& command) {
            return command == QStringLiteral("workspace")
                       ? complete({"triallens", "--"}, empty.path())
                       : complete({"triallens", command, "--"}, empty.path());
        };
        QStringList offered_anywhere;
        for (const QString& command : QStringList{"analyze", "ae", "response", "baseline", "export",
                                                  "demo", "reconstruct", "workspace"}) {
            QStringList expected = groups.value(command);
            if (command == QStringLiteral("export")) {
                expected += groups.value(QStringLiteral("analyze"));
                expected.removeAll(QStringLiteral("--json"));
            }
            const QStringList flags = offered(command);
            for (const QString& flag : expected) {
                QVERIFY2(flags.contains(flag),
                         qPrintable("triallens " + command + " " + flag + " is not completed"));
            }
            offered_anywhere += flags;
        }
        for (const QString& flag : groups.value(QString())) {
            QVERIFY2(offered_anywhere.contains(flag), qPrintable(flag + " is never completed"));
        }
    }

    void completionCompletes_data() {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("expected");
        const QStringList inputs{"a.csv", "b.XPT", "my file.tsv", "s.triallens.json",
                                 "sites", "x*.csv"};
        QStringList libraries{QString()};
        if (const QString library = bash_completion_library(); !library.isEmpty()) {
            libraries << library;
        }
        for (const QString& library : libraries) {
            const char* with = library.isEmpty() ? "plain" : "bash-completion";
            const auto row = [&](const char* name, const QStringList& words,
                                 const QStringList& expected) {
                QTest::addRow("%s: %s", with, name) << library << words << sorted(expected);
            };
            row("command", {"triallens", "an"}, {"analyze"});
            row("ties", {"triallens", "export", "--ties", ""}, {"efron", "breslow", "exact"});
            row("conf-type", {"triallens", "analyze", "--conf-type", "l"}, {"log", "log-log"});
            row("time-unit", {"triallens", "analyze", "--time-unit", ""},
                {"days", "weeks", "months", "years"});
            row("figure", {"triallens", "export", "--figure", ""},
                {"km", "cif", "forest", "ae", "summary", "response", "landmarks", "waterfall",
                 "spider", "swimmer", "dor", "baseline", "disposition", "ae-overview", "ae-dotplot",
                 "ae-volcano"});
            row("ae-scale", {"triallens", "export", "--ae-scale", ""}, {"difference", "ratio"});
            row("colour-by", {"triallens", "export", "--colour-by", ""}, {"bor", "arm"});
            row("waterfall-layout", {"triallens", "export", "--waterfall-layout", "i"},
                {"interleaved"});
            row("cif-layout", {"triallens", "export", "--cif-layout", "s"},
                {"side-by-side", "stacked"});
            row("format", {"triallens", "export", "--format", "p"}, {"png", "pdf"});
            row("quantile-type", {"triallens", "baseline", "--quantile-type", ""}, {"2", "7"});
            row("datasets", {"triallens", "demo", "--datasets", ""}, {"all", "survival"});
            row("palette", {"triallens", "export", "--palette", ""},
                {"default", "colour-blind", "grayscale"});
            row("preset", {"triallens", "export", "--preset", "j"},
                {"journal-single", "journal-double"});
            row("flags of ae", {"triallens", "ae", "--re"}, {"--related", "--ref"});
            row("flags of demo", {"triallens", "demo", "--"},
                {"--out", "--subjects", "--seed", "--datasets", "--help"});
            row("flags of the workspace", {"triallens", "study.csv", "--"},
                {"--quit-after-first-paint", "--help", "--version"});
            row("free value", {"triallens", "analyze", "--param", ""}, {});
            row("nothing after help", {"triallens", "help", ""}, {});
            row("data files and demo", {"triallens", "analyze", ""}, inputs + QStringList{"demo"});
            row("commands and data files", {"triallens", ""},
                inputs + QStringList{"analyze", "ae", "response", "baseline", "export", "demo",
                                     "reconstruct", "help"});
            row("a file with a space", {"triallens", "ae", "my"}, {"my file.tsv"});
            row("a file with a glob", {"triallens", "ae", "x"}, {"x*.csv"});
            row("export --out: any file", {"triallens", "export", "--out", ""},
                inputs + QStringList{"notes.md"});
            row("demo --out: folders", {"triallens", "demo", "--out", ""}, {"sites"});
            row("flags of reconstruct", {"triallens", "reconstruct", "--"},
                {"--curve", "--image", "--page", "--x-axis", "--y-axis", "--colour", "--at-risk",
                 "--events", "--param", "--param-label", "--time-unit", "--source", "--out",
                 "--json", "--help"});
            row("reconstruct --out: folders", {"triallens", "reconstruct", "--out", ""}, {"sites"});
            row("reconstruct --at-risk: any file", {"triallens", "reconstruct", "--at-risk", ""},
                inputs + QStringList{"notes.md"});
        }
    }

    void completionCompletes() {
        QFETCH(QString, library);
        QFETCH(QStringList, words);
        QFETCH(QStringList, expected);
        QTemporaryDir directory;
        for (const char* name :
             {"a.csv", "b.XPT", "my file.tsv", "s.triallens.json", "notes.md", "x*.csv"}) {
            QFile file(directory.filePath(QString::fromUtf8(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(QDir(directory.path()).mkdir(QStringLiteral("sites")));
        QCOMPARE(complete(words, directory.path(), library), expected);
    }

    // As the packager's lintian will: groff -ww reports every roff problem.
    void manPageRendersWithoutWarnings() {
        const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
        if (groff.isEmpty()) {
            QSKIP("groff is not installed");
        }
        QString page = read_text(man_page_path);
        page.replace(QStringLiteral("@PROJECT_VERSION@"),
                     QStringLiteral(TRIALLENS_PROJECT_VERSION));
        page.replace(QStringLiteral("@TRIALLENS_RELEASE_DATE@"), QStringLiteral("2000-01-01"));
        QProcess process;
        process.start(groff, {"-man", "-Tutf8", "-ww", "-z"});
        process.write(page.toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()), QString());
        QCOMPARE(process.exitCode(), 0);
    }

private:
    QString help_;
    QString man_;
};

QTEST_GUILESS_MAIN(TestCliDocs)
#include "test_cli_docs.moc"
