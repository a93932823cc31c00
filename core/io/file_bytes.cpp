#include "triallens/io/file_bytes.h"

#include "triallens/data/data_error.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <new>
#include <system_error>

namespace triallens {

namespace fs = std::filesystem;

std::optional<std::string> file_problem(const fs::path& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error) {
        if (error == std::errc::no_such_file_or_directory) {
            return "no such file";
        }
        if (error == std::errc::too_many_symbolic_link_levels) {
            return "a symbolic link loop: the path never reaches a file";
        }
        if (error == std::errc::permission_denied) {
            return "cannot be read: permission denied";
        }
        if (error == std::errc::not_a_directory) {
            return "no such file (a part of the path is a file, not a folder)";
        }
        return "cannot be read: " + error.message();
    }
    switch (status.type()) {
    case fs::file_type::regular:
        return std::nullopt;
    case fs::file_type::not_found:
        return "no such file";
    case fs::file_type::directory:
        return "a folder, not a file";
    case fs::file_type::fifo:
        return "not a regular file (a named pipe, FIFO): only files are read";
    case fs::file_type::character:
    case fs::file_type::block:
        return "not a regular file (a device): only files are read";
    case fs::file_type::socket:
        return "not a regular file (a socket): only files are read";
    default:
        return "not a regular file: only files are read";
    }
}

std::string read_file_bytes(const fs::path& file) {
    const DataLocation where{file.string(), 0, {}};
    if (const auto problem = file_problem(file)) {
        throw DataError(where, *problem);
    }
    std::error_code error;
    const std::uintmax_t size_before = fs::file_size(file, error);
    std::ifstream in(file, std::ios::binary);
    if (error || !in) {
        throw DataError(where, "cannot open the file");
    }
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size_before));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    auto got = static_cast<std::size_t>(in.gcount());
    // Read on to the true end: the size may be stale.
    constexpr std::size_t chunk = std::size_t{1} << 16;
    while (in && got == bytes.size()) {
        bytes.resize(got + chunk);
        in.read(bytes.data() + got, static_cast<std::streamsize>(chunk));
        got += static_cast<std::size_t>(in.gcount());
    }
    bytes.resize(got);
    if (in.bad()) {
        throw DataError(where, "cannot read the file");
    }
    const std::uintmax_t size_after = fs::file_size(file, error);
    if (bytes.size() != size_before || (!error && size_after != size_before)) {
        throw DataError(where, "the file changed while it was read (" +
                                   std::to_string(size_before) + " bytes before, " +
                                   std::to_string(bytes.size()) +
                                   " read): load it again once it is complete");
    }
    return bytes;
}

std::string too_large_to_load(std::uint64_t bytes_needed) {
    // Two significant figures, in MB below a gigabyte: "~0.0 GB" says nothing.
    const double gb = static_cast<double>(bytes_needed) / 1e9;
    char amount[48];
    if (gb >= 1.0) {
        std::snprintf(amount, sizeof amount, "%.*f GB", gb < 10.0 ? 1 : 0, gb);
    } else {
        const double mb = std::max(1.0, static_cast<double>(bytes_needed) / 1e6);
        std::snprintf(amount, sizeof amount, "%.*f MB", mb < 10.0 ? 1 : 0, mb);
    }
    return std::string("too large to load (needs ~") + amount + ")";
}

} // namespace triallens
