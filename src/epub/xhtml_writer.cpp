#include "epub/xhtml_writer.h"

#include <algorithm>

#include "epub/markup.h"
#include "epub/package_files.h"
#include "model/metadata.h"
#include "util/tate_chu_yoko.h"

namespace huozi::epub {
namespace {

using model::Node;
using model::NodeKind;

class XhtmlWriter {
 public:
  XhtmlWriter(const model::Document& doc, const BookPlan& plan, const SpineDocument& item)
      : doc_(doc), plan_(plan), item_(item) {}

  std::string run() {
    out_ = xhtml_head(doc_, item_.title, item_.is_chapter_like ? "bodymatter" : nullptr, vertical());
    for (const Node* n : item_.nodes) block(*n, item_.level);
    flush_footnotes();
    out_ += xhtml_foot();
    return std::move(out_);
  }

 private:
  const model::Document& doc_;
  const BookPlan& plan_;
  const SpineDocument& item_;
  std::string out_;
  bool vertical() const { return item_.writing_mode == model::WritingMode::Vertical; }
  std::vector<const Node*> pending_notes_;  // footnotes referenced since the last flush
  size_t noteref_end_ = std::string::npos;  // where out_ ended after the last note mark

  // ---- blocks ----

  // ` id="…"` for a node the author gave an id, or nothing.
  static std::string id_attribute(const Node& n) {
    return n.id().empty() ? std::string() : " id=\"" + escaped(n.id()) + "\"";
  }

  void open(const char* tag, const Node& n, const char* cls = nullptr, const std::string& extra = {}) {
    out_ += '<';
    out_ += tag;
    out_ += id_attribute(n);
    if (cls) out_ += std::string(" class=\"") + cls + "\"";
    out_ += lang_attributes(n.lang());
    out_ += extra;
    out_ += '>';
  }

  void close(const char* tag) {
    out_ += "</";
    out_ += tag;
    out_ += ">\n";
  }

  void flow(const char* tag, const Node& n, const char* cls = nullptr) {
    open(tag, n, cls);
    inlines(n.children);
    close(tag);
  }

  void blocks(const std::vector<Node>& nodes, int level) {
    for (size_t i = 0; i < nodes.size(); ++i) sibling(nodes, i, level);
  }

  // Block i of its siblings. A poet's line next to a poem stands with the
  // poem, not at the far edge of a wide screen (class "poet": the stylesheet
  // indents it as the verse).
  void sibling(const std::vector<Node>& nodes, size_t i, int level) {
    const bool poet = nodes[i].kind == NodeKind::Byline &&
                      ((i + 1 < nodes.size() && nodes[i + 1].kind == NodeKind::Verse) ||
                       (i > 0 && nodes[i - 1].kind == NodeKind::Verse));
    if (poet)
      flow("p", nodes[i], "byline poet");
    else
      block(nodes[i], level);
  }

  void block(const Node& n, int level) {
    switch (n.kind) {
      case NodeKind::Part:
      case NodeKind::Chapter:
      case NodeKind::Section: container(n, level); break;
      case NodeKind::Page: page(n); break;
      case NodeKind::Article: article(n, level); break;
      case NodeKind::PhotoGroup: gallery(n, level); break;
      case NodeKind::Paragraph: flow("p", n, n.indent ? nullptr : "noindent"); break;
      case NodeKind::Byline: flow("p", n, "byline"); break;
      case NodeKind::BlockQuote:
        open("blockquote", n);
        out_ += '\n';
        blocks(n.children, level);
        close("blockquote");
        break;
      case NodeKind::Verse: verse(n); break;
      case NodeKind::OrderedList:
      case NodeKind::UnorderedList: list(n); break;
      case NodeKind::Figure: figure(n); break;
      case NodeKind::Table: table(n); break;
      default: break;  // Title is written by its container; inline kinds never reach here
    }
  }

  void container(const Node& n, int level) {
    const char* type = n.kind == NodeKind::Part ? "part" : n.kind == NodeKind::Chapter ? "chapter" : nullptr;
    // The anchor is the node's id, or one made up for the table of contents.
    out_ += "<section id=\"" + escaped(plan_.anchor_of.at(&n)) + "\"";
    // epub:type for reading systems, the matching DPUB-ARIA role for
    // assistive technology (Ace), and a class for the stylesheet: reading
    // systems that load XHTML as HTML (epub.js) drop the epub|type selectors.
    if (type) out_ += std::string(" epub:type=\"") + type + "\" role=\"doc-" + type + "\" class=\"" + type + "\"";
    out_ += lang_attributes(n.lang());
    out_ += ">\n";
    if (const Node* title = model::title_of(n)) heading(*title, level, model::heading_prefix(n));
    for (size_t i = 0; i < n.children.size(); ++i) {
      const Node& child = n.children[i];
      if (child.kind == NodeKind::Title) continue;
      if (plan_.own_file.count(&child)) continue;  // written in a file of its own
      sibling(n.children, i, level + 1);
    }
    if (n.kind == NodeKind::Chapter) flush_footnotes();
    close("section");
  }

  // <h1>…<h6> for a title at `level`, its number label (if any) in a span.
  void heading(const Node& title, int level, const std::string& prefix = {}) {
    std::string tag = "h" + std::to_string(std::min(level, 6));
    out_ += "<" + tag + id_attribute(title) + lang_attributes(title.lang()) + ">";
    if (!prefix.empty()) out_ += "<span class=\"number\">" + escaped(prefix) + "</span>";
    inlines(title.children);
    out_ += "</" + tag + ">\n";
  }

  // ---- newspaper pages ----

  // `<tag id="…" class="…">` for a node the plan gave an anchor.
  void open_anchored(const char* tag, const Node& n, const std::string& cls) {
    out_ += std::string("<") + tag + " id=\"" + escaped(plan_.anchor_of.at(&n)) + "\" class=\"" + cls + "\"" +
            lang_attributes(n.lang()) + ">\n";
  }

  // A page: its number and name as the heading with the paper and the date,
  // then the banner and the modules in source order. The editor line and the
  // rules belong to the printed page and are left out.
  void page(const Node& n) {
    open_anchored("section", n, "news-page");
    out_ += "<header class=\"page-head\">\n<h1>" + escaped(page_label(n, doc_.metadata)) + "</h1>\n";
    dateline(n);
    out_ += "</header>\n";
    int level = 2;  // the stories' headings: under the banner's, if there is one
    for (const Node& c : n.children) {
      if (c.kind == NodeKind::Banner) {
        headline(c, 2, "banner");
        level = 3;
      } else {
        block(c, level);
      }
    }
    close("section");
  }

  // "吕梁日报　2021年12月31日　星期五": the paper (the page's, else the publisher) and the date.
  void dateline(const Node& page) {
    const std::string& paper =
        page.page_head().paper.empty() ? doc_.metadata.publisher : page.page_head().paper;
    const std::string& date = doc_.metadata.date;
    if (paper.empty() && date.empty()) return;
    out_ += "<p class=\"dateline\">";
    if (!paper.empty()) out_ += "<span class=\"paper\">" + escaped(paper) + "</span>";
    if (!paper.empty() && !date.empty()) out_ += "　";
    // A full date is machine-readable; a year or a month is shown as written.
    if (date.size() == 10) out_ += "<time datetime=\"" + escaped(date) + "\">";
    append_escaped(out_, model::chinese_date(date));
    if (date.size() == 10) out_ += "</time>";
    out_ += "</p>\n";
  }

  // A banner's or a story's head: the kicker over the title, the subtitle under it.
  void headline(const Node& n, int level, const char* cls) {
    out_ += std::string("<header class=\"") + cls + "\">\n";
    for (const Node& c : n.children)
      if (c.kind == NodeKind::Kicker) flow("p", c, "kicker");
    if (const Node* title = model::title_of(n)) heading(*title, level);
    for (const Node& c : n.children)
      if (c.kind == NodeKind::Subtitle) flow("p", c, "subtitle");
    out_ += "</header>\n";
  }

  // A story: its head, then its byline, text and pictures.
  void article(const Node& n, int level) {
    static const char* const importance[] = {"story brief", "story", "story major", "story lead"};
    open_anchored("article", n, importance[static_cast<int>(n.module().importance)]);
    headline(n, level, "story-head");
    for (const Node& c : n.children)
      if (c.kind != NodeKind::Title && c.kind != NodeKind::Kicker && c.kind != NodeKind::Subtitle)
        block(c, level + 1);
    close("article");
  }

  // A photo group as a gallery: a named section holding one figure of the
  // numbered pictures, each with its caption, and the group's credit.
  void gallery(const Node& n, int level) {
    open_anchored("section", n, "gallery");
    const std::string h = "h" + std::to_string(std::min(level, 6));
    out_ += "<" + h + ">" + escaped(gallery_label(n, doc_.metadata)) + "</" + h + ">\n";
    out_ += "<figure class=\"photos\">\n";
    for (const Node& c : n.children)
      if (c.kind == NodeKind::Figure) figure(c);
    for (const Node& c : n.children)
      if (c.kind == NodeKind::Credit) flow("figcaption", c, "credit");
    close("figure");
    close("section");
  }

  void verse(const Node& n) {
    open("div", n, "verse");
    out_ += '\n';
    for (const Node& stanza : n.children) {
      open("div", stanza, "stanza");
      out_ += '\n';
      for (const Node& line : stanza.children) flow("p", line, "line");
      close("div");
    }
    close("div");
  }

  void list(const Node& n) {
    const char* tag = n.kind == NodeKind::OrderedList ? "ol" : "ul";
    open(tag, n);
    out_ += '\n';
    for (const Node& item : n.children) flow("li", item);
    close(tag);
  }

  void figure(const Node& n) {
    open("figure", n);
    out_ += '\n';
    const Node* caption = nullptr;
    const Node* credit = nullptr;
    for (const Node& c : n.children) {
      if (c.kind == NodeKind::Caption) caption = &c;
      if (c.kind == NodeKind::Credit) credit = &c;
    }
    for (const Node& c : n.children) {
      if (c.kind == NodeKind::Image) image(c, caption);
      if (c.kind == NodeKind::Placeholder) placeholder(c);
    }
    if (caption || credit) {
      // The figcaption is the caption: it takes the caption's id, and its
      // language unless a credit shares it (then a span holds the language).
      bool caption_span = caption && credit && !caption->lang().empty();
      out_ += "<figcaption";
      if (caption) out_ += id_attribute(*caption) + (caption_span ? "" : lang_attributes(caption->lang()));
      out_ += ">";
      if (caption_span) out_ += "<span" + lang_attributes(caption->lang()) + ">";
      if (caption) inlines(caption->children);
      if (caption_span) out_ += "</span>";
      if (credit) {
        out_ += "<span class=\"credit\"" + id_attribute(*credit) + lang_attributes(credit->lang()) + ">";
        inlines(credit->children);
        out_ += "</span>";
      }
      out_ += "</figcaption>\n";
    }
    close("figure");
  }

  // The alt text is the image's own, else the caption's text (in the caption's language).
  void image(const Node& n, const Node* caption) {
    bool from_caption = n.label().empty() && caption;
    std::string alt = from_caption ? model::plain_text(*caption) : n.label();
    const std::string& lang = from_caption && n.lang().empty() ? caption->lang() : n.lang();
    out_ += "<img src=\"" + escaped(plan_.media_href.at(n.target())) + "\" alt=\"" + escaped(alt) + "\"";
    out_ += id_attribute(n) + lang_attributes(lang) + "/>\n";
  }

  // FPO: a framed box of the picture's proportions that says what belongs there.
  void placeholder(const Node& n) {
    size_t colon = n.label().find(':');
    double w = std::stod(n.label().substr(0, colon)), h = std::stod(n.label().substr(colon + 1));
    char padding[32];
    std::snprintf(padding, sizeof padding, "%.2f%%", 100.0 * h / w);
    std::string description = model::plain_text(n);
    bool traditional = is_traditional(doc_.metadata.language);  // the words follow the publication's script
    std::string label = std::string("FPO ") + (traditional ? "圖片佔位" : "图片占位") +
                        (description.empty() ? "" : "：" + description);
    out_ += "<div" + id_attribute(n) + " class=\"fpo\" role=\"img\" aria-label=\"" + escaped(label) +
            "\" style=\"padding-top: " + padding + ";\"" + lang_attributes(n.lang()) + ">";
    out_ += "<div class=\"fpo-inner\"><span class=\"fpo-mark\">FPO</span>";
    out_ += traditional ? "<span class=\"fpo-note\">圖片佔位 · 正式圖片待補</span>"
                        : "<span class=\"fpo-note\">图片占位 · 正式图片待补</span>";
    if (!n.children.empty()) {
      out_ += "<span class=\"fpo-desc\">";
      inlines(n.children);
      out_ += "</span>";
    }
    out_ += "</div></div>\n";
  }

  void table(const Node& n) {
    open("table", n);
    out_ += '\n';
    for (const Node& c : n.children)
      if (c.kind == NodeKind::Caption) flow("caption", c);
    bool body_open = false;
    for (const Node& row : n.children) {
      if (row.kind != NodeKind::TableRow) continue;
      if (!body_open) out_ += "<tbody>\n";
      body_open = true;
      open("tr", row);
      for (const Node& cell : row.children) {
        const char* tag = cell.is_header ? "th" : "td";
        open(tag, cell);
        inlines(cell.children);
        out_ += "</";
        out_ += tag;
        out_ += ">";
      }
      close("tr");
    }
    if (body_open) out_ += "</tbody>\n";
    close("table");
  }

  // ---- inline ----

  void inlines(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) inline_node(n);
  }

  void wrap(const char* tag, const Node& n, const char* cls = nullptr) {
    open(tag, n, cls);
    inlines(n.children);
    out_ += "</";
    out_ += tag;
    out_ += '>';
  }

  void inline_node(const Node& n) {
    switch (n.kind) {
      case NodeKind::Text: append_text(out_, n.text, vertical()); break;
      case NodeKind::Emphasis: wrap("em", n); break;
      case NodeKind::Strong: wrap("strong", n); break;
      case NodeKind::EmphasisDots: wrap("em", n, "dots"); break;
      case NodeKind::Code: wrap("code", n); break;
      case NodeKind::Span: wrap("span", n); break;
      case NodeKind::TateChuYoko:  // the source's 縦中横 (its text is digits only, as read)
        if (vertical()) out_ += "<span class=\"tcy\">";
        append_escaped(out_, model::plain_text(n));
        if (vertical()) out_ += "</span>";
        break;
      case NodeKind::LineBreak: out_ += "<br" + id_attribute(n) + "/>"; break;
      case NodeKind::Link: {
        std::string href = plan_.resolve_link(n.target(), item_.file);
        bool external = n.target().rfind("#", 0) != 0;
        open("a", n, nullptr, " href=\"" + escaped(href) + "\"" + (external ? " class=\"external\"" : ""));
        inlines(n.children);
        out_ += "</a>";
        break;
      }
      case NodeKind::Ruby:
        open("ruby", n);
        inlines(n.children);
        out_ += "<rp>(</rp><rt>" + escaped(n.label()) + "</rt><rp>)</rp></ruby>";
        break;
      case NodeKind::Footnote: {
        // A word joiner keeps the first mark of a run with the character it
        // annotates; the marks of a run may wrap between them.
        if (out_.size() != noteref_end_) out_ += "\u2060";
        out_ += "<a class=\"noteref\" epub:type=\"noteref\" role=\"doc-noteref\" id=\"ref-" + note_key(n) +
                "\" href=\"#" + escaped(aside_id(n)) + "\">" + escaped(model::note_mark(n.number)) + "</a>";
        noteref_end_ = out_.size();
        pending_notes_.push_back(&n);
        break;
      }
      default: break;
    }
  }

  // Footnote ids are unique in the book: made from the note's source position.
  std::string note_key(const Node& n) const {
    return "fn-" + std::to_string(n.where.file) + "-" + std::to_string(n.where.line) + "-" +
           std::to_string(n.where.column);
  }

  // The note's aside carries the author's id, if any, so links to the note land on it.
  std::string aside_id(const Node& n) const { return n.id().empty() ? note_key(n) : n.id(); }

  // Writing a note may reference notes inside it, which join pending_notes_:
  // the loop goes by index (the vector grows) until every note has its aside,
  // and a note's own notes are moved to follow it, so the asides keep the
  // order of their numbers.
  void flush_footnotes() {
    if (pending_notes_.empty()) return;
    out_ += "<section class=\"footnotes\" epub:type=\"footnotes\" role=\"doc-endnotes\">\n";
    for (size_t i = 0; i < pending_notes_.size(); ++i) {
      const Node* note = pending_notes_[i];
      size_t before = pending_notes_.size();
      out_ += "<aside id=\"" + escaped(aside_id(*note)) + "\" epub:type=\"footnote\" role=\"doc-footnote\"" +
              lang_attributes(note->lang()) + "><p><a href=\"#ref-" + note_key(*note) +
              "\" class=\"note-number\">" + escaped(model::circled_number(note->number)) + "</a> ";
      inlines(note->children);
      out_ += "</p></aside>\n";
      std::rotate(pending_notes_.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                  pending_notes_.begin() + static_cast<std::ptrdiff_t>(before), pending_notes_.end());
    }
    out_ += "</section>\n";
    pending_notes_.clear();
  }
};

}  // namespace

void append_text(std::string& out, const std::string& text, bool vertical) {
  if (!vertical) return append_escaped(out, text);
  size_t done = 0;
  for (size_t i = 0; i < text.size();) {
    if (!is_ascii_digit(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_ascii_digit(text[end])) ++end;
    // Upright (a single digit) or side by side in one cell (縦中横).
    if (tate_chu_yoko(text, i, end)) {
      append_escaped(out, text.substr(done, i - done));
      out += "<span class=\"tcy\">" + text.substr(i, end - i) + "</span>";
      done = end;
    }
    i = end;
  }
  append_escaped(out, text.substr(done));
}

std::string xhtml_head(const model::Document& doc, const std::string& title, const char* body_type, bool vertical) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"" +
      lang_attributes(doc.metadata.language) + (vertical ? " class=\"vertical\"" : "") + ">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>" + escaped(title) +
      "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body";
  if (body_type) out += std::string(" epub:type=\"") + body_type + "\"";
  // A horizontal file of a vertical (right-to-left) book reads left to right: a
  // reading system that sets the page order's direction on the root (epub.js)
  // would put its closing marks at the start of its lines.
  if (!vertical && vertical_publication(doc)) out += " dir=\"ltr\"";
  out += ">\n";
  return out;
}

std::string xhtml_foot() { return "</body>\n</html>\n"; }

std::string render_spine_document(const model::Document& doc, const BookPlan& plan, const SpineDocument& item) {
  return XhtmlWriter(doc, plan, item).run();
}

}  // namespace huozi::epub
