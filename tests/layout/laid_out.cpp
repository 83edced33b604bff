#include "laid_out.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "model/loader.h"

namespace huozi::layout {

std::vector<PageLine> LaidOut::lines(size_t page) const {
  std::map<long, PageLine> by_baseline;
  for (const PageItem& item : pages.at(page).items) {
    const TextRun* run = std::get_if<TextRun>(&item);
    if (!run || run->glyphs.empty() || run->outlined) continue;
    long key = std::lround(run->glyphs.front().y * 10);
    PageLine& l = by_baseline[key];
    if (l.text.empty()) l.x = run->glyphs.front().x, l.size = run->size;
    l.y = run->glyphs.front().y;
    l.x = std::min(l.x, run->glyphs.front().x);
    l.right = std::max(l.right, run->glyphs.back().x);
    l.text += run->text;
  }
  std::vector<PageLine> out;
  for (auto& [key, l] : by_baseline) out.push_back(l);
  return out;
}

std::vector<std::string> LaidOut::texts(size_t page, double size) const {
  std::vector<std::string> out;
  for (const PageLine& l : lines(page))
    if (size == 0 || std::abs(l.size - size) < 0.05) out.push_back(l.text);
  return out;
}

text::FontDb& fonts() {
  static std::unique_ptr<text::FontDb> db = [] {
    DiagnosticList diags;
    return text::FontDb::open(text::FontDb::default_config(), diags);
  }();
  return *db;
}

std::string publication(const std::string& layout, const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<publication xml:lang=\"zh-Hans\"><metadata>"
         "<title>测试之书</title><identifier scheme=\"uuid\">urn:uuid:12345678-1234-1234-1234-123456789abc"
         "</identifier><date>2021</date></metadata>" +
         layout + "<body>" + body + "</body></publication>";
}

namespace {

void set_ratios(std::vector<model::Node>& nodes, const std::string& from, const std::string& to) {
  for (model::Node& n : nodes) {
    if (n.kind == model::NodeKind::Placeholder && n.label() == from) n.set_label(to);
    set_ratios(n.children, from, to);
  }
}

}  // namespace

void set_placeholder_ratios(model::Document& doc, const std::string& from, const std::string& to) {
  set_ratios(doc.body, from, to);
}

void extreme_ratios(model::Document& doc) {
  set_placeholder_ratios(doc, "20:1", "999999999:1");
  set_placeholder_ratios(doc, "1:20", "1:999999999");
}

LaidOut lay_out(const std::string& xml, const std::function<void(model::Document&)>& edit) {
  model::LoadResult loaded = model::load_publication_from_string(xml, "test.xml", ".");
  EXPECT_TRUE(loaded) << (loaded.diagnostics.items().empty() ? "" : loaded.diagnostics.items()[0].message);
  LaidOut out;
  if (!loaded) return out;
  if (edit) edit(*loaded.document);
  layout_document(
      *loaded.document, fonts(), [&](PageFrame&& page) { out.pages.push_back(std::move(page)); }, out.diags);
  // Each page at its place in the book (a table of contents is made last).
  std::stable_sort(out.pages.begin(), out.pages.end(),
                   [](const PageFrame& a, const PageFrame& b) { return a.number < b.number; });
  return out;
}

}  // namespace huozi::layout
