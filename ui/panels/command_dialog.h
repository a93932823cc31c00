#pragma once
// Edit ▸ Show Command…: the command lines that reproduce the current tab,
// `triallens analyze …` for its numbers and `triallens export …` for its
// figure or table (export/command_line_text.h), as selectable text a
// statistician pastes into a double-programming script, with a Copy button
// that copies both. Choices no flag can give yet are listed under
// them, so the user knows where the command's figure will differ.

#include <QDialog>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QPlainTextEdit;
class QPushButton;
QT_END_NAMESPACE

namespace triallens::ui {

class CommandDialog : public QDialog {
    Q_OBJECT

public:
    // Argument lists as export/command_line_text.h makes them (the command
    // word first); `unreproduced` as unreproduced_choices() says them.
    CommandDialog(const QStringList& analyze, const QStringList& exported,
                  const QStringList& unreproduced, QWidget* parent = nullptr);

    // The two commands (command_lines()), a blank line between, as a shell
    // reads them.
    QString text() const;
    QPlainTextEdit* commandView() const { return view_; }
    QPushButton* copyButton() const { return copy_; }

private:
    QPlainTextEdit* view_;
    QPushButton* copy_;
};

} // namespace triallens::ui
