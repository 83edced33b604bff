#include "fake_run.h"

#include "text/breaks.h"
#include "util/utf8.h"

namespace huozi::testing {

text::ShapedParagraph fake_shape(const std::string& s, const std::string& lang) {
  text::ShapedParagraph p;
  p.text = s;
  std::vector<char32_t> cps;
  std::vector<uint32_t> offsets;
  std::vector<text::CharClass> classes;
  for (size_t i = 0; i < s.size();) {
    offsets.push_back(static_cast<uint32_t>(i));
    cps.push_back(utf8::next(s, i));
    classes.push_back(text::classify(cps.back()));
  }
  std::vector<uint8_t> break_before;
  text::BreakFinder finder;
  finder.find(s, cps, offsets, classes, break_before);
  const text::Variant variant = text::variant_of(lang);
  text::Run run;
  run.text_end = static_cast<uint32_t>(s.size());
  run.size_pt = kFakeEm;
  run.variant = variant;
  for (size_t i = 0; i < cps.size(); ++i) {
    text::Cluster c;
    c.text_begin = offsets[i];
    c.text_end = i + 1 < cps.size() ? offsets[i + 1] : static_cast<uint32_t>(s.size());
    c.first = c.last = cps[i];
    c.cls = c.last_cls = classes[i];
    c.glyph_begin = static_cast<uint32_t>(p.glyphs.size());
    const bool latin = c.cls == text::CharClass::Alnum || c.cls == text::CharClass::Other;
    c.advance = c.cls == text::CharClass::Space ? kFakeEm / 4 : latin ? kFakeEm / 2 : kFakeEm;
    if (text::has_adjustable_blank(c.cls, variant)) {
      c.blank = kFakeEm / 2;
      c.blank_left = c.cls == text::CharClass::Opening;
    } else if (text::has_centred_blank(c.cls, variant)) {
      c.blank = kFakeEm / 2;
      c.blank_centred = true;
    }
    p.glyphs.push_back(text::Glyph{static_cast<uint32_t>(cps[i]), c.text_begin, c.advance, 0, 0});
    c.glyph_end = static_cast<uint32_t>(p.glyphs.size());
    c.break_after = i + 1 == cps.size() || break_before[c.text_end];
    c.hyphen_after = i + 1 < cps.size() && break_before[c.text_end] == text::kHyphenBreak;
    p.clusters.push_back(c);
  }
  run.glyph_end = static_cast<uint32_t>(p.glyphs.size());
  run.hyphen_glyph = 0x2010;  // the fake glyph of a character is its code point
  run.hyphen_advance = kFakeEm / 2;
  p.runs.push_back(run);
  return p;
}

std::string FakeResult::joined() const {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "|" : "") + lines[i];
  return out;
}

FakeResult set_fake_in(const std::string& text, double width_em, layout::BreakStrategy strategy, double indent_em,
                       const std::string& lang, const layout::Typography& typography);

FakeResult set_fake(const std::string& text, double width_em, layout::BreakStrategy strategy, double indent_em,
                    const std::string& lang, bool half_width_line_start) {
  layout::Typography typography;
  typography.half_width_line_start = half_width_line_start;
  return set_fake_in(text, width_em, strategy, indent_em, lang, typography);
}

FakeResult set_fake_styled(const std::string& text, double width_em, const layout::Typography& typography,
                           const std::string& lang, double indent_em) {
  return set_fake_in(text, width_em, layout::BreakStrategy::Optimal, indent_em, lang, typography);
}

FakeResult set_fake_in(const std::string& text, double width_em, layout::BreakStrategy strategy, double indent_em,
                       const std::string& lang, const layout::Typography& typography) {
  const text::ShapedParagraph shaped = fake_shape(text, lang);
  layout::ItemList items;
  layout::ItemOptions options{kFakeEm, indent_em};
  options.typography = typography;
  layout::build_items(shaped, options, items);
  const layout::LineWidths widths(width_em * kFakeEm);
  const auto spans = layout::break_lines(items, widths, strategy);
  FakeResult r;
  layout::justify_lines(shaped, items, spans, widths, r.set);
  for (const auto& line : r.set) {
    r.lines.push_back(text.substr(line.text_begin, line.text_end - line.text_begin));
    r.ratios.push_back(line.ratio);
  }
  return r;
}

}  // namespace huozi::testing
