// The content model: a publication as a plain C++ tree.
//
// This is what every back end reads. It knows nothing of XML (the loader makes
// it), EPUB or PDF. Each node remembers where it came from, so any later stage
// can point an editor at the source line.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "util/source_location.h"

namespace huozi::model {

// 1-based line and column (in characters) in one of Document::files: the one
// source location type of every stage.
using SourceLocation = huozi::SourceLocation;

enum class NodeKind : uint8_t {
  // Containers.
  Part,
  Chapter,
  Section,
  Title,  // first child of a container; inline content
  // A newspaper page (版) and what it holds (docs/content-model.md, "Newspaper pages").
  Page,        // number = 版次, label = 版名; its head (paper, editor line) in page_head()
  Banner,      // 通栏标题: Kicker?, Title, Subtitle?
  Article,     // a story: Kicker?, Title, Subtitle?, Byline?, blocks; module() says where it goes
  PhotoGroup,  // 组图: figures, then a Credit
  Kicker,      // 引题, over a title; inline content
  Subtitle,    // 副题, under a title; inline content
  // Blocks.
  Paragraph,
  Byline,
  BlockQuote,
  Verse,
  Stanza,
  VerseLine,
  OrderedList,
  UnorderedList,
  ListItem,
  Figure,
  Image,        // target = resolved path, label = alt text
  Placeholder,  // FPO picture; label = ratio ("4:3"), children = description
  Caption,
  Credit,
  Table,
  TableRow,
  TableCell,  // is_header for <th>
  // Inline.
  Text,  // text = the characters, whitespace already normalised
  Emphasis,
  Strong,
  EmphasisDots,  // 着重号
  Link,          // target = "#id" or an external URL
  Ruby,          // children = base, label = annotation
  LineBreak,
  Code,
  Span,      // a foreign-language span; lang says which
  TateChuYoko,  // <tcy>: one to four ASCII digits side by side in one cell of a vertical column (縦中横)
  Footnote,  // inline content of the note; number = its number in the chapter
};

enum class Numbering : uint8_t { None, Chinese, Arabic };

// How important a story is: the lead gets the widest module and the largest headline.
enum class Importance : uint8_t { Brief, Normal, Major, Lead };

// A module's place on a newspaper page (Article, PhotoGroup, Figure on a
// Page): grid columns and lines counted from 1 at the top left of the area
// under the banner; 0 where the source leaves the choice to huozi.
struct ModuleSpec {
  int column = 0, row = 0;  // top left
  int span = 0, rows = 0;   // width in columns, height in grid lines
  Importance importance = Importance::Normal;
  bool boxed = false;  // 框: a frame around the story
  bool shrink = false;  // fit="shrink": set smaller rather than jump
  bool fancy = false;  // ... of 花线 (a thick and a thin rule, 文武线) rather than one rule
  bool placed() const { return column > 0; }
};

// A newspaper page's head (眉头): the paper's name and the editor line.
struct PageHead {
  std::string paper;
  std::vector<std::pair<std::string, std::string>> staff;  // (责任编辑, 张三), …
};

// 横排 or 竖排 (<publication writing-mode="vertical">): lines top to bottom,
// columns right to left, pages turning to the right. A part or chapter may
// name its own (a vertical classic with a horizontal bibliography).
enum class WritingMode : uint8_t { Horizontal, Vertical };

// The attributes few nodes carry, kept out of line: most nodes of a long book
// are lines and their text, which have none, and a Node without them is less
// than half the size (the whole Quan Tangshi is some 940,000 nodes).
struct NodeAttributes {
  std::string id;      // xml id
  std::string lang;    // xml:lang set on this element
  std::string target;  // Link href; Image path relative to the publication folder
  std::string label;   // Image alt; Ruby annotation; Placeholder ratio; container number label; Page name
  ModuleSpec module;   // Article, PhotoGroup, Figure on a Page
  std::shared_ptr<const PageHead> page_head;  // Page
  std::optional<WritingMode> writing_mode;    // Part, Chapter: its own, if it names one
};

struct Node {
  NodeKind kind = NodeKind::Text;
  Numbering numbering = Numbering::None;
  bool is_header = false;  // TableCell: <th>
  bool indent = true;      // Paragraph: first-line indent
  int number = 0;          // Footnote number within its chapter
  SourceLocation where;
  std::string text;  // Text only
  std::vector<Node> children;

  Node() = default;
  Node(const Node& other) { *this = other; }
  Node& operator=(const Node& other);
  Node(Node&&) noexcept = default;
  Node& operator=(Node&&) noexcept = default;

  const std::string& id() const { return attributes_ ? attributes_->id : no_attribute(); }
  const std::string& lang() const { return attributes_ ? attributes_->lang : no_attribute(); }
  const std::string& target() const { return attributes_ ? attributes_->target : no_attribute(); }
  const std::string& label() const { return attributes_ ? attributes_->label : no_attribute(); }
  const ModuleSpec& module() const;
  const PageHead& page_head() const;
  std::optional<WritingMode> writing_mode() const;
  void set_id(std::string v) { set(&NodeAttributes::id, std::move(v)); }
  void set_lang(std::string v) { set(&NodeAttributes::lang, std::move(v)); }
  void set_target(std::string v) { set(&NodeAttributes::target, std::move(v)); }
  void set_label(std::string v) { set(&NodeAttributes::label, std::move(v)); }
  void set_module(const ModuleSpec& m);
  void set_page_head(PageHead head);
  void set_writing_mode(std::optional<WritingMode> mode);

 private:
  std::unique_ptr<NodeAttributes> attributes_;
  static const std::string& no_attribute();
  void set(std::string NodeAttributes::*field, std::string v);
};

struct Creator {
  std::string name;
  std::string role;  // MARC relator code: aut, edt, trl, ill, pht, ...
  std::string file_as;
};

struct Metadata {
  std::string title;
  std::string subtitle;
  std::vector<Creator> creators;
  std::string publisher;
  std::string language;  // BCP 47, e.g. zh-Hans
  std::string identifier;
  std::string identifier_scheme;  // "uuid" or "isbn"
  std::string date;               // YYYY, YYYY-MM or YYYY-MM-DD
  std::string rights;
  std::string description;
  std::vector<std::string> subjects;
  std::string cover_image;  // path relative to the publication folder, or empty
};

enum class PublicationType : uint8_t { Book, Periodical };

// How the publication wants its pages (the <layout> element); lengths in
// points. The PDF's page layout reads it; the EPUB ignores it.
struct PageSetup {
  std::string size_name = "A5";  // as written: A4, A5, B5, 16开, 大32开, 32开, or WxHmm
  double page_width = 419.53, page_height = 595.28;   // A5
  double margin_top = 56.69, margin_bottom = 56.69;   // 20 mm
  double margin_inner = 56.69, margin_outer = 48.19;  // 20 mm, 17 mm
  double body_size = 10.5;                            // 五号
  double leading = 1.7;                               // line pitch as a multiple of body_size
  int columns = 1;
  double column_gap_em = 2;
  bool footnotes_per_page = false;  // numbering restarts per page instead of per chapter
  bool running_heads = true;
  bool chapter_recto = false;  // chapters open on a right-hand page
  bool toc = true;             // a table of contents page (books with headings)
  // House style for punctuation and spacing (layout/items.h Typography).
  bool half_width_line_start = false;  // line-start-brackets=half
  bool hanging_punctuation = false;    // hanging-punctuation=yes
  bool han_digit_space = true;         // han-digit-space=no sets 2021年 tight
  // The print profile (docs/print.md).
  bool print = false;               // also write NAME-print.pdf and NAME-cover.pdf
  double bleed = 8.5039;            // 3 mm
  bool saddle_stitch = false;       // binding="saddle"; perfect binding otherwise
  double paper_thickness = 0.2835;  // 0.1 mm: one leaf, for the spine width
  // The printing condition (paper="coated|newsprint"): which CMYK the print
  // file is separated for. Unset: newsprint for a periodical, coated otherwise.
  enum class Paper : uint8_t { Unset, Coated, Newsprint } paper = Paper::Unset;
  // cover="yes|no": a cover file with the print profile. Unset: books have one, periodicals not.
  enum class Cover : uint8_t { Unset, Yes, No } cover = Cover::Unset;
};

struct Document {
  Metadata metadata;
  PublicationType type = PublicationType::Book;
  WritingMode writing_mode = WritingMode::Horizontal;
  PageSetup page;
  std::vector<Node> body;          // parts, chapters, sections and blocks
  std::string base_dir;            // the publication folder (absolute)
  std::vector<std::string> files;  // source files, as given; SourceLocation::file indexes this
};

bool is_container(NodeKind k);  // Part, Chapter, Section, Article
// A part's or chapter's writing mode: its own, or that of what holds it (`enclosing`).
inline WritingMode writing_mode_of(const Node& container, WritingMode enclosing) {
  return container.writing_mode().value_or(enclosing);
}
// The Page nodes of a newspaper publication's body (empty for a book, or a periodical set as one flow).
std::vector<const Node*> newspaper_pages(const Document& doc);
bool is_inline(NodeKind k);

// Named trim sizes in millimetres (width, height): A3, A4, A5, B5, 16开, 大32开, 32开.
bool trim_size_mm(const std::string& name, double& width_mm, double& height_mm);

// Chinese type sizes: 五号 10.5 pt, 小五 9 pt, … Returns 0 for an unknown name.
double chinese_type_size_pt(const std::string& name);

// The Title child of a container, or nullptr.
const Node* title_of(const Node& container);

// The characters of an inline subtree, without markup (ruby annotations and
// footnotes left out): what a table of contents or an alt text shows.
std::string plain_text(const Node& node);

// "第三章", "1.2", ... for a container with numbering; empty otherwise.
std::string chinese_number(int n);  // 1 -> 一, 21 -> 二十一, 100 -> 一百

}  // namespace huozi::model

namespace huozi::model {

// Whether a language tag asks for Traditional characters (zh-Hant, zh-TW, zh-HK, zh-MO).
bool is_traditional(const std::string& lang);

// ① ② … ⑳ ㉑ … ㊿ for footnote marks; "(51)" and up beyond the circled forms.
std::string circled_number(int n);
// A note's mark in the text: ① … ㊿, then the number alone ("51"), which the
// PDF sets as a superscript and the EPUB raises like the circled ones.
std::string note_mark(int n);

// The heading text of a container as readers see it: its number label, a
// separator, and its title ("第一章　山居", "一、山居", "1.2　山居").
std::string heading_prefix(const Node& container);

}  // namespace huozi::model
