// libFuzzer target: any bytes through the saved-analysis reader
// (ui/document/saved_analysis.h), as File ▸ Open Analysis and `analyze
// --analysis` read them. A hostile document must end in a message, never a
// crash, a hang, a leak or a sanitizer report; one that reads must write
// back to the same analysis, and its filters are rendered against the demo
// study as the window would before showing them.

#include <document/saved_analysis.h>
#include <triallens/demo/demo_study.h>

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const triallens::Study demo = triallens::generate_demo_study();
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    // Relative paths resolve against a folder; nothing is opened.
    const auto analysis = triallens::ui::from_json(json, &error, QStringLiteral("/fuzz"));
    if (!analysis) {
        if (error.isEmpty()) {
            std::abort(); // a refusal always says why
        }
        return 0;
    }
    QString again;
    const auto back = triallens::ui::from_json(triallens::ui::to_json(*analysis), &again);
    if (!back || !(*back == *analysis)) {
        std::abort();
    }
    (void)triallens::ui::check_against_study(*analysis, demo);
    return 0;
}
