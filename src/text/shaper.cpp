#include "text/shaper.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>

#include "text/breaks.h"
#include "text/face.h"
#include "text/handles.h"
#include "util/tate_chu_yoko.h"
#include "util/utf8.h"

namespace huozi::text {
namespace {

// Where a 縦中横 number's baseline stands below the top of its cell: where
// digits stand in the em box of a horizontal line (Noto CJK: 0.88 em).
constexpr double kCombinedBaselineEm = 0.88;

// The script group a run is shaped as; Common and Inherited join their neighbours.
hb_script_t script_of(char32_t c, CharClass cls) {
  if (cls == CharClass::Han) return HB_SCRIPT_HAN;
  if (is_chinese_class(cls) || cls == CharClass::Space) return HB_SCRIPT_COMMON;
  if (c < 0x80) return (cls == CharClass::Alnum && c > '9') ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON;
  hb_script_t s = hb_unicode_script(hb_unicode_funcs_get_default(), c);
  if (s == HB_SCRIPT_HIRAGANA || s == HB_SCRIPT_KATAKANA || s == HB_SCRIPT_BOPOMOFO) return HB_SCRIPT_HAN;
  if (s == HB_SCRIPT_INHERITED) return HB_SCRIPT_COMMON;
  return s;
}

bool is_mark(char32_t c) {
  if (c < 0x300) return false;
  auto gc = hb_unicode_general_category(hb_unicode_funcs_get_default(), c);
  return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x200D;
}

// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt), less
// the soft hyphen, which shows at a break: zero-width spaces and joiners,
// bidi controls, the BOM, variation selectors, tags. They need no glyph:
// HarfBuzz draws them as nothing, and the text keeps them.
bool is_default_ignorable(char32_t c) {
  return c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160) || (c >= 0x17B4 && c <= 0x17B5) ||
         (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
         c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

// How a character stands in a vertical column.
enum Flow : uint8_t {
  kSideways,  // Latin, Greek, Cyrillic words and longer numbers: turned 90° clockwise
  kUpright,   // Han, kana, Hangul, CJK marks (in their vertical forms), full-width forms
  kCombined,  // the digits of a 縦中横 number, side by side in one cell
  kAttached,  // combining marks, invisibles: as the character before
};

// UAX #50 (Vertical_Orientation, from ICU): upright, or transformed by the
// font's vertical forms (brackets, dashes), stands upright in the column;
// rotated characters (Latin, Greek, Cyrillic, ASCII punctuation) turn. Chinese
// marks are upright whatever UAX #50 says of them (“ ” are R): the CJK face
// has their vertical forms.
Flow vertical_flow(char32_t c, CharClass cls) {
  if (cls == CharClass::Han || is_chinese_class(cls)) return kUpright;
  if (is_default_ignorable(c) || is_mark(c)) return kAttached;  // (a space is R or U in UAX #50: its width follows)
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_VERTICAL_ORIENTATION) == U_VO_ROTATED ? kSideways
                                                                                                     : kUpright;
}

std::string describe(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
  std::string s(1, '\'');
  utf8::append(s, c);
  s.append("' (").append(hex).append(")");
  return s;
}

}  // namespace

struct Shaper::Impl {
  FontDb& fonts;
  BreakFinder breaks;
  HbBuffer buffer{hb_buffer_create()};
  // Per code point of the current paragraph.
  std::vector<char32_t> cps;
  std::vector<uint32_t> offsets;
  std::vector<CharClass> classes;
  std::vector<uint8_t> break_before;  // by byte offset
  std::vector<Flow> flows;            // per code point, in a vertical column
  std::unordered_map<std::string, hb_language_t> languages;
  // Per run of the current paragraph: its first code point and script.
  std::vector<uint32_t> run_cp_begin;
  std::vector<hb_script_t> run_script;
  bool fast_path = true;
  std::unordered_set<char32_t> reported;  // characters no face has: each is reported once

  explicit Impl(FontDb& f) : fonts(f) {}

  hb_language_t language(const std::string& tag) {
    auto it = languages.find(tag);
    if (it == languages.end()) it = languages.emplace(tag, hb_language_from_string(tag.c_str(), -1)).first;
    return it->second;
  }

  void decode(const std::string& text);
  void find_flows(const TextInput& input);
  void itemize(const TextInput& input, ShapedParagraph& out, DiagnosticList* diags);
  void shape_run(const TextInput& input, ShapedParagraph& out, size_t run_index);
  void shape_with_harfbuzz(const TextInput& input, ShapedParagraph& out, const Run& run, hb_script_t script,
                           hb_language_t lang, uint32_t begin, uint32_t end);
  bool fast_path_candidate(size_t i) const;
  void combine_in_cell(Face& face, const Run& run, double em, ShapedParagraph& out, size_t first);
  static void set_hyphen(Face& face, Run& run);
};

// Characters whose shaping cannot depend on Unicode normalisation or marks:
// unified ideographs and CJK punctuation, not followed by a mark.
bool Shaper::Impl::fast_path_candidate(size_t i) const {
  const char32_t c = cps[i];
  if (c >= 0x10000 || (c >= 0xF900 && c <= 0xFAFF)) return false;
  const CharClass cls = classes[i];
  if (cls == CharClass::Han) {
    if (!((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF))) return false;
  } else if (!is_chinese_class(cls)) {
    return false;
  }
  return i + 1 == cps.size() || !is_mark(cps[i + 1]);
}

void Shaper::Impl::decode(const std::string& text) {
  cps.clear();
  offsets.clear();
  classes.clear();
  for (size_t i = 0; i < text.size();) {
    offsets.push_back(static_cast<uint32_t>(i));
    const char32_t c = utf8::next(text, i);
    cps.push_back(c);
    classes.push_back(classify(c));
  }
}

// How each character stands in a vertical column; 縦中横 numbers by the
// rule the EPUB shares (util/tate_chu_yoko.h).
void Shaper::Impl::find_flows(const TextInput& input) {
  const std::string& text = input.text;
  flows.resize(cps.size());
  for (size_t i = 0; i < cps.size(); ++i) flows[i] = vertical_flow(cps[i], classes[i]);
  for (size_t i = 0; i < cps.size();) {
    if (!(cps[i] >= '0' && cps[i] <= '9')) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cps.size() && cps[j] >= '0' && cps[j] <= '9') ++j;
    const size_t end_byte = j < cps.size() ? offsets[j] : text.size();
    if (tate_chu_yoko(text, offsets[i], end_byte))
      for (size_t k = i; k < j; ++k) flows[k] = kCombined;
    i = j;
  }
  // <tcy>: the source's own choice of digits for one cell (three or four as well).
  for (const TextSpan& span : input.spans) {
    if (!span.style.combine) continue;
    for (size_t k = std::lower_bound(offsets.begin(), offsets.end(), span.begin) - offsets.begin();
         k < cps.size() && offsets[k] < span.end; ++k)
      if (cps[k] >= '0' && cps[k] <= '9') flows[k] = kCombined;
  }
  Flow before = kUpright;  // attached characters at the start: upright
  for (Flow& f : flows) {
    if (f == kAttached) f = before == kCombined ? kUpright : before;
    before = f;
  }
}

// Splits the paragraph into runs of one span, one face and one script.
void Shaper::Impl::itemize(const TextInput& input, ShapedParagraph& out, DiagnosticList* diags) {
  size_t span_index = 0;
  run_cp_begin.clear();
  run_script.clear();
  Run current;
  hb_script_t current_script = HB_SCRIPT_COMMON;
  bool open = false;
  const std::vector<FaceId>* chain = nullptr;
  std::optional<FaceId> latin;  // the span's role's face for Latin letters, if the configuration has one
  bool chinese = true;
  size_t chain_span = SIZE_MAX;
  for (size_t i = 0; i < cps.size(); ++i) {
    const uint32_t at = offsets[i];
    while (span_index + 1 < input.spans.size() && at >= input.spans[span_index].end) ++span_index;
    const TextSpan& span = input.spans[span_index];
    if (chain_span != span_index) {  // the span's faces: its own language if Chinese, else the paragraph's
      chinese = span.style.lang.rfind("zh", 0) == 0;
      chain = &fonts.chain(span.style.role, chinese ? span.style.lang : input.lang);
      latin = fonts.latin(span.style.role);
      chain_span = span_index;
    }
    const char32_t c = cps[i];
    const hb_script_t script = script_of(c, classes[i]);
    const bool attaches = script == HB_SCRIPT_COMMON || is_mark(c);
    const bool same_span = open && current.span == span_index;

    FaceId face = 0;
    const bool ignorable = is_default_ignorable(c);
    // Punctuation, spaces, digits, marks and invisibles stay in the run's face;
    // in Chinese text, a Latin face keeps only ASCII and Latin-1 (a full-width
    // mark or a “ ” after a Latin word is the Chinese face's).
    const bool stays_latin = latin && current.face == *latin && (!chinese || c < 0x2000);
    if (same_span && attaches && (ignorable || fonts.covers(current.face, c)) &&
        (!latin || current.face != *latin || stays_latin)) {
      face = current.face;
    } else if (latin && script == HB_SCRIPT_LATIN && fonts.covers(*latin, c)) {
      face = *latin;
    } else {
      face = chain->front();
      bool found = false;
      for (FaceId candidate : *chain) {
        if (fonts.covers(candidate, c)) {
          face = candidate;
          found = true;
          break;
        }
      }
      if (!found && !is_mark(c) && !ignorable && classes[i] != CharClass::Space) {
        ++out.missing_glyphs;
        if (diags && reported.insert(c).second) {
          SourceLocation place = span.where;
          place.column += static_cast<uint32_t>(
              utf8::length(std::string_view(input.text).substr(span.begin, at - span.begin)));
          diags->add(
              diagnostic_at(Severity::Warning, input.files ? *input.files : FileTable{}, place,
                            "no font has the character " + describe(c),
                            "install a font that covers it and add it to fonts/fonts.conf as a fallback"));
        }
      }
    }
    const bool script_change = !attaches && current_script != HB_SCRIPT_COMMON && script != current_script;
    const bool flow_change = input.vertical && open && flows[i] != flows[i - 1];
    if (!open || !same_span || face != current.face || script_change || flow_change) {
      if (open) {
        current.text_end = at;
        out.runs.push_back(current);
      }
      run_cp_begin.push_back(static_cast<uint32_t>(i));
      run_script.push_back(HB_SCRIPT_COMMON);
      current = Run{};
      current.text_begin = at;
      current.face = face;
      current.span = static_cast<uint16_t>(span_index);
      current.size_pt = span.style.size_pt;
      current.variant = variant_of(span.style.lang.empty() ? input.lang : span.style.lang);
      current.upright = input.vertical && flows[i] != kSideways;
      current.combined = input.vertical && flows[i] == kCombined;
      current_script = attaches ? HB_SCRIPT_COMMON : script;
      open = true;
    } else if (current_script == HB_SCRIPT_COMMON && !attaches) {
      current_script = script;
    }
    run_script.back() = current_script;
  }
  if (open) {
    current.text_end = static_cast<uint32_t>(input.text.size());
    out.runs.push_back(current);
  }
}

// Shapes text [begin, end) of the run with HarfBuzz, the rest of the paragraph as context.
void Shaper::Impl::shape_with_harfbuzz(const TextInput& input, ShapedParagraph& out, const Run& run,
                                       hb_script_t script, hb_language_t lang, uint32_t begin, uint32_t end) {
  Face& face = fonts.face(run.face);
  hb_buffer_t* b = buffer.get();
  hb_buffer_clear_contents(b);
  hb_buffer_add_utf8(b, input.text.data(), static_cast<int>(input.text.size()), begin,
                     static_cast<int>(end - begin));
  // Upright in a column: vertical shaping gives the marks' vertical forms
  // ('vert'/'vrt2') and the vertical metrics (vmtx, VORG).
  const bool down = run.upright && !run.combined;
  hb_buffer_set_direction(b, down ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
  hb_buffer_guess_segment_properties(b);
  if (script != HB_SCRIPT_COMMON && script != HB_SCRIPT_INVALID) hb_buffer_set_script(b, script);
  hb_buffer_set_language(b, lang);  // `locl`: zh-Hant gets its centred marks
  // 縦中横: two digits' half-width forms fill one cell (more are set smaller: see shape_run).
  const hb_feature_t width{HB_TAG('h', 'w', 'i', 'd'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
  hb_shape(face.hb(), b, &width, run.combined && end - begin > 1 ? 1 : 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(b, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(b, &n);
  const double scale = run.size_pt / face.units_per_em();
  const size_t first = out.glyphs.size();
  for (unsigned g = 0; g < n; ++g) {
    if (down) {  // along the column (see Glyph): HarfBuzz's y runs up, its offsets lead to the horizontal origin
      out.glyphs.push_back(Glyph{info[g].codepoint, info[g].cluster, -pos[g].y_advance * scale,
                                 -pos[g].y_offset * scale, (face.embox_centre() + pos[g].x_offset) * scale});
    } else {
      out.glyphs.push_back(Glyph{info[g].codepoint, info[g].cluster, pos[g].x_advance * scale,
                                 pos[g].x_offset * scale, pos[g].y_offset * scale});
    }
  }
  if (run.combined) combine_in_cell(face, run, input.spans[run.span].style.size_pt, out, first);
}

// 縦中横: the glyphs, set side by side, centred in one cell of `em` whose top
// is the pen; the last glyph advances the pen by the em, the others not, and
// all of them are one cluster (the number breaks and copies out whole).
void Shaper::Impl::combine_in_cell(Face& face, const Run& run, double em, ShapedParagraph& out, size_t first) {
  double width = 0;
  for (size_t g = first; g < out.glyphs.size(); ++g) width += out.glyphs[g].x_advance;
  // The turned line's baseline is the cell's left edge plus its descent: the
  // cell's left edge is the em-box centre less half an em.
  double across = face.embox_centre() * em / face.units_per_em() - em / 2 + (em - width) / 2;
  // The digits' baseline as in a horizontal line's em box, that box centred down the cell when smaller.
  const double along = kCombinedBaselineEm * run.size_pt + (em - run.size_pt) / 2;
  for (size_t g = first; g < out.glyphs.size(); ++g) {
    Glyph& glyph = out.glyphs[g];
    const double advance = glyph.x_advance;
    glyph.y_offset += across;
    glyph.x_offset = along;
    glyph.x_advance = g + 1 == out.glyphs.size() ? em : 0;
    glyph.cluster = run.text_begin;
    across += advance;
  }
}

void Shaper::Impl::shape_run(const TextInput& input, ShapedParagraph& out, size_t run_index) {
  Run& run = out.runs[run_index];
  const TextSpan& span = input.spans[run.span];
  Face& face = fonts.face(run.face);
  const hb_language_t lang = language(span.style.lang.empty() ? input.lang : span.style.lang);
  // Three or four digits in one cell (<tcy>): their half-width forms, set
  // smaller to fit, as the fonts have no third- or quarter-width digits.
  const uint32_t digits = run.text_end - run.text_begin;
  if (run.combined && digits > 2) run.size_pt = span.style.size_pt * 2 / digits;
  const double scale = run.size_pt / face.units_per_em();
  const hb_script_t script = fast_path && !run.combined ? run_script[run_index] : HB_SCRIPT_INVALID;
  const bool down = run.upright && !run.combined;
  const uint32_t cp_end =
      run_index + 1 < run_cp_begin.size() ? run_cp_begin[run_index + 1] : static_cast<uint32_t>(cps.size());
  run.glyph_begin = static_cast<uint32_t>(out.glyphs.size());
  Face::SimpleGlyph simple;
  const auto fast = [&](uint32_t k) {
    return script == HB_SCRIPT_HAN && fast_path_candidate(k) && face.simple_glyph(cps[k], lang, down, simple);
  };
  for (uint32_t i = run_cp_begin[run_index]; i < cp_end;) {
    if (fast(i)) {  // placed as shape_with_harfbuzz places HarfBuzz's glyphs
      out.glyphs.push_back(down ? Glyph{simple.glyph, offsets[i], simple.advance * scale, -simple.origin_y * scale,
                                        (face.embox_centre() + simple.origin_x) * scale}
                                : Glyph{simple.glyph, offsets[i], simple.advance * scale, 0, 0});
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    while (j < cp_end && !fast(j)) ++j;
    shape_with_harfbuzz(input, out, run, run_script[run_index], lang, offsets[i],
                        j < cp_end ? offsets[j] : run.text_end);
    i = j;
  }
  run.glyph_end = static_cast<uint32_t>(out.glyphs.size());
  if (span.style.rise_pt != 0)
    for (uint32_t g = run.glyph_begin; g < run.glyph_end; ++g) out.glyphs[g].y_offset += span.style.rise_pt;

  // Group glyphs into clusters (left to right, so cluster values rise).
  for (uint32_t g = run.glyph_begin; g < run.glyph_end;) {
    Cluster c;
    c.run = static_cast<uint16_t>(run_index);
    c.text_begin = out.glyphs[g].cluster;
    c.glyph_begin = g;
    while (g < run.glyph_end && out.glyphs[g].cluster == c.text_begin) c.advance += out.glyphs[g++].x_advance;
    c.glyph_end = g;
    c.text_end = g < run.glyph_end ? out.glyphs[g].cluster : run.text_end;
    size_t i = c.text_begin;
    c.first = c.last = utf8::next(input.text, i);
    c.cls = c.last_cls = classify(c.first);
    while (i < c.text_end) {  // a ligature or a base with marks: the last base decides
      const char32_t next = utf8::next(input.text, i);
      if (!is_mark(next)) {
        c.last = next;
        c.last_cls = classify(next);
      }
    }
    if (run.combined) c.cls = c.last_cls = CharClass::Han;  // a 縦中横 number takes a cell, as a Han character
    const bool centred = has_centred_blank(c.cls, run.variant);
    if ((centred || has_adjustable_blank(c.cls, run.variant)) && c.glyph_end == c.glyph_begin + 1) {
      const HaltMetrics m = face.halt(c.first, lang, run.upright && !run.combined);
      c.blank = m.advance_delta * scale;
      c.blank_centred = centred;
      c.blank_left = !centred && m.offset_delta < 0;
    }
    c.break_after = break_before[c.text_end] != kNoBreak;
    c.hyphen_after = break_before[c.text_end] == kHyphenBreak;
    if (c.hyphen_after && span.style.role == Role::Code) c.hyphen_after = c.break_after = false;  // code stays as written
    if (c.hyphen_after && run.hyphen_advance == 0) set_hyphen(face, run);
    if (c.hyphen_after && run.hyphen_advance == 0) c.hyphen_after = c.break_after = false;  // no hyphen to show
    out.clusters.push_back(c);
  }
}

// The run's hyphen: U+2010 HYPHEN where the face has it, else U+002D.
void Shaper::Impl::set_hyphen(Face& face, Run& run) {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(face.hb(), 0x2010, &glyph) && !hb_font_get_nominal_glyph(face.hb(), '-', &glyph))
    return;
  run.hyphen_glyph = glyph;
  run.hyphen_advance = hb_font_get_glyph_h_advance(face.hb(), glyph) * run.size_pt / face.units_per_em();
}

Shaper::Shaper(FontDb& fonts) : impl_(std::make_unique<Impl>(fonts)) {}
Shaper::~Shaper() = default;
void Shaper::set_fast_path(bool on) { impl_->fast_path = on; }

void Shaper::shape(const TextInput& input, ShapedParagraph& out, DiagnosticList* diags) {
  out.clear();
  out.text = input.text;
  if (input.text.empty() || input.spans.empty()) return;
  impl_->decode(input.text);
  if (input.vertical) impl_->find_flows(input);
  impl_->breaks.find(input.text, impl_->cps, impl_->offsets, impl_->classes, impl_->break_before);
  impl_->itemize(input, out, diags);
  for (size_t r = 0; r < out.runs.size(); ++r) impl_->shape_run(input, out, r);
  if (!out.clusters.empty()) out.clusters.back().break_after = true;  // the paragraph's end
}

}  // namespace huozi::text
