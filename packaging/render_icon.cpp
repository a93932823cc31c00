// triallens_render_icon: renders the scalable application icon to a square
// PNG at build time, so the hicolor PNGs are always the SVG's pixels and no
// extra converter (rsvg, inkscape) is needed. A host tool, never installed.
//
//   triallens_render_icon INPUT.svg SIZE OUTPUT.png

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s INPUT.svg SIZE OUTPUT.png\n", argv[0]);
        return 2;
    }
    // No QGuiApplication: the icon has no text, and QPainter on a QImage
    // needs no platform plugin, so the tool runs on a build machine without a
    // display.
    const int size = std::stoi(argv[2]);
    if (size <= 0) {
        std::fprintf(stderr, "render_icon: size must be positive, not %d\n", size);
        return 2;
    }
    QSvgRenderer renderer(QString::fromLocal8Bit(argv[1]));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "render_icon: cannot read SVG %s\n", argv[1]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    // Non-premultiplied ARGB is what PNG stores; converting first avoids a
    // rounding pass inside the writer.
    if (!image.convertToFormat(QImage::Format_ARGB32)
             .save(QString::fromLocal8Bit(argv[3]), "PNG")) {
        std::fprintf(stderr, "render_icon: cannot write %s\n", argv[3]);
        return 1;
    }
    return 0;
}
