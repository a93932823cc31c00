#pragma once
// Detects how a text file is encoded and decodes it to UTF-8. Site exports
// come as UTF-8 with or without a byte-order mark, or from Excel on Windows
// as Windows-1252 (a superset of Latin-1's printable range). Bytes that are
// valid UTF-8 are taken as UTF-8; otherwise every byte is decoded as
// Windows-1252, whose five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D)
// map to the C1 control of the same number, as Latin-1 does, so no byte is
// ever lost or replaced. UTF-16 files are refused, with a byte-order mark or
// without one (ASCII text in UTF-16 has a NUL byte in every other place).
// Files that are not text at all (a PNG, a gzip or ZIP archive, a PDF, a
// SAS file given a text name, anything holding NUL bytes) are refused as
// such, rather than parsed into ragged rows.

#include <string>
#include <string_view>

namespace triallens {

enum class TextEncoding { Utf8, Utf8WithBom, Windows1252 };

struct DecodedText {
    std::string utf8;
    TextEncoding encoding = TextEncoding::Utf8;
};

bool is_valid_utf8(std::string_view bytes);

// Throws DataError (naming `source`) when the bytes are not text: "not a
// text file (looks like a PNG image)", or UTF-16 without a byte-order mark.
void require_text(std::string_view bytes, const std::string& source);

// Throws DataError (naming `source`) for UTF-16 input. Takes the bytes by
// value: UTF-8 input is moved through, not copied.
DecodedText decode_to_utf8(std::string bytes, const std::string& source);

const char* encoding_name(TextEncoding encoding);

} // namespace triallens
