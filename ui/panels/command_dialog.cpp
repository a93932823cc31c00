#include "panels/command_dialog.h"

#include "export/command_line_text.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace triallens::ui {

CommandDialog::CommandDialog(const QStringList& analyze, const QStringList& exported,
                             const QStringList& unreproduced, QWidget* parent)
    : QDialog(parent), view_(new QPlainTextEdit), copy_(new QPushButton(QStringLiteral("&Copy"))) {
    setWindowTitle(QStringLiteral("Command Line"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        QStringLiteral("These commands compute the numbers and write the file this tab shows, "
                       "for a script or a second programmer:"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    view_->setReadOnly(true);
    view_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // A flag a line (never broken inside a word), a blank line between the two.
    view_->setLineWrapMode(QPlainTextEdit::NoWrap);
    view_->setPlainText(command_lines(analyze) + QStringLiteral("\n\n") + command_lines(exported));
    view_->setMinimumSize(view_->fontMetrics().averageCharWidth() * 90,
                          view_->fontMetrics().lineSpacing() * 24);
    layout->addWidget(view_, 1);

    if (!unreproduced.isEmpty()) {
        auto* note = new QLabel(
            QStringLiteral("No flag gives these figure choices yet, so the command draws its "
                           "defaults instead: %1.")
                .arg(unreproduced.join(QStringLiteral(", "))));
        note->setObjectName(QStringLiteral("unreproducedNote"));
        note->setWordWrap(true);
        layout->addWidget(note);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(copy_, QDialogButtonBox::ActionRole);
    copy_->setToolTip(QStringLiteral("Copy both command lines to the clipboard"));
    connect(copy_, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString CommandDialog::text() const {
    return view_->toPlainText() + QLatin1Char('\n');
}

} // namespace triallens::ui
