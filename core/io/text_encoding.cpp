#include "triallens/io/text_encoding.h"

#include "triallens/data/data_error.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace triallens {

namespace {

// Windows-1252 bytes 0x80..0x9F as Unicode code points; the five bytes the
// code page leaves unassigned keep their Latin-1 (C1 control) meaning.
constexpr std::array<std::uint16_t, 32> cp1252_high{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

std::string windows1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out.push_back(c);
        } else if (byte < 0xA0) {
            append_utf8(out, cp1252_high[byte - 0x80]);
        } else {
            append_utf8(out, byte);
        }
    }
    return out;
}

// Signatures of the binary files most often given a text name by mistake.
struct Signature {
    std::string_view magic;
    const char* looks_like;
};

constexpr std::array<Signature, 9> signatures{{
    {"\x89PNG\r\n\x1A\n", "a PNG image"},
    {"\x1F\x8B", "gzip-compressed data"},
    {"PK\x03\x04", "a ZIP archive, such as an Excel .xlsx workbook"},
    {"%PDF-", "a PDF document"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Excel .xls workbook"},
    {"BZh", "bzip2-compressed data"},
    {"HEADER RECORD*******LIBRARY", "a SAS transport file; name it .xpt"},
    {"HEADER RECORD*******LIBV8", "a SAS transport file; name it .xpt"},
}};

// "LE" or "BE" when the start of the bytes reads as UTF-16 text without a
// byte-order mark: mostly ASCII, so every other byte is NUL, always on the
// same side of each pair; nullptr otherwise.
const char* utf16_without_mark(std::string_view bytes) {
    const std::size_t pairs = std::min<std::size_t>(bytes.size(), 4096) / 2;
    std::size_t little = 0; // (x, 0) pairs
    std::size_t big = 0;    // (0, x) pairs
    for (std::size_t p = 0; p < pairs; ++p) {
        const bool first_nul = bytes[2 * p] == '\0';
        const bool second_nul = bytes[2 * p + 1] == '\0';
        little += !first_nul && second_nul ? 1 : 0;
        big += first_nul && !second_nul ? 1 : 0;
    }
    if (pairs >= 2 && little * 2 >= pairs && big == 0) {
        return "little-endian";
    }
    if (pairs >= 2 && big * 2 >= pairs && little == 0) {
        return "big-endian";
    }
    return nullptr;
}

} // namespace

void require_text(std::string_view bytes, const std::string& source) {
    for (const auto& signature : signatures) {
        if (bytes.starts_with(signature.magic)) {
            throw DataError({source, 0, {}}, std::string("not a text file (looks like ") +
                                                 signature.looks_like + ")");
        }
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        return; // UTF-16 with a byte-order mark: decode_to_utf8 says so
    }
    if (const char* order = utf16_without_mark(bytes)) {
        throw DataError({source, 0, {}}, std::string("the file is UTF-16 encoded (") + order +
                                             ", without a byte-order mark); save it as UTF-8 "
                                             "(or Windows-1252) CSV");
    }
    if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
        const auto offset = static_cast<const char*>(nul) - bytes.data();
        throw DataError({source, 0, {}},
                        "not a text file (looks like binary data: a NUL byte at byte " +
                            std::to_string(offset + 1) + ")");
    }
}

bool is_valid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        // Eight ASCII bytes at a time: data files are nearly all ASCII.
        while (i + 8 <= n) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes.data() + i, 8);
            if ((word & 0x8080808080808080u) != 0) {
                break;
            }
            i += 8;
        }
        if (i >= n) {
            break;
        }
        const auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code_point = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            code_point = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            code_point = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            code_point = lead & 0x07u;
        } else {
            return false;
        }
        if (i + length > n) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            code_point = (code_point << 6) | (next & 0x3Fu);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        if ((length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000) ||
            (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
            return false;
        }
        i += length;
    }
    return true;
}

DecodedText decode_to_utf8(std::string bytes, const std::string& source) {
    const std::string_view view = bytes;
    if (view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF")) {
        throw DataError({source, 0, {}},
                        "the file is UTF-16 encoded; save it as UTF-8 (or Windows-1252) CSV");
    }
    if (view.starts_with("\xEF\xBB\xBF")) {
        if (is_valid_utf8(view.substr(3))) {
            bytes.erase(0, 3);
            return {std::move(bytes), TextEncoding::Utf8WithBom};
        }
        // A UTF-8 mark on bytes that are not UTF-8: the mark lies; decode the bytes.
        return {windows1252_to_utf8(view.substr(3)), TextEncoding::Windows1252};
    }
    if (is_valid_utf8(view)) {
        return {std::move(bytes), TextEncoding::Utf8};
    }
    return {windows1252_to_utf8(view), TextEncoding::Windows1252};
}

const char* encoding_name(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Utf8:
        return "UTF-8";
    case TextEncoding::Utf8WithBom:
        return "UTF-8 with byte-order mark";
    case TextEncoding::Windows1252:
        return "Windows-1252";
    }
    return "UTF-8";
}

} // namespace triallens
