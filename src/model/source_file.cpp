#include "model/source_file.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <cstring>
#include <string_view>

#include "util/utf8.h"

namespace huozi::model {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), s.begin());
}

// Where `encoding = "name"` stands in an XML declaration: the whole attribute
// [begin, end) and the name [name, name_end); begin == end if there is none.
// (A scan rather than a std::regex: compiling that was 5 % of a one-page build.)
struct EncodingAttribute {
  size_t begin = 0, end = 0, name = 0, name_end = 0;
};

EncodingAttribute find_encoding(std::string_view decl) {
  auto space = [&](size_t i) { return i < decl.size() && std::strchr(" \t\r\n", decl[i]) && decl[i] != 0; };
  auto name_char = [&](size_t i) {
    return i < decl.size() && (std::isalnum(static_cast<unsigned char>(decl[i])) || std::strchr("._-", decl[i])) &&
           decl[i] != 0;
  };
  for (size_t at = decl.find("encoding"); at != std::string_view::npos; at = decl.find("encoding", at + 1)) {
    size_t i = at + 8;
    while (space(i)) ++i;
    if (i >= decl.size() || decl[i] != '=') continue;
    for (++i; space(i); ++i) {
    }
    if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) continue;
    char quote = decl[i];
    size_t name = ++i;
    while (name_char(i)) ++i;
    if (i == name || i >= decl.size() || decl[i] != quote) continue;
    return {at, i + 1, name, i};
  }
  return {};
}

// The encoding named in the XML declaration, lower-cased, or "".
std::string declared_encoding(const std::string& bytes) {
  if (!starts_with(bytes, "<?xml")) return {};
  size_t end = bytes.find("?>");
  if (end == std::string::npos || end > 200) return {};
  EncodingAttribute a = find_encoding(std::string_view(bytes).substr(0, end));
  if (a.begin == a.end) return {};
  std::string enc = bytes.substr(a.name, a.name_end - a.name);
  std::transform(enc.begin(), enc.end(), enc.begin(), [](unsigned char c) { return std::tolower(c); });
  return enc;
}

// Converts with ICU; returns false on any invalid or unmappable sequence.
bool convert_to_utf8(const std::string& bytes, const char* from, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(from, &status);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string utf16(bytes.size() + 2, u'\0');
  int32_t n = ucnv_toUChars(conv, utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  ucnv_close(conv);
  if (U_FAILURE(status)) return false;
  out.clear();
  out.reserve(bytes.size() * 3 / 2);
  for (int32_t i = 0; i < n; ++i) {
    char32_t c = utf16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && utf16[i + 1] >= 0xDC00 && utf16[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (utf16[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      return false;
    }
    utf8::append(out, c);
  }
  return true;
}

// Rewrites the declaration's encoding to UTF-8 so pugixml reads what we give it.
void relabel_as_utf8(std::string& text) {
  size_t end = text.find("?>");
  if (!starts_with(text, "<?xml") || end == std::string::npos) return;
  EncodingAttribute a = find_encoding(std::string_view(text).substr(0, end));
  if (a.begin != a.end) text.replace(a.begin, a.end - a.begin, "encoding=\"UTF-8\"");
}

// Files an editor may pick up instead of the source, by their first bytes: naming
// them is kinder than reporting their first byte as bad UTF-8.
struct Signature {
  std::string_view bytes;
  const char* what;
};
constexpr Signature kNotXml[] = {
    {"\x89PNG\r\n\x1A\n", "a PNG image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"GIF8", "a GIF image"},
    {"%PDF-", "a PDF document"},
    {"PK\x03\x04", "a ZIP archive (an EPUB, DOCX or ODT?)"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a Microsoft Office document (DOC?)"},
    {"{\\rtf", "an RTF document"},
};

const char* not_xml_kind(const std::string& bytes) {
  for (const Signature& s : kNotXml)
    if (starts_with(bytes, s.bytes)) return s.what;
  return nullptr;
}

// UTF-16 without a byte order mark, recognised as XML does (appendix F): the
// file starts with '<' as a UTF-16 code unit. Returns the ICU name, or nullptr.
const char* utf16_without_bom(const std::string& bytes) {
  if (starts_with(bytes, std::string_view("<\0", 2))) return "UTF-16LE";
  if (starts_with(bytes, std::string_view("\0<", 2))) return "UTF-16BE";
  return nullptr;
}

}  // namespace

bool read_file_bytes(const std::filesystem::path& path, size_t max_bytes, std::string& bytes,
                     std::string& error) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    error = "file not found";
    return false;
  }
  if (std::filesystem::is_directory(status)) {
    error = "is a directory, not a file";
    return false;
  }
  if (!std::filesystem::is_regular_file(status)) {
    error = "is not a regular file";
    return false;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (ec || size > max_bytes) {
    error = "file is larger than " + std::to_string(max_bytes >> 20) + " MiB";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot be read (permission denied?)";
    return false;
  }
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool SourceText::assign(std::string bytes, const std::string& name, DiagnosticList& diagnostics) {
  if (bytes.empty()) {
    diagnostics.error(name, 0, 0, "the file is empty", "a publication starts with <publication>");
    return false;
  }
  if (const char* kind = not_xml_kind(bytes)) {
    diagnostics.error(name, 1, 1, std::string("this is ") + kind + ", not an XML source",
                      "give huozi the publication's .xml file");
    return false;
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
  } else if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF") || utf16_without_bom(bytes)) {
    const char* from = utf16_without_bom(bytes);
    bool bom = !from;
    if (bom) {
      from = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
      bytes.erase(0, 2);
    }
    std::string converted;
    if (!convert_to_utf8(bytes, from, converted)) {
      diagnostics.error(name, 0, 0,
                        std::string("the file is not valid UTF-16 (it starts ") +
                            (bom ? "with a UTF-16 byte order mark)" : "with '<' in UTF-16)"),
                        "save the file as UTF-8");
      return false;
    }
    bytes = std::move(converted);
    relabel_as_utf8(bytes);
  } else if (std::string enc = declared_encoding(bytes);
             enc == "gb18030" || enc == "gbk" || enc == "gb2312" || enc == "cp936") {
    std::string converted;
    if (!convert_to_utf8(bytes, "GB18030", converted)) {
      diagnostics.error(name, 1, 1, "the file declares encoding \"" + enc + "\" but is not valid " + enc,
                        "save the file as UTF-8");
      return false;
    }
    bytes = std::move(converted);
    relabel_as_utf8(bytes);
  } else if (!enc.empty() && enc != "utf-8" && enc != "utf8") {
    diagnostics.error(name, 1, 1, "unsupported encoding \"" + enc + "\"",
                      "save the file as UTF-8 (GB18030, GBK and UTF-16 are also read)");
    return false;
  }
  // CRLF and lone CR become LF, as XML requires, before positions are counted.
  text_.clear();
  text_.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      text_ += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      text_ += bytes[i];
    }
  }
  line_starts_.assign(1, 0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);

  size_t bad = 0;
  if (!utf8::is_valid(text_, &bad)) {
    int line, column;
    position(bad, line, column);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text_[bad]));
    diagnostics.error(name, line, column, std::string("invalid UTF-8 (byte ") + hex + ")",
                      "the file may be GBK: save it as UTF-8, or declare "
                      "<?xml version=\"1.0\" encoding=\"GB18030\"?>");
    return false;
  }
  return true;
}

void SourceText::position(size_t offset, int& line, int& column) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  line = static_cast<int>(index + 1);
  // Count on from the last position when it is earlier on the same line.
  size_t from = line_starts_[index];
  int counted = 1;
  if (last_line_ == index && last_offset_ >= from && last_offset_ <= offset) {
    from = last_offset_;
    counted = last_column_;
  }
  column = counted + static_cast<int>(utf8::length(std::string_view(text_).substr(from, offset - from)));
  last_offset_ = offset;
  last_line_ = index;
  last_column_ = column;
}

}  // namespace huozi::model
