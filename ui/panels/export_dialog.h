#pragma once
// File ▸ Export (Ctrl+E): one figure or table of the analysis on screen to a
// file, or to the clipboard. Figures (the Kaplan–Meier figure with its
// number-at-risk table, the forest plot) go to PNG at a DPI, SVG or PDF at an
// exact physical size, with a size preset, font, palette, optional title and
// methods footnote; tables (summary per endpoint, forest rows, adverse
// events, response) to CSV, HTML or RTF. What is exported is drawn by the
// same code as the screen.
//
// The dialog only gathers choices; the owner hands it what to export (the
// Results on screen, the tables already built) and calls exportTo() or
// copyToClipboard() with them.

#include "export/export_table.h"
#include "export/figure_export.h"

#include <QDialog>

#include <optional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace triallens::ui {

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    enum class Item {
        KaplanMeier,
        Forest,
        SummaryTable,
        ForestTable,
        AdverseEventTable,
        ResponseTable,
        LandmarkTable,       // landmark survival and RMST, below the curves
        CumulativeIncidence, // the competing-risks figure (cif_figure.h)
        // The tumour-response figures (tumour_response_figure.h).
        Waterfall,
        Spider,
        Swimmer,
        DurationOfResponse,
        // The Baseline tab: Table 1, the disposition table and its flow diagram.
        BaselineTable,
        DispositionTable,
        DispositionFlow,
        // The Adverse events tab's overview table and figures.
        AeOverviewTable,
        AeDotPlot,
        AeVolcano
    };

    explicit ExportDialog(QWidget* parent = nullptr);

    void setItem(Item item);
    Item item() const;
    static bool isFigure(Item item) {
        return item == Item::KaplanMeier || item == Item::Forest ||
               item == Item::CumulativeIncidence || item == Item::DispositionFlow ||
               item == Item::AeDotPlot || item == Item::AeVolcano || tumourFigure(item).has_value();
    }
    // The tumour-response figure an item draws; nullopt for every other item.
    static std::optional<TumourFigure> tumourFigure(Item item) {
        switch (item) {
        case Item::Waterfall:
            return TumourFigure::Waterfall;
        case Item::Spider:
            return TumourFigure::Spider;
        case Item::Swimmer:
            return TumourFigure::Swimmer;
        case Item::DurationOfResponse:
            return TumourFigure::DurationOfResponse;
        default:
            return std::nullopt;
        }
    }
    // The figure an item draws (KaplanMeier for a table, which draws none).
    static FigureKind figureKind(Item item) {
        return item == Item::Forest                ? FigureKind::Forest
               : item == Item::CumulativeIncidence ? FigureKind::CumulativeIncidence
               : item == Item::DispositionFlow     ? FigureKind::Disposition
               : item == Item::AeDotPlot           ? FigureKind::AeDotPlot
               : item == Item::AeVolcano           ? FigureKind::AeVolcano
               : tumourFigure(item)                ? FigureKind::TumourResponse
                                                   : FigureKind::KaplanMeier;
    }

    // Starts from `options` (the view's own choices: CI bands, at-risk rows, ...).
    void setFigureOptions(const FigureExportOptions& options);
    // The figure as the dialog's fields describe it.
    FigureExportOptions figureOptions() const;
    // The size preset (or custom size and its unit), resolution, font and
    // palette of the last dialog that saved them (user_settings.h), over
    // what setFigureOptions() set; what was never saved stays as it is.
    void restoreChoices();
    // Remembers those choices for the next dialog, in this run or the next.
    void saveChoices() const;

    void setPath(const QString& path);
    QString path() const;

    QComboBox* itemBox() const { return item_; }
    QComboBox* presetBox() const { return preset_; }
    QDoubleSpinBox* widthBox() const { return width_; }
    QDoubleSpinBox* heightBox() const { return height_; }
    QComboBox* unitBox() const { return unit_; }
    QSpinBox* dpiBox() const { return dpi_; }
    QFontComboBox* fontBox() const { return font_; }
    QDoubleSpinBox* fontSizeBox() const { return font_size_; }
    QComboBox* paletteBox() const { return palette_; }
    QLineEdit* titleEdit() const { return title_; }
    QCheckBox* footnoteBox() const { return footnote_; }
    // Forest only: the height follows the rows (the height field is then off).
    QCheckBox* heightFollowsRowsBox() const { return follows_rows_; }

signals:
    // The user asked for the clipboard instead of a file.
    void copyRequested();

private:
    void itemChanged();
    void updateHeightField();
    void presetChosen();
    void unitChanged();
    void browse();
    double pointsPerUnit() const;

    QComboBox* item_;
    QComboBox* preset_;
    QDoubleSpinBox* width_;
    QDoubleSpinBox* height_;
    QComboBox* unit_;
    QSpinBox* dpi_;
    QFontComboBox* font_;
    QDoubleSpinBox* font_size_;
    QComboBox* palette_;
    QLineEdit* title_;
    QCheckBox* footnote_;
    QCheckBox* follows_rows_;
    QLineEdit* path_;
    QWidget* figure_fields_;
    FigureExportOptions base_;
    QString unit_name_ = QStringLiteral("in");
};

} // namespace triallens::ui
