#include "pdf/font_embedding.h"

#include <filesystem>

#include <hb-ot.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "pdf/cff_charset.h"
#include <map>

namespace huozi::pdf {
namespace {

constexpr hb_tag_t kCff = HB_TAG('C', 'F', 'F', ' ');
constexpr hb_tag_t kGlyf = HB_TAG('g', 'l', 'y', 'f');

// The tables of an embedded TrueType program a PDF viewer reads (PDF
// 32000-1 §9.9); a CFF program is embedded as its one table. Every other
// table is dropped before subsetting: it would only cost time (cmap with its
// variation sequences, GSUB's glyph closure; the text is shaped already).
constexpr hb_tag_t kTrueTypeTables[] = {
    HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'), HB_TAG('m', 'a', 'x', 'p'),
    HB_TAG('l', 'o', 'c', 'a'), HB_TAG('g', 'l', 'y', 'f'), HB_TAG('c', 'v', 't', ' '), HB_TAG('f', 'p', 'g', 'm'),
    HB_TAG('p', 'r', 'e', 'p'),
};

bool embedded_table(hb_tag_t tag, bool cff) {
  if (cff) return tag == kCff;
  return std::find(std::begin(kTrueTypeTables), std::end(kTrueTypeTables), tag) != std::end(kTrueTypeTables);
}

// Path operators collected from HarfBuzz's glyph drawing callbacks.
void move_to(hb_draw_funcs_t*, void* path, hb_draw_state_t*, float x, float y, void*) {
  std::string& p = *static_cast<std::string*>(path);
  append_number(p, x, 1), p += ' ', append_number(p, y, 1), p += " m\n";
}
void line_to(hb_draw_funcs_t*, void* path, hb_draw_state_t*, float x, float y, void*) {
  std::string& p = *static_cast<std::string*>(path);
  append_number(p, x, 1), p += ' ', append_number(p, y, 1), p += " l\n";
}
void cubic_to(hb_draw_funcs_t*, void* path, hb_draw_state_t*, float x1, float y1, float x2, float y2, float x,
              float y, void*) {
  std::string& p = *static_cast<std::string*>(path);
  for (float v : {x1, y1, x2, y2, x, y}) append_number(p, v, 1), p += ' ';
  p += "c\n";
}
// A quadratic segment is the cubic with its control points 2/3 of the way to the quadratic's.
void quadratic_to(hb_draw_funcs_t* funcs, void* path, hb_draw_state_t* st, float cx, float cy, float x, float y,
                  void* data) {
  float x0 = st->current_x, y0 = st->current_y;
  cubic_to(funcs, path, st, x0 + 2.f / 3.f * (cx - x0), y0 + 2.f / 3.f * (cy - y0), x + 2.f / 3.f * (cx - x),
           y + 2.f / 3.f * (cy - y), x, y, data);
}
void close_path(hb_draw_funcs_t*, void* path, hb_draw_state_t*, void*) { *static_cast<std::string*>(path) += "h\n"; }

hb_draw_funcs_t* path_funcs() {
  static HbDrawFuncs funcs = [] {
    HbDrawFuncs f(hb_draw_funcs_create());
    hb_draw_funcs_set_move_to_func(f.get(), move_to, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(f.get(), line_to, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(f.get(), quadratic_to, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(f.get(), cubic_to, nullptr, nullptr);
    hb_draw_funcs_set_close_path_func(f.get(), close_path, nullptr, nullptr);
    hb_draw_funcs_make_immutable(f.get());
    return f;
  }();
  return funcs.get();
}

int16_t be16(const char* p) {
  return static_cast<int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1]));
}

// The ToUnicode CMap (PDF 32000-1 §9.10.3), glyph id to UTF-16BE.
std::string to_unicode_cmap(const std::vector<std::pair<uint32_t, std::string>>& entries) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  char code[8];
  for (size_t i = 0; i < entries.size(); i += 100) {
    size_t n = std::min<size_t>(100, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      std::snprintf(code, sizeof code, "%04X", entries[k].first);
      out += '<';
      out += code;
      out += "> <";
      out += utf16be_hex(entries[k].second);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  return out + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace

bool SubsetCache::find(const std::string& key, Program& out) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = programs_.find(key);
  if (it == programs_.end()) return false;
  it->second.second = true;
  out = it->second.first;
  return true;
}

void SubsetCache::store(const std::string& key, const Program& program) {
  std::lock_guard<std::mutex> lock(mutex_);
  programs_[key] = {program, true};
}

void SubsetCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  programs_.clear();
}

void SubsetCache::end_build() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = programs_.begin(); it != programs_.end();) {
    if (!it->second.second) {
      it = programs_.erase(it);
    } else {
      it->second.second = false;
      ++it;
    }
  }
}

EmbeddedFont::EmbeddedFont(layout::FontRef ref, SubsetCache* cache) : ref_(std::move(ref)), cache_(cache) {}

// The face and the glyphs used, as bytes (one bit a glyph).
std::string EmbeddedFont::subset_key() const {
  // The file's size and time too: a font replaced during a watch is a new font.
  std::error_code ec;
  auto size = std::filesystem::file_size(ref_.file, ec);
  auto time = std::filesystem::last_write_time(ref_.file, ec).time_since_epoch().count();
  std::string key = ref_.file + '\0' + std::to_string(ref_.index) + '\0' + std::to_string(size) + '\0' +
                    std::to_string(time) + '\0';
  key.resize(key.size() + (used_.size() + 7) / 8);
  char* bits = key.data() + key.size() - (used_.size() + 7) / 8;
  for (size_t g = 0; g < used_.size(); ++g)
    if (used_[g]) bits[g / 8] = static_cast<char>(bits[g / 8] | (1 << (g % 8)));
  return key;
}
EmbeddedFont::~EmbeddedFont() = default;

bool EmbeddedFont::open() {
  if (font_) return true;
  if (!error_.empty()) return false;
  // Mapped, not read: a CJK collection is tens of megabytes, a page needs a few glyphs of it.
  blob_.reset(hb_blob_create_from_file_or_fail(ref_.file.c_str()));
  if (blob_) face_.reset(hb_face_create(blob_.get(), static_cast<unsigned>(ref_.index)));
  if (!face_ || hb_face_get_glyph_count(face_.get()) == 0) {
    error_ = "cannot read the font " + ref_.file + " (face " + std::to_string(ref_.index) + ")";
    return false;
  }
  upem_ = static_cast<int>(hb_face_get_upem(face_.get()));
  font_.reset(hb_font_create(face_.get()));  // scaled in font units
  unsigned glyphs = hb_face_get_glyph_count(face_.get());
  widths_.assign(glyphs, -1.f);
  text_of_.assign(glyphs, 0);
  used_.assign(glyphs, false);
  HbBlob cff(hb_face_reference_table(face_.get(), kCff));
  unsigned length = 0;
  const char* data = hb_blob_get_data(cff.get(), &length);
  if (length > 0) cids_ = cff_cids(reinterpret_cast<const unsigned char*>(data), length, glyphs);
  return true;
}

double EmbeddedFont::width(uint32_t glyph) {
  if (!open() || glyph >= widths_.size()) return 0;
  float& w = widths_[glyph];
  if (w < 0) w = static_cast<float>(std::round(hb_font_get_glyph_h_advance(font_.get(), glyph) * 10000.0 / upem_) / 10);
  return w;
}

bool EmbeddedFont::show(uint32_t glyph, std::string_view text) {
  if (!open() || glyph >= used_.size()) return false;
  used_[glyph] = true;
  uint32_t& index = text_of_[glyph];
  if (index == 0) {
    if (text.empty()) return false;
    texts_.emplace_back(glyph, std::string(text));
    index = static_cast<uint32_t>(texts_.size());
    return true;
  }
  return texts_[index - 1].second == text;
}

void EmbeddedFont::use(uint32_t glyph) {
  if (open() && glyph < used_.size()) used_[glyph] = true;
}

std::string EmbeddedFont::outline(uint32_t glyph) {
  std::string path;
  if (open()) hb_font_get_glyph_shape(font_.get(), glyph, path_funcs(), &path);
  return path;
}

int EmbeddedFont::object(ObjectFile& file) {
  if (object_ == 0) object_ = file.reserve();
  return object_;
}

int EmbeddedFont::vertical_object(ObjectFile& file) {
  if (vertical_object_ == 0) vertical_object_ = file.reserve();
  return vertical_object_;
}

// Six capitals from the glyph set (§9.6.4): different subsets of one font
// get different names, the same subset the same name.
std::string EmbeddedFont::subset_tag() const {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t g = 0; g < used_.size(); ++g)
    if (used_[g]) h = (h ^ g) * 0x100000001b3ULL;
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

std::string EmbeddedFont::postscript_name() const {
  char buf[128];
  unsigned size = sizeof buf;
  hb_ot_name_get_utf8(face_.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, buf);
  std::string name;
  for (unsigned i = 0; i < size; ++i) {
    char c = buf[i];
    // A PDF name without delimiters or spaces (§7.3.5).
    if (c > 0x20 && c < 0x7F && !std::strchr("()<>[]{}/%#", c)) name += c;
  }
  return name.empty() ? "Font" : name;
}

bool EmbeddedFont::prepare() {
  if (!used() || !open()) return error_.empty();
  used_[0] = true;  // .notdef is always in a font program
  const std::string key = cache_ ? subset_key() : std::string();
  SubsetCache::Program cached;
  if (cache_ && cache_->find(key, cached)) {
    program_ = std::move(cached.bytes);
    program_dict_ = std::move(cached.dict);
    is_cff_ = cached.is_cff;
    return true;
  }
  HbSubsetInput input(hb_subset_input_create_or_fail());
  if (!input) {
    error_ = "out of memory subsetting " + ref_.file;
    return false;
  }
  hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
  for (size_t g = 0; g < used_.size(); ++g)
    if (used_[g]) hb_set_add(glyphs, static_cast<hb_codepoint_t>(g));
  HbBlob source_cff(hb_face_reference_table(face_.get(), kCff));
  bool source_is_cff = hb_blob_get_length(source_cff.get()) > 0;
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  hb_set_clear(dropped);
  hb_tag_t tags[64];
  for (unsigned start = 0, n = 64; n == 64; start += n) {
    n = 64;
    hb_face_get_table_tags(face_.get(), start, &n, tags);
    for (unsigned i = 0; i < n; ++i)
      if (!embedded_table(tags[i], source_is_cff)) hb_set_add(dropped, tags[i]);
  }
  // The content streams, written page by page before the set of glyphs is
  // known, show the codes of the whole font: a CID-keyed CFF subset keeps
  // each glyph's CID, other subsets must keep the glyph ids (which costs a
  // slot for every glyph of the font). Subroutines are inlined: it halves
  // the subsetting time of a CJK CFF face, and the program deflates smaller
  // (measured on Noto Serif CJK, 4,705 glyphs).
  unsigned flags = HB_SUBSET_FLAGS_DESUBROUTINIZE | (cids_.empty() ? HB_SUBSET_FLAGS_RETAIN_GIDS : 0);
  hb_subset_input_set_flags(input.get(), flags);
  HbFace subset(hb_subset_or_fail(face_.get(), input.get()));
  if (!subset) {
    error_ = "cannot subset the font " + ref_.file;
    return false;
  }
  HbBlob cff(hb_face_reference_table(subset.get(), kCff));
  is_cff_ = hb_blob_get_length(cff.get()) > 0;
  HbBlob glyf(hb_face_reference_table(face_.get(), kGlyf));
  if (!is_cff_ && hb_blob_get_length(glyf.get()) == 0) {
    error_ = "the font " + ref_.file + " has neither CFF nor TrueType outlines";
    return false;
  }
  // A CID-keyed CFF is embedded bare (its CIDs are the content streams'
  // codes); TrueType outlines as the whole subset font.
  HbBlob program(is_cff_ ? hb_blob_reference(cff.get()) : hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(program.get(), &length);
  // Level 1: a CFF program shrinks by a fifth whatever the level, and level 6
  // cost 4 % of a whole build for a file 0.7 % smaller (make-book 2880).
  program_ = deflate(std::string_view(data, length), 1);
  program_dict_ = " /Filter /FlateDecode";
  program_dict_ += is_cff_ ? " /Subtype /CIDFontType0C" : " /Length1 " + std::to_string(length);
  if (cache_) cache_->store(key, {program_, program_dict_, is_cff_});
  return true;
}

// For a font shown upright, every code's vertical metrics (§9.7.4.3): one em
// down the column (page content moves the pen from there with TJ numbers,
// whatever the font's vmtx), the origin at kVerticalOriginBelow.
std::string EmbeddedFont::vertical_metrics() const {
  if (!vertical_object_) return {};
  return " /W2 [0 65535 -1000 0 -" + std::to_string(kVerticalOriginBelow) + "]";
}

bool EmbeddedFont::write(ObjectFile& file) {
  if (!used()) return true;
  if (program_.empty() && !prepare()) return false;
  bool is_cff = is_cff_;
  int program_object = file.add_stream(program_dict_, program_);
  std::string().swap(program_);

  std::string name = "/" + subset_tag() + "+" + postscript_name();
  HbBlob head(hb_face_reference_table(face_.get(), HB_TAG('h', 'e', 'a', 'd')));
  unsigned head_length = 0;
  const char* h = hb_blob_get_data(head.get(), &head_length);
  double scale = 1000.0 / upem_;
  std::string bbox = "[0 0 1000 1000]";
  if (head_length >= 44)
    bbox = "[" + number(be16(h + 36) * scale, 0) + " " + number(be16(h + 38) * scale, 0) + " " +
           number(be16(h + 40) * scale, 0) + " " + number(be16(h + 42) * scale, 0) + "]";
  auto metric = [&](hb_ot_metrics_tag_t tag, double fallback) {
    hb_position_t v = 0;
    return hb_ot_metrics_get_position(font_.get(), tag, &v) ? v * scale : fallback;
  };
  std::string descriptor = "<< /Type /FontDescriptor /FontName " + name + " /Flags 4 /FontBBox " + bbox +
                           " /ItalicAngle 0 /Ascent " + number(metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, 880), 0) +
                           " /Descent " + number(metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, -120), 0) +
                           " /CapHeight " + number(metric(HB_OT_METRICS_TAG_CAP_HEIGHT, 700), 0) + " /StemV 80 " +
                           (is_cff ? "/FontFile3 " : "/FontFile2 ") + ref(program_object) + " >>";
  int descriptor_object = file.add_object(descriptor);

  // Widths other than the usual full em, by code, in runs of consecutive codes.
  std::vector<std::pair<uint32_t, float>> widths;  // code, width
  for (size_t g = 0; g < used_.size(); ++g)
    if (used_[g] && width(static_cast<uint32_t>(g)) != 1000)
      widths.emplace_back(code(static_cast<uint32_t>(g)), width(static_cast<uint32_t>(g)));
  std::sort(widths.begin(), widths.end());
  std::string w = "[";
  for (size_t i = 0; i < widths.size(); ++i) {
    bool starts_run = i == 0 || widths[i].first != widths[i - 1].first + 1;
    if (starts_run) w += (i == 0 ? "" : "] ") + std::to_string(widths[i].first) + " [";
    append_number(w, widths[i].second, 1);
    w += ' ';
  }
  w += widths.empty() ? "]" : "] ]";
  std::string cid_font = std::string("<< /Type /Font /Subtype ") + (is_cff ? "/CIDFontType0" : "/CIDFontType2") +
                         " /BaseFont " + name +
                         " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                         " /FontDescriptor " + ref(descriptor_object) + " /DW 1000 /W " + w +
                         vertical_metrics() +
                         (is_cff ? "" : " /CIDToGIDMap /Identity") + " >>";
  int cid_object = file.add_object(cid_font);

  std::vector<std::pair<uint32_t, std::string>> mapped;
  for (const auto& [glyph, text] : texts_) mapped.emplace_back(code(glyph), text);
  std::sort(mapped.begin(), mapped.end());
  int cmap_object = file.add_stream(" /Filter /FlateDecode", deflate(to_unicode_cmap(mapped), 6));

  // The horizontal and the vertical font share the CIDFont and the ToUnicode
  // map: one program, one text for a glyph whichever way it stands.
  std::string shared = " /DescendantFonts [" + ref(cid_object) + "] /ToUnicode " + ref(cmap_object) + " >>";
  std::string type0 = "<< /Type /Font /Subtype /Type0 /BaseFont " + name + " /Encoding ";
  if (object_) file.write_object(object_, type0 + "/Identity-H" + shared);
  if (vertical_object_) file.write_object(vertical_object_, type0 + "/Identity-V" + shared);
  return file.ok();
}

}  // namespace huozi::pdf
