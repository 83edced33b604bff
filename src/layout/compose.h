// What every part of the page composer shares: the document, its page
// geometry and sizes, and the one paragraph setter that sets all its text,
// blocks into grid lines and strings onto a baseline.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_style.h"
#include "layout/page_flow.h"
#include "layout/page_geometry.h"
#include "layout/paragraph.h"
#include "model/document.h"
#include "text/font_db.h"
#include "util/diagnostic.h"

namespace huozi::layout {

class NoteNumbers;

enum class Align { Justify, Left, Centre, Right };

// Where a block's lines go across the column: an inset and a measure.
struct Measure {
  double x = 0;
  double width = 0;
};

// How a block's text is set.
struct Setting {
  double scale = 1;  // of the body size (a title's: of its heading size)
  Align align = Align::Justify;
  double hang = 0;   // lines after the first start this much further in
  std::string lead{};  // set before the block's content: a heading's number, a note's mark
  // A headline: breaks between words where it can, and (balanced) its lines
  // as even as the narrowest measure that keeps their number makes them,
  // centred in the measure. Balancing never changes the number of lines, so
  // a composer that only measures may leave it off.
  bool headline = false;
  bool balanced = false;
};

// A Setting at `scale`, aligned `align`.
inline Setting setting(double scale, Align align) {
  Setting how;
  how.scale = scale;
  how.align = align;
  return how;
}

// A footnote called from a block: the index of the block's line that holds the call, and the note.
struct NoteCall {
  size_t line = 0;
  const model::Node* note = nullptr;
};

struct Composer {
  Composer(const model::Document& doc, text::FontDb& fonts, DiagnosticList& diags,
           const LayoutStyle& style = {});

  const model::Document& doc;
  // The pages being set now: a vertical book's (or part's or chapter's) are
  // set as turned frames (vertical_page.h), g is the frame's geometry, and
  // text is shaped for columns unless `vertical` is turned off (furniture set
  // on the page after turning). set_pages (or a PageMode) changes them.
  bool vertical_pages;
  bool vertical;
  PageGeometry g;
  const LayoutStyle style;
  const std::string lang;  // the publication's
  DiagnosticList& diags;

  bool periodical() const { return doc.type == model::PublicationType::Periodical; }

  // Sets what follows on vertical (turned) or horizontal pages.
  void set_pages(bool vertical_columns);
  // The geometry of a vertical page's turned frame, or of a horizontal page.
  const PageGeometry& geometry(bool vertical_columns) const { return vertical_columns ? turned_ : flat_; }

  // Sets a block's inline content into grid lines. Lines taller than the grid
  // (large headings) take several grid lines, their baseline on the last one.
  std::vector<TypesetLine> set(const model::Node& block, Measure m, const Setting& how);
  // The same, the block's footnotes leaving their marks (numbered by
  // `numbers`); the calls go to `calls`, in order.
  std::vector<TypesetLine> set(const model::Node& block, Measure m, const Setting& how,
                               const NoteNumbers& numbers, std::vector<NoteCall>& calls);

  // A string on one line, its left end at x = 0 on the baseline (furniture,
  // markers, labels); `width` receives its width.
  std::vector<PageItem> set_string(const std::string& s, text::Role role, double size, double& width,
                                   Color color = {});
  // The same, cut short with an ellipsis (…) to `measure` if it is longer.
  std::vector<PageItem> set_string_within(const std::string& s, text::Role role, double size, double measure,
                                          double& width);
  // The same, moved to (x, baseline) and added to `into`.
  void place_string(std::vector<PageItem>& into, const std::string& s, text::Role role, double size, double x,
                    double baseline, double& width);

 private:
  PageGeometry flat_, turned_;
  ParagraphSetter setter_;
  std::vector<Line> lines_;  // set_string's

  std::vector<TypesetLine> set(const model::Node& block, Measure m, const Setting& how,
                               const NoteMarkText& marks, std::vector<NoteCall>* calls);
  void balance_lines(const ParagraphSource& source, SetOptions& options, std::vector<Line>& lines);
  void set_source(const ParagraphSource& source, Measure m, const Setting& how, std::vector<TypesetLine>& out,
                  std::vector<NoteCall>* calls);
};

// Sets a composer's pages to one writing mode while it lives (a chapter set
// vertically in a horizontal book; a page's furniture and proof marks set in
// its own mode while the flow has gone on to the next chapter), then back.
class PageMode {
 public:
  PageMode(Composer& c, bool vertical_pages)
      : c_(c), pages_(c.vertical_pages), columns_(c.vertical) {
    c.set_pages(vertical_pages);
  }
  ~PageMode() {
    c_.set_pages(pages_);
    c_.vertical = columns_;
  }
  PageMode(const PageMode&) = delete;
  PageMode& operator=(const PageMode&) = delete;

 private:
  Composer& c_;
  bool pages_, columns_;
};

// A block node of `kind` holding `text` alone, at `where`: for text huozi
// adds (a part's number, "（上接第5版）", a nameplate) set like the source's.
model::Node text_block(model::NodeKind kind, const std::string& text, const SourceLocation& where);

// The same lines marked as text huozi adds for their block (SourceLine::generated).
std::vector<TypesetLine> generated(std::vector<TypesetLine> lines);

// The text a heading shows in the table of contents, the outline and the
// running heads: its number ("第一章　") and its title's text.
std::string heading_text(const model::Node& container);

}  // namespace huozi::layout
