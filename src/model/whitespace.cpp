#include "model/whitespace.h"

#include <string>

#include "util/utf8.h"

namespace huozi::model {
namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A segment of text leaves between hard boundaries (block edges, <br/>).
using Segment = std::vector<Node*>;

void collect_segments(std::vector<Node>& inlines, std::vector<Segment>& segments,
                      std::vector<std::vector<Node>*>& footnote_flows) {
  for (Node& node : inlines) {
    switch (node.kind) {
      case NodeKind::Text:
        segments.back().push_back(&node);
        break;
      case NodeKind::LineBreak:
        segments.emplace_back();
        break;
      case NodeKind::Footnote:
        footnote_flows.push_back(&node.children);
        break;
      default:
        collect_segments(node.children, segments, footnote_flows);
    }
  }
}

// Whether a whitespace run between `before` and `after` disappears.
bool run_vanishes(char32_t before, char32_t after, bool has_newline) {
  if (!has_newline) return false;
  if (utf8::is_cjk_punctuation(before) || utf8::is_cjk_punctuation(after)) return true;
  return utf8::is_cjk(before) && utf8::is_cjk(after);
}

void normalize_segment(const Segment& leaves) {
  std::vector<std::string> out(leaves.size());
  char32_t last = 0;            // last non-space character kept; 0 at the segment start
  bool in_run = false, run_has_newline = false;
  size_t run_leaf = 0;          // the leaf where the current run started
  for (size_t k = 0; k < leaves.size(); ++k) {
    const std::string& s = leaves[k]->text;
    size_t i = 0;
    while (i < s.size()) {
      if (is_xml_space(s[i])) {
        if (!in_run) {
          in_run = true;
          run_has_newline = false;
          run_leaf = k;
        }
        if (s[i] == '\n' || s[i] == '\r') run_has_newline = true;
        ++i;
        continue;
      }
      size_t start = i;
      char32_t c = utf8::next(s, i);
      if (in_run) {
        if (last != 0 && !run_vanishes(last, c, run_has_newline)) out[run_leaf] += ' ';
        in_run = false;
      }
      out[k].append(s, start, i - start);
      last = c;
    }
  }
  // A run left open at the end of the segment is trailing space: dropped.
  for (size_t k = 0; k < leaves.size(); ++k) leaves[k]->text = std::move(out[k]);
}

void remove_empty_text(std::vector<Node>& inlines) {
  std::erase_if(inlines, [](const Node& n) { return n.kind == NodeKind::Text && n.text.empty(); });
  for (Node& n : inlines)
    if (n.kind != NodeKind::Footnote) remove_empty_text(n.children);
}

}  // namespace

void normalize_block_whitespace(std::vector<Node>& inlines) {
  std::vector<Segment> segments(1);
  std::vector<std::vector<Node>*> footnote_flows;
  collect_segments(inlines, segments, footnote_flows);
  for (const Segment& segment : segments) normalize_segment(segment);
  // Before remove_empty_text, which moves nodes and so the footnotes' children.
  for (std::vector<Node>* flow : footnote_flows) normalize_block_whitespace(*flow);
  remove_empty_text(inlines);
}

}  // namespace huozi::model
