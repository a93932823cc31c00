#pragma once
// One variable in the Filters dock: a header button ("SEX · Sex") that folds
// its body away, shown in bold while the variable restricts the subjects so
// a folded filter is not forgotten.

#include <QWidget>

QT_BEGIN_NAMESPACE
class QToolButton;
QT_END_NAMESPACE

namespace triallens::ui {

class FilterSection : public QWidget {
    Q_OBJECT

public:
    // Takes ownership of body; starts folded.
    FilterSection(const QString& name, const QString& label, QWidget* body,
                  QWidget* parent = nullptr);

    QString name() const { return name_; }
    QString label() const { return label_; }
    QToolButton* header() const { return header_; }
    QWidget* body() const { return body_; }

    bool isExpanded() const;
    void setExpanded(bool expanded);
    void setActive(bool active);

    // Case-insensitive match of the name or the label; an empty text matches.
    bool matches(const QString& text) const;

private:
    QString name_;
    QString label_;
    QToolButton* header_;
    QWidget* body_;
};

} // namespace triallens::ui
