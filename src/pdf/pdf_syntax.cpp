#include "pdf/pdf_syntax.h"

#include <zlib.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#include "util/utf8.h"

namespace huozi::pdf {

void append_number(std::string& out, double v, int decimals) {
  if (!std::isfinite(v)) v = 0;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (ec != std::errc()) {
    out += '0';
    return;
  }
  char* dot = static_cast<char*>(std::memchr(buf, '.', static_cast<size_t>(end - buf)));
  if (dot) {
    while (end > dot + 1 && end[-1] == '0') --end;
    if (end == dot + 1) end = dot;
  }
  std::string_view s(buf, static_cast<size_t>(end - buf));
  if (s == "-0") s = "0";
  out += s;
}

std::string number(double v, int decimals) {
  std::string out;
  append_number(out, v, decimals);
  return out;
}

std::string literal_string(std::string_view bytes) {
  std::string out = "(";
  for (unsigned char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c > 0x7E) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ")";
}

std::string utf16be_hex(std::string_view utf8_text) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  auto unit = [&](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(u >> shift) & 0xF];
  };
  for (size_t i = 0; i < utf8_text.size();) {
    char32_t c = utf8::next(utf8_text, i);
    if (c >= 0x10000) {
      c -= 0x10000;
      unit(0xD800 + (static_cast<unsigned>(c) >> 10));
      unit(0xDC00 + (static_cast<unsigned>(c) & 0x3FF));
    } else {
      unit(static_cast<unsigned>(c));
    }
  }
  return out;
}

std::string text_string(std::string_view utf8_text) {
  bool ascii = true;
  for (unsigned char c : utf8_text) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) return literal_string(utf8_text);
  return "<FEFF" + utf16be_hex(utf8_text) + ">";
}

std::string date_string(std::string_view iso) {
  // Digits of date and time in order, then the zone.
  std::string digits, zone;
  size_t i = 0;
  for (; i < iso.size() && digits.size() < 14; ++i) {
    char c = iso[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '-' && digits.size() < 8) {
    } else if ((c == 'T' || c == ' ') && digits.size() == 8) {
    } else if (c == ':' && digits.size() > 8) {
    } else {
      break;
    }
  }
  if (digits.size() != 8 && digits.size() != 12 && digits.size() != 14) return {};
  std::string_view rest = iso.substr(i);
  if (rest == "Z") {
    zone.push_back('Z');
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    zone = rest[0];
    zone += rest.substr(1, 2);
    zone += '\'';
    zone += rest.substr(4, 2);
    zone += '\'';
  } else if (!rest.empty()) {
    return {};
  }
  std::string date = "D:";
  date += digits;
  date += zone;
  return date;
}

namespace {

// One deflate stream a thread, reset for each use: setting one up allocates
// and touches some 270 KB, which for every page of a long book was a good
// part of the build's page faults.
class Deflater {
 public:
  ~Deflater() {
    if (level_ >= 0) deflateEnd(&stream_);
  }

  bool start(int level) {
    if (level == level_) return deflateReset(&stream_) == Z_OK;
    if (level_ >= 0) deflateEnd(&stream_);
    stream_ = z_stream{};
    level_ = deflateInit(&stream_, level) == Z_OK ? level : -1;
    return level_ >= 0;
  }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  int level_ = -1;
};

}  // namespace

std::string deflate(std::string_view data, int level) {
  thread_local Deflater deflater;
  if (!deflater.start(level)) return {};
  z_stream& z = deflater.stream();
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (::deflate(&z, Z_FINISH) != Z_STREAM_END) return {};
  out.resize(z.total_out);
  return out;
}

ObjectFile::ObjectFile(const std::filesystem::path& path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) {
    error_ = "cannot write " + path.string() + ": " + std::strerror(errno);
    return;
  }
  // Large writes: a PDF is written front to back in one pass.
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  offsets_.push_back(0);  // object 0 is the head of the free list
  // The binary comment marks the file as binary for transfer programs (§7.5.2).
  put("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
}

ObjectFile::~ObjectFile() {
  if (file_) std::fclose(file_);
}

void ObjectFile::put(std::string_view bytes) {
  if (!ok()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    error_ = std::string("cannot write the PDF: ") + std::strerror(errno);
    return;
  }
  position_ += bytes.size();
  for (unsigned char c : bytes) hash_ = (hash_ ^ c) * 0x100000001b3ULL;
}

int ObjectFile::reserve() {
  offsets_.push_back(0);
  return static_cast<int>(offsets_.size() - 1);
}

void ObjectFile::write_object(int number, std::string_view body) {
  offsets_[static_cast<size_t>(number)] = position_;
  std::string head = std::to_string(number) + " 0 obj\n";
  put(head);
  put(body);
  put("\nendobj\n");
}

void ObjectFile::write_stream(int number, std::string_view dictionary, std::string_view data) {
  offsets_[static_cast<size_t>(number)] = position_;
  std::string head = std::to_string(number) + " 0 obj\n<<";
  head += dictionary;
  head += " /Length " + std::to_string(data.size()) + " >>\nstream\n";
  put(head);
  put(data);
  put("\nendstream\nendobj\n");
}

bool ObjectFile::finish(int catalog, int info) {
  if (!ok()) return false;
  for (size_t n = 1; n < offsets_.size(); ++n)
    if (offsets_[n] == 0) write_object(static_cast<int>(n), "null");  // never left dangling
  uint64_t xref = position_;
  std::string table = "xref\n0 " + std::to_string(offsets_.size()) + "\n0000000000 65535 f \n";
  char entry[32];
  for (size_t n = 1; n < offsets_.size(); ++n) {
    std::snprintf(entry, sizeof entry, "%010llu 00000 n \n", static_cast<unsigned long long>(offsets_[n]));
    table += entry;
  }
  char id[40];
  std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(hash_),
                static_cast<unsigned long long>(hash_ * 0x9E3779B97F4A7C15ULL + offsets_.size()));
  table += "trailer\n<< /Size " + std::to_string(offsets_.size()) + " /Root " + ref(catalog) + " /Info " +
           ref(info) + " /ID [<" + id + "> <" + id + ">] >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  put(table);
  if (std::fclose(file_) != 0 && ok()) error_ = std::string("cannot write the PDF: ") + std::strerror(errno);
  file_ = nullptr;
  return ok();
}

}  // namespace huozi::pdf
