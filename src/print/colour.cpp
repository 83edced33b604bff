#include "print/colour.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <qpdf/QPDFTokenizer.hh>

#include "print/colour_conversion.h"
#include "print/operands.h"
#include <vector>

namespace huozi::print {
namespace {

using Token = QPDFTokenizer::Token;

// Collects the operands before each operator and lets a subclass replace an
// operator whose operands are all numbers; everything else passes unchanged.
class OperatorFilter : public QPDFObjectHandle::TokenFilter {
 public:
  void handleToken(const Token& token) override {
    if (token.getType() != QPDFTokenizer::tt_word) {
      pending_.push_back(token);
      return;
    }
    std::vector<double> numbers;
    bool numeric = true;
    for (const Token& t : pending_) {
      QPDFTokenizer::token_type_e type = t.getType();
      if (type == QPDFTokenizer::tt_integer || type == QPDFTokenizer::tt_real)
        numbers.push_back(std::stod(t.getValue()));
      else if (type != QPDFTokenizer::tt_space && type != QPDFTokenizer::tt_comment)
        numeric = false;
    }
    std::string replacement;
    if (pdf13_ && token.getValue() == "BDC") {
      // Marked content keeps its tag, without the property list.
      for (const Token& t : pending_)
        if (t.getType() == QPDFTokenizer::tt_name) {
          replacement = t.getRawValue() + " BMC";
          break;
        }
    }
    if (!replacement.empty() || (numeric && rewrite(token.getValue(), numbers, replacement))) {
      // Keep the whitespace before the operands, then the replacement.
      for (const Token& t : pending_) {
        if (t.getType() != QPDFTokenizer::tt_space) break;
        writeToken(t);
      }
      write(replacement);
    } else {
      flush();
      writeToken(token);
    }
    pending_.clear();
  }

  void handleEOF() override { flush(); }

 protected:
  bool pdf13_ = false;  // BDC with properties (PDF 1.5's ActualText) becomes BMC

  // The replacement for `op` with these operands, or false to keep both.
  virtual bool rewrite(const std::string& op, const std::vector<double>& operands, std::string& out) = 0;

 private:
  void flush() {
    for (const Token& t : pending_) writeToken(t);
    pending_.clear();
  }
  std::vector<Token> pending_;
};


class ToCmyk : public OperatorFilter {
 public:
  ToCmyk(const CmykConverter& converter, bool pdf13) : converter_(converter) { pdf13_ = pdf13; }

 private:
  // Overprint as this stream has set it; a form starts from the page's
  // default (off), which is how the print file places every form.
  struct Overprint {
    bool fill = false, stroke = false;
  };
  static constexpr size_t kMaxDepth = 256;

  bool rewrite(const std::string& op, const std::vector<double>& n, std::string& out) override {
    // Past kMaxDepth a q saves nothing, and its Q restores nothing.
    if (op == "q" && n.empty()) {
      if (saved_.size() < kMaxDepth)
        saved_.push_back(state_);
      else
        ++unsaved_;
      return false;
    }
    if (op == "Q" && n.empty()) {
      if (unsaved_ > 0)
        --unsaved_;
      else if (!saved_.empty())
        state_ = saved_.back(), saved_.pop_back();
      return false;
    }
    Cmyk c;
    if ((op == "rg" || op == "RG") && n.size() == 3)
      c = converter_.colour(std::clamp(n[0], 0.0, 1.0), std::clamp(n[1], 0.0, 1.0), std::clamp(n[2], 0.0, 1.0));
    else if ((op == "g" || op == "G") && n.size() == 1)
      c = rounded({0, 0, 0, 1 - n[0]});
    else if ((op == "k" || op == "K") && n.size() == 4)
      c = rounded({n[0], n[1], n[2], n[3]});
    else
      return false;
    bool stroke = op[0] == 'R' || op[0] == 'G' || op[0] == 'K';
    bool want = is_overprinting_black(c);
    bool& current = stroke ? state_.stroke : state_.fill;
    out.clear();
    if (current != want) {
      current = want;
      out = std::string(kOverprintStates[2 * state_.stroke + state_.fill]) + " gs ";
    }
    out += operand(c[0]) + " " + operand(c[1]) + " " + operand(c[2]) + " " + operand(c[3]) + (stroke ? " K" : " k");
    return true;
  }

  const CmykConverter& converter_;
  Overprint state_;
  std::vector<Overprint> saved_;
  size_t unsaved_ = 0;
};

}  // namespace

const char* const kOverprintStates[4] = {"/HzKnockout", "/HzOverprintFill", "/HzOverprintStroke",
                                         "/HzOverprintBoth"};

QPDFObjectHandle overprint_states() {
  QPDFObjectHandle states = QPDFObjectHandle::newDictionary();
  for (int i = 0; i < 4; ++i)
    states.replaceKey(kOverprintStates[i],
                      QPDFObjectHandle::parse(std::string("<< /Type /ExtGState /OP ") + (i & 2 ? "true" : "false") +
                                              " /op " + (i & 1 ? "true" : "false") + " /OPM 1 >>"));
  return states;
}

std::shared_ptr<QPDFObjectHandle::TokenFilter> make_cmyk_filter(const CmykConverter& converter, bool pdf13) {
  return std::make_shared<ToCmyk>(converter, pdf13);
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

QPDFObjectHandle registration_colour_space(QPDF& pdf) {
  QPDFObjectHandle tint = QPDFObjectHandle::parse("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>");
  return pdf.makeIndirectObject(QPDFObjectHandle::newArray(
      std::vector<QPDFObjectHandle>{QPDFObjectHandle::newName("/Separation"), QPDFObjectHandle::newName("/All"),
                                    QPDFObjectHandle::newName("/DeviceCMYK"), tint}));
}

}  // namespace huozi::print
