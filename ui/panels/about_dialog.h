#pragma once
// Help ▸ About TrialLens: the version and release date (triallens/version.h,
// made from project(VERSION)), what the application is, the Qt it runs on
// and was built with, the licence of every library it links and its own
// (GPL-3.0-or-later, because Qt Charts is GPL in the open-source edition),
// and how to cite it: a sentence and a BibTeX @software entry that "Copy
// citation" puts on the clipboard.
//
// The icon is the application's own, :/icons/triallens.svg.

#include <QDialog>

QT_BEGIN_NAMESPACE
class QPushButton;
QT_END_NAMESPACE

namespace triallens::ui {

class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // "TrialLens 0.9.0 (2026). Software for exploring clinical-trial results.
    // https://github.com/triallens/triallens"
    static QString citation();
    // The same as a BibTeX @software entry with its version.
    static QString bibtex();
    // What "Copy citation" copies: the sentence, a blank line, the entry.
    static QString citationText();

    QPushButton* copyCitationButton() const { return copy_citation_; }

private:
    QPushButton* copy_citation_;
};

} // namespace triallens::ui
