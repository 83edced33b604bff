// The font database: the faces of fonts/fonts.conf, found with fontconfig,
// each opened with HarfBuzz on first use, and the per-character
// fallback chain.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace huozi::text {

// What a piece of text is set as; picks the face (see fonts/README.md).
enum class Role : uint8_t { Body, Strong, Heading, Code, Emphasis };

using FaceId = uint16_t;

// One line of fonts.conf.
struct FontEntry {
  bool fallback = false;  // a "fallback" line: Role is then unused
  Role role = Role::Body;
  std::string lang;  // "zh-Hans", "zh-Hant", "*", or "latin": the role's Latin letters (font_db.h latin())
  bool bold = false;
  bool italic = false;
  std::string package;  // the Debian package that installs the face
  std::string family;
  int line = 0;  // in the file, for diagnostics
};

// Parses the text of a fonts.conf; problems go to diags (as errors, at name:line).
std::vector<FontEntry> parse_font_config(std::string_view text, const std::string& name,
                                         DiagnosticList& diags);

// What the PDF writer needs to embed a face.
struct FaceInfo {
  std::string family;
  std::string file;  // absolute path of the font file
  int index = 0;     // face index inside a .ttc collection
  bool bold = false;
  bool italic = false;
};

class Face;  // the open face (HarfBuzz handles); see face.h

class FontDb {
 public:
  // Reads the configuration and finds every face it names with fontconfig,
  // without opening any: a face is opened (HarfBuzz) by face(), the
  // first time text is shaped in it, and its coverage comes from fontconfig's
  // character set, so a document opens only the faces it sets text in. Returns
  // nullptr (with errors in diags) when the file is unreadable or a face is
  // missing.
  static std::unique_ptr<FontDb> open(const std::filesystem::path& config, DiagnosticList& diags);

  // $HUOZI_FONTS_CONF, else fonts/fonts.conf of the source tree.
  static std::filesystem::path default_config();

  ~FontDb();
  FontDb(const FontDb&) = delete;
  FontDb& operator=(const FontDb&) = delete;

  // The faces to try, in order, for text of this role and language: the
  // role's face, then the fallbacks. Never empty.
  const std::vector<FaceId>& chain(Role role, std::string_view lang) const;

  // The face for the Latin letters of text of this role, if the
  // configuration names one (a "latin" line: <em>'s Western book title in an
  // italic, where the role's Han face, a Kai, has only plain Latin letters).
  std::optional<FaceId> latin(Role role) const;

  // True when the face has a glyph for c (a bitmap lookup, made on the first
  // query from fontconfig's character set of the face: it does not open it).
  bool covers(FaceId id, char32_t c) const;

  // Where the face is; does not open it.
  const FaceInfo& info(FaceId id) const;
  // The open face, opened on the first call. Never fails: when HarfBuzz
  // cannot open a file that fontconfig found (removed or damaged since), the
  // face has no glyphs (its text is blank) and the failure is in problems().
  Face& face(FaceId id) const;
  // The faces that could not be opened, as errors at their files. A build
  // that finds any here has set text blank, and writes nothing.
  const DiagnosticList& problems() const;
  size_t size() const;
  // Different for every database a process opens, unlike its address, which
  // a later database may take: what caches of set text are keyed by.
  uint64_t serial() const;
  // How many of the size() faces have been opened by face() so far.
  size_t open_count() const;
  bool is_open(FaceId id) const;

 private:
  FontDb();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace huozi::text
