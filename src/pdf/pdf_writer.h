// The PDF back end: writes page frames as a PDF (content streams, fonts as
// Type 0 with subset programs, images, links, outline, page labels). Pages are
// written and released one at a time, so memory does not grow with the page
// count. By default a thread of the writer's own writes them, so that layout
// goes on with the next pages on the other core; the file is the same byte
// for byte either way.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "util/diagnostic.h"

namespace huozi::pdf {

class SubsetCache;  // font_embedding.h

struct PdfInfo {
  std::string title, author, subject, keywords;
  std::string creator = "huozi";
  std::string create_date;  // ISO 8601; fixed for reproducible files
  // Pages turn to the right (vertical writing): viewers show spreads right to left.
  bool right_to_left = false;
};

enum class Drawing {
  Background,  // pages are queued (a few at most) and drawn by the writer's thread
  InCaller,  // add_page draws before it returns, and finish() subsets the fonts one by one: one thread in all
};

class PdfWriter {
 public:
  // Starts a PDF that becomes `target` on finish(); nothing appears at target
  // before that, and an unfinished writer leaves the target untouched.
  // `subsets`: font programs kept from an earlier PDF (a watch's), or none.
  PdfWriter(const std::filesystem::path& target, const PdfInfo& info, std::vector<layout::FontRef> fonts,
            Drawing drawing = Drawing::Background, SubsetCache* subsets = nullptr);
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  bool ok() const;
  const std::string& error() const;

  void add_page(layout::PageFrame&& page);
  void add_page(const layout::PageFrame& page) { add_page(layout::PageFrame(page)); }
  // After the last page, once: the outline is written at once, so the
  // entries need not outlive the call.
  void add_outline(const std::vector<layout::OutlineEntry>& entries);

  // Completes the file and renames it into place. Returns false (see error()) on failure.
  bool finish();

  int page_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace huozi::pdf
