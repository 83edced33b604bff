// The file's claims: which PDF/X it says it is (and, for PDF/X-1a, the header
// version and Trapped key that standard requires), and its OutputIntent: the
// printing condition's ICC profile, which must be a CMYK output profile for a
// press, and which sets the total area coverage allowed.
#include <lcms2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "print/preflight_check.h"
#include "util/handle.h"

namespace huozi::print::preflight_detail {
namespace {

// Ink limits (total area coverage, in %) when LittleCMS cannot read the
// output profile's separation: by printing condition.
constexpr double kDefaultInkLimit = 320;
constexpr double kNewsprintInkLimit = 240;  // coldset newspaper printing (ISO 12647-3)

// What preflight reads of an ICC profile: the header and the description.
struct IccProfile {
  bool readable = false;
  int major = 0;              // the version's major number: 2 or 4
  bool float_tables = false;  // D2Bx or B2Dx tags: multi-process elements, of any length
  std::string space, device_class, version, description;
};

uint32_t be32(const std::string& d, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(d[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

// UTF-16BE to UTF-8 (outside the BMP: '?').
std::string utf8_of_utf16be(const std::string& d, size_t at, size_t bytes) {
  std::string out;
  for (size_t i = 0; i + 1 < bytes; i += 2) {
    unsigned u = static_cast<unsigned char>(d[at + i]) << 8 | static_cast<unsigned char>(d[at + i + 1]);
    if (u == 0) break;
    if (u < 0x80)
      out += static_cast<char>(u);
    else if (u < 0x800)
      out += {static_cast<char>(0xC0 | u >> 6), static_cast<char>(0x80 | (u & 0x3F))};
    else if (u >= 0xD800 && u < 0xE000)
      out += '?';
    else
      out += {static_cast<char>(0xE0 | u >> 12), static_cast<char>(0x80 | (u >> 6 & 0x3F)),
              static_cast<char>(0x80 | (u & 0x3F))};
  }
  return out;
}

// The 'desc' tag's text: a textDescriptionType (ICC v2) or the first record
// of a multiLocalizedUnicodeType (ICC v4). Empty when there is none.
std::string icc_description(const std::string& d) {
  if (d.size() < 132) return {};
  uint32_t tags = be32(d, 128);
  for (uint32_t i = 0; i < tags && 132 + 12 * (size_t{i} + 1) <= d.size(); ++i) {
    size_t entry = 132 + 12 * size_t{i};
    if (d.compare(entry, 4, "desc") != 0) continue;
    size_t at = be32(d, entry + 4), size = be32(d, entry + 8);
    if (at > d.size() || size > d.size() - at || size < 16) return {};
    if (d.compare(at, 4, "desc") == 0) {
      size_t count = std::min<size_t>(be32(d, at + 8), size - 12);
      std::string text = d.substr(at + 12, count);
      return text.substr(0, text.find('\0'));
    }
    if (d.compare(at, 4, "mluc") == 0 && be32(d, at + 8) > 0 && size >= 28) {
      size_t length = be32(d, at + 20), offset = be32(d, at + 24);
      if (offset > size || length > size - offset) return {};
      return utf8_of_utf16be(d, at + offset, length);
    }
    return {};
  }
  return {};
}

// Whether the tag table lists a floating-point transform (D2B0…, B2D0…):
// its chain of processing elements is as long as the file makes it.
bool has_float_tables(const std::string& d) {
  if (d.size() < 132) return false;
  uint32_t tags = be32(d, 128);
  for (uint32_t i = 0; i < tags && 132 + 12 * (size_t{i} + 1) <= d.size(); ++i) {
    size_t entry = 132 + 12 * size_t{i};
    if (d.compare(entry, 3, "D2B") == 0 || d.compare(entry, 3, "B2D") == 0) return true;
  }
  return false;
}

IccProfile read_icc(const std::string& d) {
  IccProfile icc;
  if (d.size() < 24) return icc;
  icc.readable = true;
  icc.major = static_cast<unsigned char>(d[8]);
  icc.device_class = d.substr(12, 4);
  icc.space = d.substr(16, 4);
  while (!icc.space.empty() && icc.space.back() == ' ') icc.space.pop_back();
  char version[16];
  std::snprintf(version, sizeof version, "%d.%d", d[8], static_cast<unsigned char>(d[9]) >> 4);
  icc.version = version;
  icc.description = icc_description(d);
  icc.float_tables = has_float_tables(d);
  return icc;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The number written right after `at` ("TAC 300 %", "TAC=300%"), or 0.
double number_after(const std::string& s, size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '=' || s[at] == ':')) ++at;
  double n = 0;
  size_t digits = 0;
  for (; at < s.size() && std::isdigit(static_cast<unsigned char>(s[at])) && digits < 4; ++at, ++digits)
    n = n * 10 + (s[at] - '0');
  return digits ? n : 0;
}

// A coverage the profile's maker wrote into its description: "TAC 300 %", or
// a bare "300%" as in ECI's "ISO Coated v2 300% (ECI)". 0 when none.
double written_ink_limit(const std::string& description) {
  std::string d = lower(description);
  for (size_t at = d.find("tac"); at != std::string::npos; at = d.find("tac", at + 1)) {
    double n = number_after(d, at + 3);
    if (n >= 100 && n <= 500) return n;
  }
  for (size_t at = d.find('%'); at != std::string::npos; at = d.find('%', at + 1)) {
    size_t end = at > 0 && d[at - 1] == ' ' ? at - 1 : at;
    if (end < 3) continue;
    size_t start = end - 3;
    bool digits = std::all_of(d.begin() + start, d.begin() + end, [](char c) { return std::isdigit(c); });
    if (!digits || (start > 0 && std::isdigit(static_cast<unsigned char>(d[start - 1])))) continue;
    double n = std::stod(d.substr(start, 3));
    if (n >= 200 && n <= 400) return n;
  }
  return 0;
}

void close_profile(void* p) { cmsCloseProfile(p); }
using ProfileHandle = huozi::Handle<void, close_profile>;

// The total area coverage of the profile's own separation, in whole percent:
// LittleCMS's cmsDetectTAC, which separates Lab colours through the profile's
// perceptual B2A table and keeps the highest C+M+Y+K. 0 when LittleCMS cannot
// read the profile (or it is no output profile). Floating-point tables are
// not handed to it: their length, and so the time taken, has no bound.
double detected_ink_limit(const std::string& profile) {
  if (profile.empty() || read_icc(profile).float_tables) return 0;
  cmsSetLogErrorHandler(nullptr);  // preflight reports by the result alone
  ProfileHandle p(cmsOpenProfileFromMem(profile.data(), static_cast<cmsUInt32Number>(profile.size())));
  if (!p || cmsGetColorSpace(p.get()) != cmsSigCmykData) return 0;
  double tac = cmsDetectTAC(p.get());
  return std::isfinite(tac) && tac >= 1 && tac <= 400 ? std::round(tac) : 0;
}

// The total area coverage a printing condition takes, and why: the output
// profile's own (by LittleCMS), else what its description or the condition says.
std::pair<double, std::string> ink_limit_for(const std::string& condition, const std::string& description,
                                             const std::string& profile) {
  if (double n = detected_ink_limit(profile)) return {n, "from the output profile, by LittleCMS"};
  if (double n = written_ink_limit(description)) return {n, "from the profile's description"};
  std::string both = lower(condition + " " + description);
  auto says = [&](const char* word) { return both.find(word) != std::string::npos; };
  if (says("newsprint") || says("newspaper") || says("12647-3"))
    return {kNewsprintInkLimit, "newsprint, ISO 12647-3"};
  return {kDefaultInkLimit, "the default; the intent names no paper"};
}

// A property of an XMP packet, as an element or as an attribute: the first
// occurrence of the key that is one (a hostile packet repeating the key
// without a value is read once, not once per repetition); empty when absent.
std::string xmp_value(const std::string& xmp, const std::string& key) {
  for (size_t at = xmp.find(key); at != std::string::npos; at = xmp.find(key, at + 1)) {
    size_t end = at + key.size();
    if (end < xmp.size() && xmp[end] == '>') {
      size_t close = xmp.find('<', end);
      return close == std::string::npos ? std::string() : xmp.substr(end + 1, close - end - 1);
    }
    if (end + 1 < xmp.size() && xmp[end] == '=' && (xmp[end + 1] == '"' || xmp[end + 1] == '\'')) {
      size_t close = xmp.find(xmp[end + 1], end + 2);
      return close == std::string::npos ? std::string() : xmp.substr(end + 2, close - end - 2);
    }
  }
  return {};
}

// Text from the file, fit for a report line: control characters as spaces, at most `most` bytes.
std::string printable(std::string s, size_t most = 96) {
  if (s.size() > most) {
    while (most > 0 && (static_cast<unsigned char>(s[most]) & 0xC0) == 0x80) --most;  // a whole character
    s = s.substr(0, most) + "…";
  }
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return s;
}

std::string text_of(Handle o) { return o.isString() ? printable(o.getUTF8Value()) : std::string(); }

}  // namespace

void Checker::identify_pdfx(QPDF& pdf) {
  Handle info = at(pdf.getTrailer(), "/Info");
  std::string xmp;
  Handle metadata = at(pdf.getRoot(), "/Metadata");
  if (metadata.isStream()) xmp = read_metadata(metadata);
  std::string info_version = text_of(at(info, "/GTS_PDFXVersion"));
  std::string xmp_version = printable(xmp_value(xmp, "GTS_PDFXVersion"));
  std::string info_level = text_of(at(info, "/GTS_PDFXConformance"));
  std::string xmp_level = printable(xmp_value(xmp, "GTS_PDFXConformance"));
  auto claim = [&](const std::string& value, const std::string& what, const char* where) {
    if (!value.empty())
      report.pdfx_version += (report.pdfx_version.empty() ? "" : ", ") + what + value + " (" + where + ")";
  };
  claim(info_version, "", "Info");
  claim(xmp_version, "", "XMP");
  claim(info_level, "conformance ", "Info");
  claim(xmp_level, "conformance ", "XMP");
  if (info_version.empty() && xmp_version.empty())
    add(Level::Warning, "no GTS_PDFXVersion: the file does not claim to be PDF/X");
  for (const std::string& v : {info_version, xmp_version})
    if (v.rfind("PDF/X-1", 0) == 0) x1a = true;
  for (const std::string& v : {info_level, xmp_level})
    if (v.rfind("PDF/X-1a", 0) == 0) x1a = true;

  Handle trapped = at(info, "/Trapped");
  if (!is_name(trapped, "/True") && !is_name(trapped, "/False")) {
    if (x1a)
      add(Level::Failure, "Trapped is not True or False: PDF/X-1a requires one of them");
    else
      add(Level::Warning, "Trapped is not True or False: the printer cannot tell whether to trap");
  }
  // PDF/X-1a:2001 is based on PDF 1.3, PDF/X-1a:2003 on PDF 1.4.
  bool x1a_2001 = false;
  for (const std::string& v : {info_version, xmp_version})
    if (v.rfind("PDF/X-1:2001", 0) == 0 || v.rfind("PDF/X-1a:2001", 0) == 0) x1a_2001 = true;
  for (const std::string& v : {info_level, xmp_level})
    if (v.rfind("PDF/X-1a:2001", 0) == 0) x1a_2001 = true;
  double header = std::strtod(report.pdf_version.c_str(), nullptr);
  if (x1a_2001 && header > 1.3 + 1e-9)
    add(Level::Failure,
        "PDF " + report.pdf_version + " header in a PDF/X-1a:2001 file: PDF/X-1a:2001 is PDF 1.3");
  else if (x1a && header > 1.4 + 1e-9)
    add(Level::Failure,
        "PDF " + report.pdf_version + " header in a PDF/X-1a file: PDF/X-1a is PDF 1.4 at most");
}

void Checker::check_output_intent(QPDF& pdf) {
  Handle intents = at(pdf.getRoot(), "/OutputIntents");
  Handle oi = Handle::newNull();
  if (intents.isArray())
    for (Handle candidate : intents.aitems())
      if (is_name(at(candidate, "/S"), "/GTS_PDFX")) {
        oi = candidate;
        break;
      }
  if (oi.isNull()) {
    add(Level::Failure,
        "no PDF/X OutputIntent: the printer cannot tell which printing condition the colours are for");
    std::tie(report.ink_limit, report.ink_limit_reason) = ink_limit_for("", "", "");
    return;
  }
  Handle id = at(oi, "/OutputConditionIdentifier");
  std::string condition =
      text_of(id) + " " + text_of(at(oi, "/OutputCondition")) + " " + text_of(at(oi, "/Info"));
  std::string text = "GTS_PDFX \"" + (id.isString() ? text_of(id) : std::string("?")) + "\"";
  std::string description, bytes;
  Handle profile = at(oi, "/DestOutputProfile");
  if (profile.isStream()) {
    bytes = read_metadata(profile);
    IccProfile icc = read_icc(bytes);
    if (!icc.readable) {
      text += ", unreadable profile";
      add(Level::Failure, "the OutputIntent's ICC profile cannot be read");
    } else {
      intent_space_ = icc.space;
      text += ", " + icc.space + " profile, class '" + icc.device_class + "', ICC " + icc.version;
      if (!icc.description.empty()) text += ", \"" + printable(icc.description) + "\"";
      if (icc.space != "CMYK" || icc.device_class != "prtr")
        add(Level::Failure, "the OutputIntent's ICC profile is " + icc.space + ", class '" +
                                icc.device_class +
                                "': a press needs a CMYK output ('prtr') profile for its printing condition");
      check_profile_version(icc.major);
    }
    description = icc.description;
  } else {
    text += ", no embedded profile";
    // PDF/X-1a and X-3 may name a registered condition instead of embedding it.
    bool registered = at(oi, "/RegistryName").isString() &&
                      (x1a || report.pdfx_version.find("PDF/X-3") != std::string::npos);
    if (registered && x1a) intent_space_ = "CMYK";  // PDF/X-1a prints in CMYK
    if (!registered)
      add(Level::Failure,
          "the OutputIntent embeds no ICC profile (DestOutputProfile): the printing condition's colours are "
          "unknown");
  }
  report.output_intent = text;
  std::tie(report.ink_limit, report.ink_limit_reason) = ink_limit_for(condition, description, bytes);
}

// PDF/X-1a (PDF 1.3 or 1.4) and PDF/X-3 know ICC profiles up to version 2.
void Checker::check_profile_version(int major) {
  bool x3 = report.pdfx_version.find("PDF/X-3") != std::string::npos;
  if (major < 4 || (!x1a && !x3)) return;
  std::string standard = x1a ? "PDF/X-1a" : "PDF/X-3";
  add(Level::Failure, "ICC v" + std::to_string(major) + " output profile in a " + standard +
                          " file: PDF/X-1a and X-3 take ICC v2 profiles only");
}

}  // namespace huozi::print::preflight_detail
