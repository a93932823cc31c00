#include "panels/about_dialog.h"

#include <triallens/version.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtGlobal>

namespace triallens::ui {

namespace {

QString text(std::string_view from) {
    return QString::fromUtf8(from.data(), static_cast<qsizetype>(from.size()));
}

QString version_text() {
    return text(triallens::version);
}

QString release_date_text() {
    return text(triallens::release_date);
}

// The release's year, from its ISO date ("2026-11-30").
QString release_year() {
    return release_date_text().left(4);
}

struct Licence {
    const char* library;
    const char* licence;
    const char* url;
};

// What the application links, as the package declares it (debian/copyright).
constexpr Licence licences[] = {
    {"Qt 6 (Core, Gui, Widgets, Svg, Concurrent)", "LGPL-3.0", "https://www.qt.io/licensing/"},
    {"Qt Charts", "GPL-3.0", "https://doc.qt.io/qt-6/qtcharts-index.html"},
    {"Eigen 3", "MPL-2.0", "https://eigen.tuxfamily.org/"},
    {"Boost.Math", "BSL-1.0", "https://www.boost.org/doc/libs/release/libs/math/"},
    {"ReadStat", "MIT", "https://github.com/WizardMac/ReadStat"},
    {"libcsv", "LGPL-2.1-or-later", "https://github.com/rgamble/libcsv"},
};

QString licences_html() {
    QString rows;
    for (const Licence& licence : licences) {
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td><a href=\"%3\">%3</a></td></tr>")
                    .arg(QString::fromUtf8(licence.library), QString::fromUtf8(licence.licence),
                         QString::fromUtf8(licence.url));
    }
    return QStringLiteral(
               "<p><b>TrialLens</b> is free software under the GNU General Public License, "
               "version 3 or later (GPL-3.0-or-later, "
               "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">"
               "https://www.gnu.org/licenses/gpl-3.0.html</a>): Qt Charts, which it draws "
               "with, is GPL-3.0 in Qt's open-source edition. It comes with no warranty.</p>"
               "<p>It uses these libraries:</p>"
               "<table cellspacing=\"0\" cellpadding=\"3\">"
               "<tr><th align=\"left\">Library</th><th align=\"left\">Licence</th>"
               "<th align=\"left\">Where</th></tr>%1</table>"
               "<p>Text is set in the system's fonts (DejaVu on Debian).</p>")
        .arg(rows);
}

} // namespace

QString AboutDialog::citation() {
    return QStringLiteral("TrialLens %1 (%2). Software for exploring clinical-trial results. %3")
        .arg(version_text(), release_year(), text(triallens::homepage));
}

QString AboutDialog::bibtex() {
    return QStringLiteral("@software{triallens,\n"
                          "  title = {TrialLens: Software for exploring clinical-trial results},\n"
                          "  author = {{The TrialLens developers}},\n"
                          "  year = {%1},\n"
                          "  date = {%2},\n"
                          "  version = {%3},\n"
                          "  url = {%4},\n"
                          "  license = {GPL-3.0-or-later}\n"
                          "}")
        .arg(release_year(), release_date_text(), version_text(), text(triallens::homepage));
}

QString AboutDialog::citationText() {
    return citation() + QStringLiteral("\n\n") + bibtex() + QLatin1Char('\n');
}

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent), copy_citation_(new QPushButton(QStringLiteral("Copy citation"))) {
    setWindowTitle(QStringLiteral("About TrialLens"));

    // The application icon, compiled into this library (ui/CMakeLists.txt).
    auto* header = new QHBoxLayout;
    auto* picture = new QLabel;
    picture->setObjectName(QStringLiteral("aboutIcon"));
    picture->setPixmap(QIcon(QStringLiteral(":/icons/triallens.svg")).pixmap(64, 64));
    header->addWidget(picture, 0, Qt::AlignTop);
    auto* title = new QLabel(QStringLiteral("<h2>TrialLens %1</h2><p>Released %2</p>")
                                 .arg(version_text().toHtmlEscaped(), release_date_text()));
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->addWidget(title, 1);

    auto* about = new QLabel(
        QStringLiteral(
            "<p>TrialLens explores the results of a clinical trial from its ADaM data "
            "(CSV or SAS files): Kaplan–Meier curves with numbers at risk, Cox models and "
            "log-rank tests, forest plots of subgroups, adverse-event incidence tables and "
            "response rates, refitted as you change the settings and filters. Its numbers "
            "are checked against R's <i>survival</i> package to a relative 1e-6. A synthetic "
            "demo study is built in.</p>"
            "<p>Runs on Qt %1 (built with Qt %2).</p>"
            "<p><a href=\"%3\">%3</a></p>")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                 text(triallens::homepage)));
    about->setObjectName(QStringLiteral("aboutText"));
    about->setWordWrap(true);
    about->setOpenExternalLinks(true);
    about->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto* licence_text = new QTextBrowser;
    licence_text->setObjectName(QStringLiteral("aboutLicences"));
    licence_text->setOpenExternalLinks(true);
    licence_text->setHtml(licences_html());

    auto* cite_text = new QPlainTextEdit(citationText());
    cite_text->setObjectName(QStringLiteral("aboutCitation"));
    cite_text->setReadOnly(true);
    cite_text->setToolTip(QStringLiteral("How to cite this version of TrialLens"));
    copy_citation_->setToolTip(
        QStringLiteral("Put the citation and its BibTeX entry on the clipboard"));
    connect(copy_citation_, &QPushButton::clicked, this,
            [] { QApplication::clipboard()->setText(citationText()); });
    auto* cite_page = new QWidget;
    auto* cite_layout = new QVBoxLayout(cite_page);
    cite_layout->addWidget(new QLabel(QStringLiteral("If you use TrialLens in your work, please "
                                                     "cite the version you used:")));
    cite_layout->addWidget(cite_text, 1);
    cite_layout->addWidget(copy_citation_, 0, Qt::AlignRight);

    auto* about_page = new QWidget;
    auto* about_layout = new QVBoxLayout(about_page);
    about_layout->addWidget(about);
    about_layout->addStretch(1);

    auto* pages = new QTabWidget;
    pages->addTab(about_page, QStringLiteral("About"));
    pages->addTab(licence_text, QStringLiteral("Licences"));
    pages->addTab(cite_page, QStringLiteral("How to cite"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(pages, 1);
    layout->addWidget(buttons);
    resize(560, 460);
}

} // namespace triallens::ui
