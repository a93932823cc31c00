#pragma once
// Reads a data file's bytes, refusing what is not a regular file before
// opening it: a named pipe (FIFO) or a device would block or never end, a
// folder or a symbolic link loop cannot be read. Every refusal is a DataError
// naming the path, in words ("not a regular file (a named pipe, FIFO)"),
// never the text of a std::filesystem error.
//
// A file is read to its end, not to the size it had when it was looked at:
// a file that grows or shrinks while it is read (a site's export still being
// written) is refused, rather than read as the part that was there.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace triallens {

// Why `path` is not a regular file that can be read ("no such file", "not a
// regular file (a device)", "a symbolic link loop: ...", "a folder, not a
// file"), from stat alone; nullopt for a regular file.
std::optional<std::string> file_problem(const std::filesystem::path& path);

// The whole file; throws DataError naming it when it cannot be read whole,
// and std::bad_alloc when it cannot be held: load_study then says how much
// the whole load would need (too_large_to_load).
std::string read_file_bytes(const std::filesystem::path& file);

// "too large to load (needs ~1.5 GB)", or "~240 MB" below a gigabyte: what
// a load says instead of letting std::bad_alloc escape, with the memory it
// would have needed.
std::string too_large_to_load(std::uint64_t bytes_needed);

} // namespace triallens
