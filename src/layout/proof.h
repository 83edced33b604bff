// The proof (校样): the reader's page with what a proofreader marking paper
// and an editor looking for the place need around it. Beside each block's
// first line, its place in the source ("qiyan-jueju.xml:12", or the line
// alone in a newspaper's narrow gutters); beside every
// line, its number in its column (source_map.h counts them, so "p. 47 l. 12"
// is what `huozi where --page 47 --line 12` reads); at the head, a slug with
// 校样, the build time, the title and the page.
//
// Every mark is drawn as outlines (TextRun::outlined), not as text: copied
// out of the proof, a page gives the book's text alone, with no line number
// or file name run into its lines, and a search finds only the book's words.
#pragma once

#include <string>

#include "layout/compose.h"
#include "layout/frame.h"
#include "model/document.h"
#include "text/font_db.h"

namespace huozi::layout {

struct ProofStyle {
  double mark_pt = 5;          // line numbers and source places
  double least_mark_pt = 3.5;  // a source place shrinks to fit its margin, down to this
  double slug_pt = 7;
  double gap_pt = 4;                   // between a column and its marks
  Color ink = Color::gray(0.55);       // grey: visibly not the book's
  Color fifth_ink = Color::gray(0.2);  // every fifth line number, for the eye to jump by
};

class ProofMarks {
 public:
  // `stamp`: the build time as the slug shows it ("2026-12-01 10:20 UTC").
  ProofMarks(const model::Document& doc, text::FontDb& fonts, std::string stamp,
             const ProofStyle& style = {});

  // Adds the marks to a finished page (its source lines counted).
  void mark(PageFrame& page);

 private:
  DiagnosticList quiet_;  // a glyph the marks lack is no problem of the book's
  Composer c_;
  std::string stamp_;
  ProofStyle style_;
  std::string folder_;  // the publication's, which the marks' file names are relative to

  std::string place(const SourceLocation& at) const;
  std::string one_file(const PageFrame& page) const;
  double gap(const PageFrame& page) const;
  double draw(PageFrame& page, const std::string& s, double size, double x, double baseline, Color ink,
              bool right_aligned);
  void number_lines(PageFrame& page);
  void source_places(PageFrame& page);
  void slug(PageFrame& page);
};

}  // namespace huozi::layout
