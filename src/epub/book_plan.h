// The first phases of packaging: split the body into spine documents, give
// every heading an anchor, build the table of contents, and map each id to the
// file that holds it so internal links can be rewritten.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/document.h"

namespace huozi::epub {

// One XHTML file of the spine: a chapter, a run of loose blocks, or a newspaper page.
struct SpineDocument {
  std::string file;                       // "chapter-003.xhtml"
  std::string title;                      // for <title>; the heading or the publication title
  std::vector<const model::Node*> nodes;  // top-level nodes it renders
  bool is_chapter_like = false;           // starts with a part, chapter or section
  int level = 1;                          // heading level of its nodes (2: a long chapter's later sections)
  // Its text's: the publication's, or its part's or chapter's own.
  model::WritingMode writing_mode = model::WritingMode::Horizontal;
};

// A chapter with more text than this is split at its sections into files of
// about this size: reading systems slow down on big files, and each file's
// notes follow its own text, near their marks.
constexpr size_t kMaxFileText = 48 * 1024;  // bytes of UTF-8 text (some 16,000 Han characters)

struct TocEntry {
  std::string label;
  std::string href;  // "chapter-003.xhtml#toc-7"
  std::vector<TocEntry> children;
};

struct Media {
  std::string source;  // path relative to the publication folder; empty: the generated cover
  std::string href;    // "images/001.jpg"
  std::string media_type;
};

struct BookPlan {
  std::vector<SpineDocument> spine;
  std::vector<TocEntry> toc;
  std::unordered_map<std::string, std::string> file_of_id;        // id -> file
  std::unordered_map<const model::Node*, std::string> anchor_of;  // container -> its anchor id
  // Nodes written in a file of their own, not inside their parent's: a
  // part's chapters, a long chapter's later sections. Node -> its file.
  std::unordered_map<const model::Node*, std::string> own_file;
  std::vector<Media> media;
  std::unordered_map<std::string, std::string> media_href;  // source path -> href
  std::string cover_href;  // the cover image ("images/003.png"); empty: the book has no cover
  bool has_images = false;
  bool has_ruby = false;
  bool has_footnotes = false;
  bool has_tables = false;

  // The href for a link target "#id" as seen from `from_file`.
  std::string resolve_link(const std::string& target, const std::string& from_file) const;
};

// With generated_cover, a book whose source names no cover image gets one
// from the caller (EpubOptions::cover_png) as images/cover.png.
BookPlan plan_book(const model::Document& doc, bool generated_cover = false);

// A newspaper page's name as the navigation and its heading show it:
// "第5版 · 年终特刊"; the banner's title, else the publication's, for a page
// with neither number nor name.
std::string page_label(const model::Node& page, const model::Metadata& metadata);

// A photo group's name in the navigation and over the gallery: "组图（8幅）".
std::string gallery_label(const model::Node& group, const model::Metadata& metadata);

}  // namespace huozi::epub
