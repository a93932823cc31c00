#pragma once
// A page of a PDF figure as SVG, so that its curves are read exactly from
// their vector paths (svg_curves.h) rather than traced: poppler's
// `pdftocairo -svg -f N -l N` (Debian: poppler-utils) writes the page,
// and no PDF is parsed here.
//
// The SVG pdftocairo writes has the page's size in points as its viewBox
// ("0 0 720 432" for a 10 × 6 in page), y downward from the page's top
// edge: a calibration for a PDF figure is made in those units (PDF points
// from the top-left corner of the page, not PDF's own bottom-up y).
// Its text is glyph outlines (<symbol>/<use>, never read as curves).
//
// Bounded whatever the file: at most largest_pdf_bytes read (checked before
// anything runs), pages 1..largest_pdf_page, the converter killed after
// pdf_conversion_timeout_ms or as soon as its SVG outgrows
// largest_svg_bytes; its messages kept to their first few kilobytes. On
// any failure: an empty result and one sentence naming the file (and the
// page): missing or unreadable, not a PDF (no %PDF- header — checked
// before running anything), no such page, pdftocairo not installed,
// timed out.

#include <QByteArray>
#include <QString>

namespace triallens::ui {

inline constexpr qint64 largest_pdf_bytes = 100LL * 1024 * 1024;
inline constexpr int largest_pdf_page = 9999;
inline constexpr int pdf_conversion_timeout_ms = 30'000;

// Whether `path` names a PDF, by its suffix (.pdf).
bool is_pdf_figure(const QString& path);

// Page `page` (1-based) of the PDF at `path` as an SVG document; empty and
// `*error` set (when error is not null) on failure.
QByteArray pdf_page_svg(const QString& path, int page, QString* error);

// The PDF's number of pages (poppler's pdfinfo); 0 and `*error` set on
// failure, with the same checks and bounds as pdf_page_svg().
int pdf_page_count(const QString& path, QString* error);

} // namespace triallens::ui
