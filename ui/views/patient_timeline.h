#pragma once
// One subject's time line (patient_profile.h) on one study-day axis, in
// bands from top to bottom, each titled in a label column on the left:
//   - Treatment: a bar from day 1 to the last day on treatment, ending in an
//     arrow when treatment is ongoing at the data cut;
//   - Responses: each per-visit overall response as a marker coloured by its
//     value and labelled with it (CR, PR, SD, PD, NE); the BOR record, which
//     has no day, in the band's title;
//   - Tumour % change: the sum of diameters' % change from baseline as a
//     line through the measurements, with dashed references at +20% (RECIST
//     progression) and −30% (partial response);
//   - Adverse events: one row per event, its term on the left, a bar from
//     start to end coloured by grade (grade_colours.h), an open end (no end
//     day) drawn as an arrow to the axis's end, a serious event outlined in
//     black; events without a start day listed with "day unknown".
// A death is a dashed vertical line across every band, marked at the top.
// A band without data says so ("No tumour measurements") instead of being
// left empty. Then the day axis and a legend (treatment, death, the grades,
// the responses shown).
// The layout is a pure function of the profile, the width and the font, so
// the widget, a screenshot and the tests read the same geometry; the height
// is whatever the bands need (the widget sits in a scroll area).

#include <triallens/analysis/patient_profile.h>

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

namespace triallens::ui {

struct TimelineBand {
    QString title;
    QRectF title_rect;  // in the label column
    QRectF rect;        // the band across the plot's width
    QString empty_text; // what it says for lack of data; "" when it has data
};

struct TimelineMarker {
    QPointF centre;
    QColor colour;
    QString label;
    QRectF label_rect;
};

struct TimelineEventRow {
    std::size_t event = 0; // index into PatientProfile::adverse_events
    QString label;         // the term, "(related)" after it when related
    QRectF label_rect;
    QRectF bar; // empty when the start day is unknown
    QColor colour;
    bool open_end = false; // no end day: the bar runs to the axis's end
    bool serious = false;
};

struct TimelineLegendEntry {
    QString text;
    QColor colour;
    QRectF swatch;
    QRectF text_rect;
};

struct PatientTimelineLayout {
    QRectF rect;
    QFont font;
    double label_width = 0;
    double day_min = 0;
    double day_max = 1;
    double plot_left = 0;
    double plot_right = 1;
    std::vector<double> ticks;
    std::vector<double> tick_x;
    double axis_y = 0;

    TimelineBand treatment;
    QRectF treatment_bar; // empty without treatment days
    bool ongoing = false;
    TimelineBand responses;
    std::vector<TimelineMarker> response_markers;
    TimelineBand tumour;
    std::vector<QPointF> tumour_points; // the measurements with a % change
    double pchg_low = -100;             // the tumour band's y range, in %
    double pchg_high = 40;
    TimelineBand adverse_events;
    std::vector<TimelineEventRow> event_rows;
    std::optional<double> death_x;
    std::vector<TimelineLegendEntry> legend;
    double height = 0; // what the whole layout needs

    double x_of(double day) const;
    double y_of_pchg(double pchg) const; // in the tumour band
};

// `severity`: the study grades by AESEV (the legend says Mild/Moderate/Severe).
PatientTimelineLayout layout_patient_timeline(const PatientProfile& profile, double width,
                                              const QFont& font, bool severity = false);

void paint_patient_timeline(QPainter& painter, const PatientTimelineLayout& layout);

// The widget: the layout at its width, its height the layout's.
class PatientTimeline : public QWidget {
    Q_OBJECT

public:
    explicit PatientTimeline(QWidget* parent = nullptr);

    void setProfile(const PatientProfile& profile, bool severity);
    const PatientProfile& profile() const { return profile_; }
    const PatientTimelineLayout& timelineLayout() const { return layout_; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void relayout();

    PatientProfile profile_;
    bool severity_ = false;
    PatientTimelineLayout layout_;
};

} // namespace triallens::ui
