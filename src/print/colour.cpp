#include "print/colour.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <qpdf/QPDFTokenizer.hh>
#include <vector>

namespace huozi::print {
namespace {

using Token = QPDFTokenizer::Token;

class NeutralToGray : public QPDFObjectHandle::TokenFilter {
 public:
  void handleToken(const Token& token) override {
    if (token.getType() != QPDFTokenizer::tt_word) {
      pending_.push_back(token);
      return;
    }
    const std::string& op = token.getValue();
    std::vector<const Token*> operands;
    for (const Token& t : pending_)
      if (t.getType() != QPDFTokenizer::tt_space && t.getType() != QPDFTokenizer::tt_comment)
        operands.push_back(&t);
    bool neutral = (op == "rg" || op == "RG") && operands.size() == 3;
    for (const Token* t : operands)
      neutral =
          neutral && (t->getType() == QPDFTokenizer::tt_integer || t->getType() == QPDFTokenizer::tt_real);
    if (neutral) {
      double r = std::stod(operands[0]->getValue());
      neutral = r == std::stod(operands[1]->getValue()) && r == std::stod(operands[2]->getValue());
    }
    if (neutral) {
      // Keep the whitespace before the operands, then the grey.
      for (const Token& t : pending_) {
        if (t.getType() != QPDFTokenizer::tt_space) break;
        writeToken(t);
      }
      write(operands[0]->getRawValue() + (op == "rg" ? " g" : " G"));
    } else {
      flush();
      writeToken(token);
    }
    pending_.clear();
  }

  void handleEOF() override { flush(); }

 private:
  void flush() {
    for (const Token& t : pending_) writeToken(t);
    pending_.clear();
  }
  std::vector<Token> pending_;
};

bool is_name(QPDFObjectHandle o, const char* name) { return o.isName() && o.getName() == name; }

void add_default_rgb(QPDFObjectHandle resources, QPDFObjectHandle srgb) {
  QPDFObjectHandle spaces = resources.getKey("/ColorSpace");
  if (!spaces.isDictionary()) {
    spaces = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/ColorSpace", spaces);
  }
  spaces.replaceKey("/DefaultRGB", srgb);
}

}  // namespace

std::shared_ptr<QPDFObjectHandle::TokenFilter> make_neutral_to_gray_filter() {
  return std::make_shared<NeutralToGray>();
}

IccProfile read_icc_profile(const std::string& path) {
  IccProfile profile{path, {}, {}};
  auto fail = [&](const std::string& why) {
    profile.error = "cannot read the ICC profile " + path + ": " + why;
    return profile;
  };
  // O_NONBLOCK: a FIFO or a device is refused below, never waited on.
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return fail(std::strerror(errno));
  struct stat st {};
  std::string why;
  if (fstat(fd, &st) != 0)
    why = std::strerror(errno);
  else if (!S_ISREG(st.st_mode))
    why = "not a regular file";
  else if (st.st_size > kMaxIccProfileBytes)
    why = std::to_string(st.st_size / (1024 * 1024)) + " MB is more than an ICC profile's " +
          std::to_string(kMaxIccProfileBytes / (1024 * 1024)) + " MB";
  else
    profile.bytes.resize(static_cast<size_t>(st.st_size));
  // A file that grows while it is read is cut at the size stat gave.
  size_t got = 0;
  while (why.empty() && got < profile.bytes.size()) {
    ssize_t n = read(fd, profile.bytes.data() + got, profile.bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) why = std::strerror(errno);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fd);
  profile.bytes.resize(got);
  if (!why.empty()) return fail(why);
  return profile;
}

QPDFObjectHandle icc_colour_space(QPDF& pdf, const IccProfile& profile, int components) {
  QPDFObjectHandle stream = pdf.newStream(profile.bytes);
  stream.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(components));
  stream.getDict().replaceKey("/Alternate", QPDFObjectHandle::newName(components == 4   ? "/DeviceCMYK"
                                                                      : components == 3 ? "/DeviceRGB"
                                                                                        : "/DeviceGray"));
  return pdf.makeIndirectObject(QPDFObjectHandle::newArray(
      std::vector<QPDFObjectHandle>{QPDFObjectHandle::newName("/ICCBased"), stream}));
}

QPDFObjectHandle registration_colour_space(QPDF& pdf, int intent_components, QPDFObjectHandle rgb) {
  QPDFObjectHandle alternate = rgb;
  std::string white = "1 1 1", full = "0 0 0";
  if (intent_components == 4) {
    alternate = QPDFObjectHandle::newName("/DeviceCMYK");
    white = "0 0 0 0", full = "1 1 1 1";
  } else if (intent_components == 1) {
    alternate = QPDFObjectHandle::newName("/DeviceGray");
    white = "1", full = "0";
  }
  QPDFObjectHandle tint = QPDFObjectHandle::parse("<< /FunctionType 2 /Domain [0 1] /C0 [" + white +
                                                  "] /C1 [" + full + "] /N 1 >>");
  return pdf.makeIndirectObject(QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
      QPDFObjectHandle::newName("/Separation"), QPDFObjectHandle::newName("/All"), alternate, tint}));
}

void make_rgb_device_independent(QPDFObjectHandle object, QPDFObjectHandle srgb, std::set<QPDFObjGen>& seen) {
  if (object.isIndirect() && !seen.insert(object.getObjGen()).second) return;
  if (object.isArray()) {
    for (QPDFObjectHandle item : object.aitems()) make_rgb_device_independent(item, srgb, seen);
    return;
  }
  if (!object.isDictionary() && !object.isStream()) return;
  QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
  if (is_name(dict.getKey("/ColorSpace"), "/DeviceRGB") &&
      (is_name(dict.getKey("/Subtype"), "/Image") || dict.hasKey("/ShadingType")))
    dict.replaceKey("/ColorSpace", srgb);
  if (is_name(dict.getKey("/S"), "/Transparency") && is_name(dict.getKey("/CS"), "/DeviceRGB"))
    dict.replaceKey("/CS", srgb);
  if (dict.getKey("/Resources").isDictionary()) add_default_rgb(dict.getKey("/Resources"), srgb);
  if (object.isStream() &&
      (is_name(dict.getKey("/Subtype"), "/Form") || dict.getKey("/PatternType").isInteger()))
    object.addTokenFilter(make_neutral_to_gray_filter());
  for (const auto& [key, value] : dict.ditems()) {
    if (key == "/Parent" || key == "/ColorSpace" || key == "/CS") continue;
    make_rgb_device_independent(value, srgb, seen);
  }
}

}  // namespace huozi::print
