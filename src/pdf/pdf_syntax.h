// The PDF file syntax (PDF 32000-1 §7): numbers, strings and names as the
// file spells them, and a file of numbered objects with its cross-reference
// table. Nothing here knows what a page or a font is.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace huozi::pdf {

// Appends a number with at most `decimals` decimals and no trailing zeros
// ("12", "0.5", "-3.25"), never in exponent form (§7.3.3).
void append_number(std::string& out, double v, int decimals = 3);
std::string number(double v, int decimals = 3);

// A literal string "(…)" of bytes, with ( ) \ escaped and bytes outside
// printable ASCII written as octal escapes.
std::string literal_string(std::string_view bytes);

// A text string (§7.9.2.2): literal if it is printable ASCII, else UTF-16BE
// with a byte order mark, in hex. `utf8` must be valid UTF-8.
std::string text_string(std::string_view utf8);

// UTF-8 to UTF-16BE, as hex digits ("4E2D"), for ToUnicode maps and ActualText.
std::string utf16be_hex(std::string_view utf8);

// A date string "D:YYYYMMDDHHmmSS" (§7.9.4) from ISO 8601 ("2026-11-28",
// "2026-11-28T08:30:00", "…Z", "…+08:00"); empty if it does not read as one.
std::string date_string(std::string_view iso);

// zlib deflate of `data` (FlateDecode, §7.4.4).
std::string deflate(std::string_view data, int level);

// A PDF file being written: objects are numbered when reserved and written in
// any order; finish() writes the cross-reference table and the trailer.
class ObjectFile {
 public:
  explicit ObjectFile(const std::filesystem::path& path);
  ~ObjectFile();
  ObjectFile(const ObjectFile&) = delete;
  ObjectFile& operator=(const ObjectFile&) = delete;

  // False once opening or writing has failed; error() says why.
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // A number for an object written later.
  int reserve();
  // Writes object `number` with the body `body` (a dictionary, an array …).
  void write_object(int number, std::string_view body);
  // Reserves a number and writes the object; returns the number.
  int add_object(std::string_view body) {
    int n = reserve();
    write_object(n, body);
    return n;
  }
  // Writes a stream object: `dictionary` holds the entries other than /Length.
  void write_stream(int number, std::string_view dictionary, std::string_view data);
  int add_stream(std::string_view dictionary, std::string_view data) {
    int n = reserve();
    write_stream(n, dictionary, data);
    return n;
  }

  // Writes the cross-reference table and the trailer, and closes the file.
  // Every reserved number must have been written. The /ID is a hash of the
  // bytes written, so the same content makes the same file.
  bool finish(int catalog, int info);

 private:
  void put(std::string_view bytes);

  std::FILE* file_ = nullptr;
  std::string error_;
  std::vector<uint64_t> offsets_;  // by object number; 0: reserved, not written
  uint64_t position_ = 0;
  uint64_t hash_ = 0xcbf29ce484222325ULL;  // FNV-1a over the bytes written
};

// " n 0 R", the reference to object n.
inline std::string ref(int n) { return std::to_string(n) + " 0 R"; }

}  // namespace huozi::pdf
