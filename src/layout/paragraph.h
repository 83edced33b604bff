// Paragraphs of the content model into justified lines: the model → engine
// input conversion, and the setter that runs shape → items → break → justify.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "layout/linebreak.h"
#include "layout/lines.h"
#include "model/document.h"
#include "text/font_db.h"
#include "text/shaped.h"
#include "util/diagnostic.h"

namespace huozi::layout {

// Sizes and language of a publication's text.
struct TextStyle {
  double body_pt = 10.5;
  double heading_scale = 1.5;  // titles are set this much larger, in the heading face
  std::string lang = "zh-Hans";
};

// A link, 着重号 or ruby over some of a block's text: the spans whose
// TextSpan::tag is its index in ParagraphSource::markup, plus one.
struct Markup {
  model::NodeKind kind = model::NodeKind::Link;  // Link, EmphasisDots or Ruby
  std::string target;                            // Link: "#id" or a URI; Ruby: the annotation
};

// A footnote's call in the text: the byte of TextInput::text its mark begins at, and the note.
struct NoteMark {
  uint32_t begin = 0, end = 0;  // bytes of the mark in the piece's text
  const model::Node* note = nullptr;
};

// One block of inline content taken from the model, ready for the engine.
struct ParagraphSource {
  text::TextInput input;
  model::NodeKind kind = model::NodeKind::Paragraph;
  model::SourceLocation where;
  bool indent = false;  // first-line indent (body paragraphs)
  bool justify = true;  // false: every line flush left at natural width (titles, verse, bylines, cells)
  double em_pt = 10.5;  // the size its spacing is measured in
  std::vector<Markup> markup;        // of the whole block, in reading order (each piece has it all)
  std::vector<NoteMark> note_marks;  // the footnote calls in this piece, in order
};

// The text of the mark that calls a footnote in the body (①…).
using NoteMarkText = std::function<std::string(const model::Node& note)>;

// The inline content of a block (Paragraph, Title, VerseLine, ListItem,
// Caption, Credit, Byline, TableCell) as engine input. Emphasis and emphasis
// dots keep the body face, <strong> takes the strong face, <code> the code
// face, <span xml:lang> its language; ruby keeps its base, footnotes are left
// to the page (with `marks`, each leaves its mark in the text). Links, emphasis
// dots and ruby tag their spans. A <br/> ends a piece: the block may give several.
// `lead` is set before the block's content, in its style (a heading's number,
// a note's own mark): the block itself is walked, so each NoteMark names the
// model's own node.
std::vector<ParagraphSource> block_sources(const model::Node& block, const model::Document& doc,
                                           const TextStyle& style, const std::string& lang,
                                           const NoteMarkText& marks = {}, const std::string& lead = {});

// A plain string in one role, size and language as engine input (running
// heads, folios, markers, labels).
ParagraphSource plain_source(const std::string& text, text::Role role, double size_pt,
                             const std::string& lang);

// Every block of the document that holds inline content, in reading order.
std::vector<ParagraphSource> collect_paragraphs(const model::Document& doc, const TextStyle& style);

struct SetOptions {
  double width_pt = 252;  // the measure
  BreakStrategy strategy = BreakStrategy::Optimal;
  Typography typography;  // the house style (items.h)
  bool between_words = false;  // prefer breaks between words (headlines)
};

// The page setup's house style (<layout> attributes), as the setter takes it.
Typography typography_of(const model::PageSetup& page);

// Sets paragraphs into lines; keeps its buffers from one paragraph to the next.
class ParagraphSetter {
 public:
  explicit ParagraphSetter(text::FontDb& fonts);
  ~ParagraphSetter();

  void set(const ParagraphSource& source, const SetOptions& options, std::vector<Line>& out,
           DiagnosticList* diags = nullptr);

  // The intermediate stages of the last paragraph set, for tests and tracing
  // (not kept for a paragraph a ParagraphCache gave).
  const text::ShapedParagraph& shaped() const;
  const ItemList& items() const;

 private:
  void set_uncached(const ParagraphSource& source, const SetOptions& options, std::vector<Line>& out,
                    DiagnosticList* diags);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace huozi::layout
