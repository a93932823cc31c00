#pragma once
// A horizontal header in two tiers: above the sections, a band in which
// adjacent visible sections whose model gives the same non-empty text for
// `group_role` share one heading (an arm's name over its "Any" and "≥ 3"
// columns), wrapped at word boundaries to the group's width; below it, each
// section's own heading, sort arrow included, as QHeaderView draws it. A
// section without a group heading (the term column) uses the full height.
//
// The band is as tall as its most-wrapped group needs, so the header's
// height follows the columns' widths; widenGroupsToWords() makes each group
// at least as wide as the longest word of its heading so no word is cut.
//
// A second header showing some of the same sections (the frozen term column
// of frozen_column_tree_view.h) must be exactly as tall: give it this one
// as its heightSource().

#include <QHeaderView>
#include <QPointer>

namespace triallens::ui {

class GroupedHeaderView : public QHeaderView {
    Q_OBJECT

public:
    GroupedHeaderView(int group_role, int colour_role, QWidget* parent = nullptr);

    // Takes its height from `source` instead of its own sections.
    void setHeightSource(const QHeaderView* source);

    QString groupText(int logical_index) const;
    int bandHeight() const;
    // Widens the last section of every group too narrow for its longest word.
    void widenGroupsToWords();

    QSize sizeHint() const override;

protected:
    void paintSection(QPainter* painter, const QRect& rect, int logical_index) const override;
    QSize sectionSizeFromContents(int logical_index) const override;

private:
    struct Group {
        int first_visual = -1;
        int last_visual = -1;
        int width = 0;
    };
    Group groupAt(int logical_index) const;
    int ownHeight() const;

    int group_role_;
    int colour_role_;
    QPointer<const QHeaderView> height_source_;
    int band_height_ = 0; // as last laid out, to notice a change
};

} // namespace triallens::ui
