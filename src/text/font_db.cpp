#include "text/font_db.h"

#include <atomic>

#include <hb-ot.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "text/clreq.h"
#include "text/face.h"

#ifndef HUOZI_FONTS_CONF
#define HUOZI_FONTS_CONF "fonts/fonts.conf"
#endif

namespace huozi::text {
namespace {

constexpr char32_t kCoverageLimit = 0x40000;  // BMP and planes 1–3 (Han extensions)
constexpr size_t kRoleCount = static_cast<size_t>(Role::Emphasis) + 1;
constexpr size_t kVariantCount = 2;

bool parse_role(std::string_view word, FontEntry& e) {
  static const std::map<std::string_view, Role> roles = {{"body", Role::Body},
                                                         {"strong", Role::Strong},
                                                         {"heading", Role::Heading},
                                                         {"code", Role::Code},
                                                         {"emphasis", Role::Emphasis}};
  if (word == "fallback") {
    e.fallback = true;
    return true;
  }
  auto it = roles.find(word);
  if (it == roles.end()) return false;
  e.role = it->second;
  return true;
}

std::string variant_name(Variant v) { return v == Variant::Hant ? "zh-Hant" : "zh-Hans"; }

bool lang_matches(const std::string& entry_lang, Variant v) {
  return entry_lang == "*" || entry_lang == variant_name(v);
}

}  // namespace

std::vector<FontEntry> parse_font_config(std::string_view text, const std::string& name,
                                         DiagnosticList& diags) {
  std::vector<FontEntry> entries;
  std::istringstream in{std::string(text)};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream fields(line);
    std::string role, lang, weight, package, family, word;
    if (!(fields >> role)) continue;  // blank or comment
    FontEntry e;
    e.line = number;
    fields >> lang >> weight >> package;
    while (fields >> word) family += (family.empty() ? "" : " ") + word;
    if (!parse_role(role, e)) {
      diags.error(name, number, 1, "unknown font role '" + role + "'",
                  "use body, strong, heading, code or fallback");
      continue;
    }
    if (lang != "zh-Hans" && lang != "zh-Hant" && lang != "*" && lang != "latin") {
      diags.error(name, number, 1, "unknown language '" + lang + "'", "use zh-Hans, zh-Hant, * or latin");
      continue;
    }
    if (lang == "latin" && e.fallback) {
      diags.error(name, number, 1, "a latin line names a role's face, not a fallback",
                  "use body, strong, heading, emphasis or code");
      continue;
    }
    if (weight != "regular" && weight != "bold" && weight != "italic") {
      diags.error(name, number, 1, "unknown weight '" + weight + "'", "use regular, bold or italic");
      continue;
    }
    if (family.empty()) {
      diags.error(name, number, 1, "font line without a family",
                  "ROLE LANG WEIGHT DEBIAN-PACKAGE FAMILY (see fonts/README.md)");
      continue;
    }
    e.lang = lang;
    e.bold = weight == "bold";
    e.italic = weight == "italic";
    e.package = package;
    e.family = family;
    entries.push_back(std::move(e));
  }
  return entries;
}

// --- Face ---

Face::Face(HbFace face, FaceInfo info) : info_(std::move(info)) {
  hb_.reset(hb_font_create(face.get()));  // the font holds its own reference to the face
  hb_ot_font_set_funcs(hb_.get());        // metrics from the font's own tables: fast and unhinted
  units_per_em_ = static_cast<int>(hb_face_get_upem(face.get()));
  hb_font_set_scale(hb_.get(), units_per_em_, units_per_em_);
  scratch_.reset(hb_buffer_create());
}

int32_t Face::embox_centre() {
  if (embox_centre_ == INT32_MIN) {
    hb_position_t top = 0, bottom = 0;
    hb_ot_layout_get_baseline_with_fallback(hb_.get(), HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                            HB_DIRECTION_LTR, HB_OT_TAG_DEFAULT_SCRIPT, HB_TAG_NONE, &top);
    hb_ot_layout_get_baseline_with_fallback(hb_.get(), HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT,
                                            HB_DIRECTION_LTR, HB_OT_TAG_DEFAULT_SCRIPT, HB_TAG_NONE, &bottom);
    embox_centre_ = (top + bottom) / 2;
  }
  return embox_centre_;
}

HaltMetrics Face::halt(char32_t c, hb_language_t lang, bool vertical) {
  const uint64_t key = ((uint64_t{c} << 32) ^ reinterpret_cast<uintptr_t>(lang)) ^ (vertical ? 1ull << 63 : 0);
  if (auto it = halt_cache_.find(key); it != halt_cache_.end()) return it->second;
  // A column's marks are their vertical forms, whose half-width alternates are 'vhal's.
  auto shape_one = [&](bool with_halt, hb_glyph_position_t& pos) {
    hb_buffer_t* b = scratch_.get();
    hb_buffer_clear_contents(b);
    const uint32_t cp = c;
    hb_buffer_add_utf32(b, &cp, 1, 0, 1);
    hb_buffer_set_direction(b, vertical ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
    hb_buffer_set_script(b, HB_SCRIPT_HAN);
    hb_buffer_set_language(b, lang);
    hb_feature_t halt_feature{vertical ? HB_TAG('v', 'h', 'a', 'l') : HB_TAG('h', 'a', 'l', 't'), 1,
                              HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
    hb_shape(hb_.get(), b, &halt_feature, with_halt ? 1 : 0);
    unsigned n = 0;
    hb_glyph_position_t* p = hb_buffer_get_glyph_positions(b, &n);
    if (n != 1) return false;
    pos = p[0];
    return true;
  };
  HaltMetrics m;
  hb_glyph_position_t plain{}, halted{};
  if (shape_one(false, plain) && shape_one(true, halted)) {
    if (!vertical && halted.x_advance < plain.x_advance) {
      m.advance_delta = plain.x_advance - halted.x_advance;
      m.offset_delta = halted.x_offset - plain.x_offset;
    } else if (vertical && halted.y_advance > plain.y_advance) {  // y runs up: a column's advances are negative
      m.advance_delta = halted.y_advance - plain.y_advance;
      m.offset_delta = plain.y_offset - halted.y_offset;  // moved up (the blank was above it): negative, "before"
    }
  }
  halt_cache_.emplace(key, m);
  return m;
}

namespace {
constexpr uint32_t kUnknownGlyph = 0xFFFFFFFF;
constexpr uint32_t kComplexGlyph = 0xFFFFFFFE;
}  // namespace

Face::SimpleGlyphs& Face::simple_glyphs(hb_language_t lang, bool vertical) {
  auto& slot = simple_[vertical][lang];
  if (slot) return *slot;
  slot = std::make_unique<SimpleGlyphs>();
  hb_face_t* face = hb_font_get_face(hb_.get());
  slot->touched.assign((hb_face_get_glyph_count(face) + 64) / 64, 0);
  slot->glyph.assign(0x10000, kUnknownGlyph);
  slot->advance.assign(0x10000, 0);
  if (vertical) slot->origin_x.assign(0x10000, 0), slot->origin_y.assign(0x10000, 0);
  hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
  props.direction = vertical ? HB_DIRECTION_TTB : HB_DIRECTION_LTR;
  props.script = HB_SCRIPT_HAN;
  props.language = lang;
  hb_shape_plan_t* plan = hb_shape_plan_create_cached(face, &props, nullptr, 0, nullptr);
  hb_set_t* glyphs = hb_set_create();
  hb_set_t* lookups = hb_set_create();
  for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
    hb_set_clear(lookups);
    hb_ot_shape_plan_collect_lookups(plan, table, lookups);
    for (hb_codepoint_t l = HB_SET_VALUE_INVALID; hb_set_next(lookups, &l);)
      hb_ot_layout_lookup_collect_glyphs(face, table, l, glyphs, glyphs, glyphs, glyphs);
  }
  for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(glyphs, &g);)
    if (g / 64 < slot->touched.size()) slot->touched[g / 64] |= uint64_t{1} << (g % 64);
  hb_set_destroy(lookups);
  hb_set_destroy(glyphs);
  hb_shape_plan_destroy(plan);
  return *slot;
}

bool Face::simple_glyph(char32_t c, hb_language_t lang, bool vertical, SimpleGlyph& out) {
  if (c >= 0x10000) return false;
  if (lang != last_lang_ || vertical != last_vertical_ || !last_simple_) {
    last_simple_ = &simple_glyphs(lang, vertical);
    last_lang_ = lang;
    last_vertical_ = vertical;
  }
  SimpleGlyphs& s = *last_simple_;
  uint32_t g = s.glyph[c];
  if (g == kUnknownGlyph) {
    hb_codepoint_t nominal = 0;
    const bool has = hb_font_get_nominal_glyph(hb_.get(), c, &nominal);
    const bool touched = nominal / 64 < s.touched.size() && ((s.touched[nominal / 64] >> (nominal % 64)) & 1);
    g = has && !touched ? nominal : kComplexGlyph;
    s.glyph[c] = g;
    if (g != kComplexGlyph && !vertical) s.advance[c] = hb_font_get_glyph_h_advance(hb_.get(), nominal);
    if (g != kComplexGlyph && vertical) {  // as HarfBuzz positions it in a TTB buffer
      hb_position_t x = 0, y = 0;
      hb_font_get_glyph_v_origin(hb_.get(), nominal, &x, &y);
      s.advance[c] = -hb_font_get_glyph_v_advance(hb_.get(), nominal);
      s.origin_x[c] = -x;
      s.origin_y[c] = -y;
    }
  }
  if (g == kComplexGlyph) return false;
  out.glyph = g;
  out.advance = s.advance[c];
  if (vertical) out.origin_x = s.origin_x[c], out.origin_y = s.origin_y[c];
  return true;
}

// --- FontDb ---

namespace {

using Coverage = std::vector<uint64_t>;  // bit per code point, U+0000..U+3FFFF

// Coverage from fontconfig's character set of the face, kept in its cache:
// the same code points as the cmap (fontconfig builds the set from it; only
// C0 controls without an outline are left out, and text never holds those),
// without opening the font.
Coverage charset_coverage(const FcCharSet* set) {
  Coverage bits(kCoverageLimit / 64, 0);
  FcChar32 map[FC_CHARSET_MAP_SIZE];
  FcChar32 next = 0;
  for (FcChar32 base = FcCharSetFirstPage(set, map, &next); base != FC_CHARSET_DONE && base < kCoverageLimit;
       base = FcCharSetNextPage(set, map, &next)) {
    for (int w = 0; w < FC_CHARSET_MAP_SIZE; ++w)  // 32 code points a word, 64 a bitmap word
      bits[(base + 32 * w) / 64] |= uint64_t{map[w]} << ((base + 32 * w) % 64);
  }
  return bits;
}

// Coverage from the cmap of an open face: for a pattern without a character set.
Coverage cmap_coverage(const Face& face) {
  Coverage bits(kCoverageLimit / 64, 0);
  HbSet set(hb_set_create());
  hb_face_collect_unicodes(hb_font_get_face(face.hb()), set.get());
  for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(set.get(), &c) && c < kCoverageLimit;)
    bits[c >> 6] |= uint64_t{1} << (c & 63);
  return bits;
}

}  // namespace

// A located face: opened and its coverage made on first use.
struct FaceSlot {
  FaceInfo info;
  std::string package;   // the Debian package that installs it, for the hint
  FcCharSetPtr charset;  // fontconfig's, referenced; null when the pattern had none
  Coverage coverage;     // empty until the first covers()
  std::unique_ptr<Face> face;
};

struct FontDb::Impl {
  uint64_t serial = 0;
  std::vector<FaceSlot> slots;
  size_t open_count = 0;
  DiagnosticList problems;  // faces that could not be opened
  std::array<std::vector<FaceId>, kRoleCount * kVariantCount> chains;
  std::array<std::optional<FaceId>, kRoleCount> latin;  // by role

  // HarfBuzz maps the file and reads the tables it needs in place; FreeType
  // is not needed for shaping (the PDF writer maps the files it embeds itself).
  Face& open_face(FaceSlot& slot) {
    HbBlob blob(hb_blob_create_from_file_or_fail(slot.info.file.c_str()));
    HbFace face(blob ? hb_face_create(blob.get(), static_cast<unsigned>(slot.info.index)) : nullptr);
    // A file cut short may keep its table directory and maxp, but not its character map.
    HbBlob cmap(face ? hb_face_reference_table(face.get(), HB_TAG('c', 'm', 'a', 'p')) : nullptr);
    if (!face || hb_face_get_glyph_count(face.get()) == 0 || hb_blob_get_length(cmap.get()) == 0) {
      problems.error(slot.info.file, 0, 0,
                     "cannot open the font " + slot.info.family + " (face " +
                         std::to_string(slot.info.index) +
                         "), which fontconfig found: the file was removed or damaged since",
                     "run fc-cache, or reinstall it with: apt-get install " + slot.package);
      face.reset(hb_face_reference(hb_face_get_empty()));  // no glyphs: its text comes out blank
    }
    slot.face = std::make_unique<Face>(std::move(face), slot.info);
    ++open_count;
    return *slot.face;
  }

  const Coverage& coverage(FaceSlot& slot) {
    if (slot.coverage.empty())
      slot.coverage = slot.charset ? charset_coverage(slot.charset.get())
                                   : cmap_coverage(slot.face ? *slot.face : open_face(slot));
    return slot.coverage;
  }
};

FontDb::FontDb() : impl_(std::make_unique<Impl>()) {
  static std::atomic<uint64_t> opened{0};
  impl_->serial = ++opened;
}
uint64_t FontDb::serial() const { return impl_->serial; }
FontDb::~FontDb() = default;

std::filesystem::path FontDb::default_config() {
  if (const char* env = std::getenv("HUOZI_FONTS_CONF"); env && *env) return env;
  return HUOZI_FONTS_CONF;
}

namespace {

struct Located {
  std::string file;
  int index = 0;
  FcCharSetPtr charset;
};

// Asks fontconfig for the family; empty file when it only has a substitute.
Located locate(const FontEntry& e) {
  FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(e.family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, e.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, e.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  FcPatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
  if (!match) return {};
  bool family_ok = false;
  FcChar8* value = nullptr;
  for (int i = 0; FcPatternGetString(match.get(), FC_FAMILY, i, &value) == FcResultMatch; ++i) {
    if (e.family == reinterpret_cast<const char*>(value)) family_ok = true;
  }
  int weight = 0;
  FcPatternGetInteger(match.get(), FC_WEIGHT, 0, &weight);
  const bool weight_ok = e.bold ? weight >= FC_WEIGHT_DEMIBOLD : weight < FC_WEIGHT_DEMIBOLD;
  int slant = FC_SLANT_ROMAN;
  FcPatternGetInteger(match.get(), FC_SLANT, 0, &slant);
  const bool slant_ok = e.italic ? slant != FC_SLANT_ROMAN : true;
  if (!family_ok || !weight_ok || !slant_ok) return {};
  Located found;
  if (FcPatternGetString(match.get(), FC_FILE, 0, &value) == FcResultMatch)
    found.file = reinterpret_cast<const char*>(value);
  FcPatternGetInteger(match.get(), FC_INDEX, 0, &found.index);
  FcCharSet* charset = nullptr;
  if (FcPatternGetCharSet(match.get(), FC_CHARSET, 0, &charset) == FcResultMatch && charset)
    found.charset.reset(FcCharSetCopy(charset));  // outlives the match pattern
  return found;
}

size_t chain_slot(Role role, Variant v) {
  return static_cast<size_t>(role) * kVariantCount + static_cast<size_t>(v);
}

}  // namespace

std::unique_ptr<FontDb> FontDb::open(const std::filesystem::path& config, DiagnosticList& diags) {
  std::ifstream in(config);
  if (!in) {
    diags.error(config.string(), 0, 0, "cannot read the font configuration",
                "set HUOZI_FONTS_CONF to a fonts.conf (see fonts/README.md)");
    return nullptr;
  }
  std::stringstream text;
  text << in.rdbuf();
  const size_t errors_before = diags.items().size();
  const auto entries = parse_font_config(text.str(), config.string(), diags);
  if (diags.items().size() != errors_before) return nullptr;
  if (!FcInit()) {
    diags.error(config.string(), 0, 0, "fontconfig failed to initialise");
    return nullptr;
  }

  std::unique_ptr<FontDb> db(new FontDb());

  // Found, not opened: HarfBuzz opens a face when text is first
  // shaped in it. Entries naming the same family and weight are found once.
  std::map<std::tuple<std::string, bool, bool>, Located> found;
  std::map<std::pair<std::string, int>, FaceId> located;
  std::vector<FaceId> entry_faces(entries.size());
  bool ok = true;
  for (size_t i = 0; i < entries.size(); ++i) {
    const FontEntry& e = entries[i];
    auto request = std::make_tuple(e.family, e.bold, e.italic);
    auto at = found.find(request);
    if (at == found.end()) at = found.emplace(request, locate(e)).first;
    Located& where = at->second;
    if (where.file.empty() || access(where.file.c_str(), R_OK) != 0) {
      diags.error(config.string(), e.line, 1,
                  "font '" + e.family + "' (" + (e.bold ? "bold" : e.italic ? "italic" : "regular") +
                      ") is not installed",
                  "install it with: apt-get install " + e.package);
      ok = false;
      continue;
    }
    auto key = std::make_pair(where.file, where.index);
    if (auto it = located.find(key); it != located.end()) {
      entry_faces[i] = it->second;
      continue;
    }
    const auto id = static_cast<FaceId>(db->impl_->slots.size());
    FaceSlot& slot = db->impl_->slots.emplace_back();
    slot.info = FaceInfo{e.family, where.file, where.index, e.bold, e.italic};
    slot.package = e.package;
    if (where.charset) slot.charset.reset(FcCharSetCopy(where.charset.get()));
    located.emplace(key, id);
    entry_faces[i] = id;
  }
  if (!ok) return nullptr;

  for (size_t i = 0; i < entries.size(); ++i)
    if (entries[i].lang == "latin") db->impl_->latin[static_cast<size_t>(entries[i].role)] = entry_faces[i];

  for (size_t r = 0; r < kRoleCount; ++r) {
    for (size_t v = 0; v < kVariantCount; ++v) {
      const auto role = static_cast<Role>(r);
      const auto variant = static_cast<Variant>(v);
      auto& chain = db->impl_->chains[chain_slot(role, variant)];
      auto add = [&](FaceId id) {
        if (std::find(chain.begin(), chain.end(), id) == chain.end()) chain.push_back(id);
      };
      for (Role want : {role, Role::Body}) {  // a role without a face of its own uses the body face
        for (size_t i = 0; i < entries.size() && chain.empty(); ++i)
          if (!entries[i].fallback && entries[i].role == want && lang_matches(entries[i].lang, variant))
            add(entry_faces[i]);
      }
      for (size_t i = 0; i < entries.size(); ++i)
        if (entries[i].fallback && lang_matches(entries[i].lang, variant)) add(entry_faces[i]);
      if (chain.empty()) {
        diags.error(config.string(), 0, 0, "no face for " + variant_name(variant) + " text",
                    "add a body line for " + variant_name(variant) + " (see fonts/README.md)");
        return nullptr;
      }
    }
  }
  return db;
}

std::optional<FaceId> FontDb::latin(Role role) const { return impl_->latin[static_cast<size_t>(role)]; }

const std::vector<FaceId>& FontDb::chain(Role role, std::string_view lang) const {
  return impl_->chains[chain_slot(role, variant_of(lang))];
}

bool FontDb::covers(FaceId id, char32_t c) const {
  const Coverage& bits = impl_->coverage(impl_->slots[id]);
  return c < kCoverageLimit && ((bits[c >> 6] >> (c & 63)) & 1);
}

const FaceInfo& FontDb::info(FaceId id) const { return impl_->slots[id].info; }

Face& FontDb::face(FaceId id) const {
  FaceSlot& slot = impl_->slots[id];
  return slot.face ? *slot.face : impl_->open_face(slot);
}

const DiagnosticList& FontDb::problems() const { return impl_->problems; }

size_t FontDb::size() const { return impl_->slots.size(); }
size_t FontDb::open_count() const { return impl_->open_count; }
bool FontDb::is_open(FaceId id) const { return impl_->slots[id].face != nullptr; }

}  // namespace huozi::text
