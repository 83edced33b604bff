#include "build/line_report.h"

#include "build/fonts.h"
#include "layout/paragraph.h"
#include "text/clreq.h"
#include "text/font_db.h"
#include "util/utf8.h"

namespace huozi::build {
namespace {

// Extra space between Han characters beyond which a line reads as loose (issue 3).
constexpr double kLooseGapEm = 0.15;

// One Han character alone, with nothing but what may not start a line (§5 孤字).
bool lonely_last(const std::string& text) {
  int han = 0, other = 0;
  for (size_t i = 0; i < text.size();) {
    const auto cls = text::classify(utf8::next(text, i));
    if (cls == text::CharClass::Han)
      ++han;
    else if (!text::prohibited_at_line_start(cls))
      ++other;
  }
  return han == 1 && other == 0;
}

}  // namespace

LineReport report_lines(const model::Document& doc, const std::string& source, const LineOptions& options) {
  LineReport report;
  std::unique_ptr<text::FontDb> fonts = open_fonts(report.diagnostics);
  if (!fonts) return report;
  layout::TextStyle style;
  style.body_pt = options.size_pt;
  const auto paragraphs = layout::collect_paragraphs(doc, style);
  layout::ParagraphSetter setter(*fonts);
  layout::SetOptions set;
  set.width_pt = options.width_pt;
  set.strategy = options.greedy ? layout::BreakStrategy::Greedy : layout::BreakStrategy::Optimal;
  set.typography = layout::typography_of(doc.page);
  std::vector<layout::Line> lines;
  for (const auto& p : paragraphs) {
    setter.set(p, set, lines, &report.diagnostics);
    ReportedParagraph& out = report.paragraphs.emplace_back();
    out.file = p.where.file < doc.files.size() ? doc.files[p.where.file] : source;
    out.line = static_cast<int>(p.where.line);
    out.column = static_cast<int>(p.where.column);
    for (const auto& line : lines) {
      std::string text = p.input.text.substr(line.text_begin, line.text_end - line.text_begin);
      if (line.hyphenated) text += "-";  // as set: the added hyphen shows
      if (line.overfull) out.problems.push_back("an overfull line");
      const double gap_em = line.ratio * layout::kInterCharacterStretchEm;
      if (!line.last && gap_em > kLooseGapEm)
        out.problems.push_back("a loose line (" + std::to_string(gap_em) + " em between characters)");
      if (line.last && lines.size() > 1 && lonely_last(text))
        out.problems.push_back("a lonely last character");
      out.lines.push_back({std::move(text), line.ratio, line.overfull});
    }
  }
  font_problems(*fonts, report.diagnostics);
  return report;
}

Diagnostic quality_warning(const ReportedParagraph& paragraph) {
  std::string message = "paragraph has " + paragraph.problems.front();
  for (size_t i = 1; i < paragraph.problems.size(); ++i) message += ", " + paragraph.problems[i];
  return {Severity::Warning, paragraph.file, paragraph.line, paragraph.column, message, {}};
}

}  // namespace huozi::build
