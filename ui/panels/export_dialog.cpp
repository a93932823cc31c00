#include "panels/export_dialog.h"

#include "controller/user_settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <utility>

namespace triallens::ui {

namespace {

double points_per(const QString& unit) {
    if (unit == QLatin1String("cm")) {
        return 72 / 2.54;
    }
    if (unit == QLatin1String("mm")) {
        return 72 / 25.4;
    }
    return 72; // inches
}

// Palettes under the command line's --palette names, which do not change.
constexpr std::pair<Palette, const char*> palette_names[] = {
    {Palette::Default, "default"},
    {Palette::ColourBlindSafe, "colour-blind"},
    {Palette::Grayscale, "grayscale"}};

QString default_suffix(ExportDialog::Item item) {
    return ExportDialog::isFigure(item) ? QStringLiteral("png") : QStringLiteral("html");
}

} // namespace

ExportDialog::ExportDialog(QWidget* parent)
    : QDialog(parent), item_(new QComboBox), preset_(new QComboBox), width_(new QDoubleSpinBox),
      height_(new QDoubleSpinBox), unit_(new QComboBox), dpi_(new QSpinBox),
      font_(new QFontComboBox), font_size_(new QDoubleSpinBox), palette_(new QComboBox),
      title_(new QLineEdit), footnote_(new QCheckBox(QStringLiteral("Methods footnote"))),
      follows_rows_(new QCheckBox(QStringLiteral("Height follows the rows"))), path_(new QLineEdit),
      figure_fields_(new QWidget) {
    setWindowTitle(QStringLiteral("Export"));
    item_->addItem(QStringLiteral("Kaplan–Meier figure"), static_cast<int>(Item::KaplanMeier));
    item_->addItem(QStringLiteral("Forest plot"), static_cast<int>(Item::Forest));
    item_->addItem(QStringLiteral("Cumulative incidence figure (competing risks)"),
                   static_cast<int>(Item::CumulativeIncidence));
    item_->addItem(QStringLiteral("Waterfall plot (best % change)"),
                   static_cast<int>(Item::Waterfall));
    item_->addItem(QStringLiteral("Spider plot (% change over time)"),
                   static_cast<int>(Item::Spider));
    item_->addItem(QStringLiteral("Swimmer plot (time on treatment)"),
                   static_cast<int>(Item::Swimmer));
    item_->addItem(QStringLiteral("Duration of response figure"),
                   static_cast<int>(Item::DurationOfResponse));
    item_->addItem(QStringLiteral("Disposition flow diagram (CONSORT)"),
                   static_cast<int>(Item::DispositionFlow));
    item_->addItem(QStringLiteral("Adverse-event dot plot"), static_cast<int>(Item::AeDotPlot));
    item_->addItem(QStringLiteral("Adverse-event volcano plot"), static_cast<int>(Item::AeVolcano));
    item_->addItem(QStringLiteral("Summary table (every endpoint)"),
                   static_cast<int>(Item::SummaryTable));
    item_->addItem(QStringLiteral("Landmark and RMST table"),
                   static_cast<int>(Item::LandmarkTable));
    item_->addItem(QStringLiteral("Forest table"), static_cast<int>(Item::ForestTable));
    item_->addItem(QStringLiteral("Adverse-event table"),
                   static_cast<int>(Item::AdverseEventTable));
    item_->addItem(QStringLiteral("Adverse-event overview table"),
                   static_cast<int>(Item::AeOverviewTable));
    item_->addItem(QStringLiteral("Response table"), static_cast<int>(Item::ResponseTable));
    item_->addItem(QStringLiteral("Baseline characteristics table (Table 1)"),
                   static_cast<int>(Item::BaselineTable));
    item_->addItem(QStringLiteral("Disposition table"), static_cast<int>(Item::DispositionTable));

    for (const SizePreset& preset : figure_size_presets()) {
        preset_->addItem(preset.label, preset.name);
    }
    preset_->addItem(QStringLiteral("Custom"), QString());
    for (QDoubleSpinBox* box : {width_, height_}) {
        box->setRange(0.5, 100);
        box->setDecimals(3);
        box->setSingleStep(0.5);
    }
    for (const char* unit : {"in", "cm", "mm"}) {
        unit_->addItem(QString::fromLatin1(unit), QString::fromLatin1(unit));
    }
    dpi_->setRange(72, 1200);
    dpi_->setSingleStep(50);
    dpi_->setSuffix(QStringLiteral(" dpi"));
    dpi_->setToolTip(QStringLiteral("Resolution of PNG files; SVG and PDF stay vector"));
    font_size_->setRange(5, 48);
    font_size_->setDecimals(1);
    font_size_->setSuffix(QStringLiteral(" pt"));
    palette_->addItem(QStringLiteral("Default"), static_cast<int>(Palette::Default));
    palette_->addItem(QStringLiteral("Colour-blind safe"),
                      static_cast<int>(Palette::ColourBlindSafe));
    palette_->addItem(QStringLiteral("Grayscale"), static_cast<int>(Palette::Grayscale));
    title_->setPlaceholderText(QStringLiteral("none"));
    footnote_->setToolTip(QStringLiteral(
        "Test, model, ties, strata, CI transform and filter, stated under the figure"));

    auto* size_row = new QHBoxLayout;
    size_row->setContentsMargins(0, 0, 0, 0);
    size_row->addWidget(width_);
    size_row->addWidget(new QLabel(QStringLiteral("×")));
    size_row->addWidget(height_);
    size_row->addWidget(unit_);
    auto* font_row = new QHBoxLayout;
    font_row->setContentsMargins(0, 0, 0, 0);
    font_row->addWidget(font_, 1);
    font_row->addWidget(font_size_);
    auto* figure_form = new QFormLayout(figure_fields_);
    figure_form->setContentsMargins(0, 0, 0, 0);
    figure_form->addRow(QStringLiteral("Size"), preset_);
    figure_form->addRow(QString(), size_row);
    follows_rows_->setChecked(true);
    follows_rows_->setToolTip(
        QStringLiteral("The forest's page is as tall as its rows need at the width above"));
    figure_form->addRow(QString(), follows_rows_);
    figure_form->addRow(QStringLiteral("Resolution"), dpi_);
    figure_form->addRow(QStringLiteral("Font"), font_row);
    figure_form->addRow(QStringLiteral("Palette"), palette_);
    figure_form->addRow(QStringLiteral("Title"), title_);
    figure_form->addRow(QString(), footnote_);

    auto* path_row = new QHBoxLayout;
    path_row->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QPushButton(QStringLiteral("Browse…"));
    path_row->addWidget(path_, 1);
    path_row->addWidget(browse);
    path_->setToolTip(QStringLiteral("The extension picks the format: .png, .svg, .pdf for "
                                     "figures; .csv, .html, .rtf for tables"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    QPushButton* copy =
        buttons->addButton(QStringLiteral("Copy to Clipboard"), QDialogButtonBox::ActionRole);

    auto* form = new QFormLayout;
    form->addRow(QStringLiteral("Export"), item_);
    form->addRow(QStringLiteral("File"), path_row);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(figure_fields_);
    layout->addWidget(buttons);

    connect(item_, &QComboBox::currentIndexChanged, this, &ExportDialog::itemChanged);
    connect(follows_rows_, &QCheckBox::toggled, this, &ExportDialog::updateHeightField);
    connect(preset_, &QComboBox::activated, this, &ExportDialog::presetChosen);
    connect(unit_, &QComboBox::currentIndexChanged, this, &ExportDialog::unitChanged);
    for (QDoubleSpinBox* box : {width_, height_}) {
        // A size typed by hand is no longer the preset's.
        connect(box, &QDoubleSpinBox::editingFinished, this,
                [this] { preset_->setCurrentIndex(preset_->count() - 1); });
    }
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, &ExportDialog::copyRequested);

    setFigureOptions(FigureExportOptions{});
    itemChanged();
}

void ExportDialog::setItem(Item item) {
    item_->setCurrentIndex(std::max(0, item_->findData(static_cast<int>(item))));
}

ExportDialog::Item ExportDialog::item() const {
    return static_cast<Item>(item_->currentData().toInt());
}

double ExportDialog::pointsPerUnit() const {
    return points_per(unit_name_);
}

void ExportDialog::setFigureOptions(const FigureExportOptions& options) {
    base_ = options;
    {
        const QSignalBlocker blocker(unit_);
        unit_->setCurrentIndex(std::max(0, unit_->findData(unit_name_)));
    }
    width_->setValue(options.size_points.width() / pointsPerUnit());
    height_->setValue(options.size_points.height() / pointsPerUnit());
    preset_->setCurrentIndex(preset_->count() - 1);
    for (int i = 0; i + 1 < preset_->count(); ++i) {
        const auto preset = find_size_preset(preset_->itemData(i).toString());
        if (preset && preset->size_points == options.size_points) {
            preset_->setCurrentIndex(i);
        }
    }
    dpi_->setValue(options.dpi);
    if (!options.font_family.isEmpty()) {
        font_->setCurrentFont(QFont(options.font_family));
    }
    font_size_->setValue(options.font_size_pt);
    palette_->setCurrentIndex(std::max(0, palette_->findData(static_cast<int>(options.palette))));
    title_->setText(options.title);
    footnote_->setChecked(options.methods_footnote);
}

FigureExportOptions ExportDialog::figureOptions() const {
    FigureExportOptions options = base_;
    options.kind = figureKind(item());
    if (const auto tumour = tumourFigure(item())) {
        options.tumour.figure = *tumour;
    }
    options.size_points = QSizeF(width_->value(), height_->value()) * pointsPerUnit();
    // A preset's size exactly, not as rounded by the spin boxes' decimals.
    if (const auto preset = find_size_preset(preset_->currentData().toString())) {
        options.size_points = preset->size_points;
    }
    options.dpi = dpi_->value();
    options.font_family = font_->currentFont().family();
    options.font_size_pt = font_size_->value();
    options.palette = static_cast<Palette>(palette_->currentData().toInt());
    options.title = title_->text().trimmed();
    options.methods_footnote = footnote_->isChecked();
    options.forest_height_follows_rows = follows_rows_->isChecked();
    return options;
}

void ExportDialog::restoreChoices() {
    namespace key = settings_key;
    const QSettings settings = user_settings();
    if (const QString unit = settings.value(key::export_unit).toString();
        unit_->findData(unit) >= 0) {
        unit_->setCurrentIndex(unit_->findData(unit)); // converts the size shown
    }
    if (settings.contains(key::export_size_preset)) {
        const int preset = preset_->findData(settings.value(key::export_size_preset).toString());
        if (preset >= 0 && preset + 1 < preset_->count()) {
            preset_->setCurrentIndex(preset);
            presetChosen();
        } else if (settings.contains(key::export_width_points) &&
                   settings.contains(key::export_height_points)) {
            preset_->setCurrentIndex(preset_->count() - 1);
            width_->setValue(settings.value(key::export_width_points).toDouble() / pointsPerUnit());
            height_->setValue(settings.value(key::export_height_points).toDouble() /
                              pointsPerUnit());
        }
    }
    if (settings.contains(key::export_dpi)) {
        dpi_->setValue(settings.value(key::export_dpi).toInt());
    }
    if (const QString family = settings.value(key::export_font_family).toString();
        !family.isEmpty()) {
        font_->setCurrentFont(QFont(family));
    }
    if (settings.contains(key::export_font_size)) {
        font_size_->setValue(settings.value(key::export_font_size).toDouble());
    }
    const QString palette = settings.value(key::export_palette).toString();
    for (const auto& [value, name] : palette_names) {
        if (palette == QLatin1String(name)) {
            palette_->setCurrentIndex(palette_->findData(static_cast<int>(value)));
        }
    }
}

void ExportDialog::saveChoices() const {
    namespace key = settings_key;
    const FigureExportOptions options = figureOptions();
    QSettings settings = user_settings();
    settings.setValue(key::export_size_preset, preset_->currentData().toString());
    settings.setValue(key::export_width_points, options.size_points.width());
    settings.setValue(key::export_height_points, options.size_points.height());
    settings.setValue(key::export_unit, unit_name_);
    settings.setValue(key::export_dpi, options.dpi);
    settings.setValue(key::export_font_family, options.font_family);
    settings.setValue(key::export_font_size, options.font_size_pt);
    for (const auto& [value, name] : palette_names) {
        if (value == options.palette) {
            settings.setValue(key::export_palette, QString::fromLatin1(name));
        }
    }
}

void ExportDialog::setPath(const QString& path) {
    path_->setText(path);
}

QString ExportDialog::path() const {
    return path_->text().trimmed();
}

void ExportDialog::updateHeightField() {
    const bool forest = item() == Item::Forest;
    follows_rows_->setVisible(forest);
    height_->setEnabled(!(forest && follows_rows_->isChecked()));
}

void ExportDialog::itemChanged() {
    figure_fields_->setEnabled(isFigure(item()));
    updateHeightField();
    // Keep the file's name, change what its extension says the format is.
    const QString path = path_->text().trimmed();
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        const QString suffix = info.suffix().toLower();
        const bool figure_suffix = suffix == "png" || suffix == "svg" || suffix == "pdf";
        if (figure_suffix != isFigure(item())) {
            path_->setText(info.path() + '/' + info.completeBaseName() + '.' +
                           default_suffix(item()));
        }
    }
}

void ExportDialog::presetChosen() {
    const auto preset = find_size_preset(preset_->currentData().toString());
    if (!preset) {
        return;
    }
    width_->setValue(preset->size_points.width() / pointsPerUnit());
    height_->setValue(preset->size_points.height() / pointsPerUnit());
    font_size_->setValue(preset->font_size_pt);
}

void ExportDialog::unitChanged() {
    const QSizeF points = QSizeF(width_->value(), height_->value()) * pointsPerUnit();
    unit_name_ = unit_->currentData().toString();
    width_->setValue(points.width() / pointsPerUnit());
    height_->setValue(points.height() / pointsPerUnit());
}

void ExportDialog::browse() {
    const QString filter = isFigure(item())
                               ? QStringLiteral("PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)")
                               : QStringLiteral("HTML (*.html);;RTF (*.rtf);;CSV (*.csv)");
    const QString chosen =
        QFileDialog::getSaveFileName(this, QStringLiteral("Export to"), path(), filter);
    if (!chosen.isEmpty()) {
        path_->setText(chosen);
    }
}

} // namespace triallens::ui
