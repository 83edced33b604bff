// The paragraph cache of `huozi watch` (issue 16): a paragraph set before
// gives the same lines without being set again; anything set() reads that
// changes (text, style, measure, house style) sets it anew; nothing is kept
// without a scope; a whole book laid out twice is the same book.
#include <gtest/gtest.h>

#include "laid_out.h"
#include "layout/paragraph.h"
#include "layout/paragraph_cache.h"

namespace huozi::layout {
namespace {

bool same_lines(const std::vector<Line>& a, const std::vector<Line>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].text_begin != b[i].text_begin || a[i].text_end != b[i].text_end || a[i].width != b[i].width ||
        a[i].runs.size() != b[i].runs.size())
      return false;
    for (size_t r = 0; r < a[i].runs.size(); ++r) {
      const auto &x = a[i].runs[r].glyphs, &y = b[i].runs[r].glyphs;
      if (x.size() != y.size()) return false;
      for (size_t g = 0; g < x.size(); ++g)
        if (x[g].id != y[g].id || x[g].x != y[g].x) return false;
    }
  }
  return true;
}

const char* const kText = "活字印刷術，北宋畢昇所創，以膠泥刻字，每字為一印，火燒令堅。2021 年重印。";

TEST(ParagraphCache, ASecondSettingIsTakenFromTheCache) {
  ParagraphSetter setter(fonts());
  ParagraphSource source = plain_source(kText, text::Role::Body, 10.5, "zh-Hant");
  SetOptions options;
  options.width_pt = 10.5 * 12;
  std::vector<Line> fresh, first, again;
  setter.set(source, options, fresh);  // no scope: nothing kept

  ParagraphCache cache;
  ParagraphCache::Scope scope(cache);
  setter.set(source, options, first);
  EXPECT_EQ(cache.misses(), 1u);
  setter.set(source, options, again);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_TRUE(same_lines(fresh, first));
  EXPECT_TRUE(same_lines(first, again));
  EXPECT_GE(first.size(), 3u);
}

TEST(ParagraphCache, WhatSetReadsIsInTheKey) {
  ParagraphSetter setter(fonts());
  ParagraphCache cache;
  ParagraphCache::Scope scope(cache);
  ParagraphSource source = plain_source(kText, text::Role::Body, 10.5, "zh-Hant");
  SetOptions options;
  options.width_pt = 10.5 * 12;
  std::vector<Line> lines;
  setter.set(source, options, lines);

  std::vector<std::function<void(ParagraphSource&, SetOptions&)>> changes = {
      [](ParagraphSource& s, SetOptions&) { s.input.text += "。"; s.input.spans.back().end += 3; },
      [](ParagraphSource& s, SetOptions&) { s.input.spans[0].style.size_pt = 12; },
      [](ParagraphSource& s, SetOptions&) { s.input.spans[0].style.role = text::Role::Heading; },
      [](ParagraphSource& s, SetOptions&) { s.input.spans[0].style.lang = "zh-Hans"; },
      [](ParagraphSource& s, SetOptions&) { s.indent = !s.indent; },
      [](ParagraphSource& s, SetOptions&) { s.justify = !s.justify; },
      [](ParagraphSource&, SetOptions& o) { o.width_pt += 1; },
      [](ParagraphSource&, SetOptions& o) { o.strategy = BreakStrategy::Greedy; },
      [](ParagraphSource&, SetOptions& o) { o.typography.han_digit_space = false; },
      [](ParagraphSource&, SetOptions& o) { o.typography.hanging_punctuation = true; },
      [](ParagraphSource&, SetOptions& o) { o.between_words = true; },
  };
  for (size_t i = 0; i < changes.size(); ++i) {
    ParagraphSource changed = source;
    SetOptions changed_options = options;
    changes[i](changed, changed_options);
    const size_t misses = cache.misses();
    setter.set(changed, changed_options, lines);
    EXPECT_EQ(cache.misses(), misses + 1) << "change " << i << " was taken from the cache";
  }
}

TEST(ParagraphCache, ABuildDropsWhatTheLastDidNotUse) {
  ParagraphSetter setter(fonts());
  ParagraphCache cache;
  ParagraphCache::Scope scope(cache);
  SetOptions options;
  std::vector<Line> lines;
  setter.set(plain_source("甲", text::Role::Body, 10.5, "zh-Hans"), options, lines);
  setter.set(plain_source("乙", text::Role::Body, 10.5, "zh-Hans"), options, lines);
  cache.end_build();
  EXPECT_EQ(cache.size(), 2u);
  setter.set(plain_source("甲", text::Role::Body, 10.5, "zh-Hans"), options, lines);
  cache.end_build();
  EXPECT_EQ(cache.size(), 1u);  // 乙 was not set in the last build
}

// A whole book twice: the second time nothing is set anew, and the pages are the same.
TEST(ParagraphCache, ABookLaidOutTwiceIsTheSameBook) {
  std::string body;
  for (int c = 1; c <= 3; ++c) {
    body += "<chapter><title>第" + std::to_string(c) + "章</title>";
    for (int p = 0; p < 12; ++p) body += std::string("<p>") + kText + "第" + std::to_string(p) + "段。</p>";
    body += "</chapter>";
  }
  const std::string xml = publication("", body);
  ParagraphCache cache;
  LaidOut plain = lay_out(xml);
  ParagraphCache::Scope scope(cache);
  LaidOut first = lay_out(xml);
  cache.end_build();
  const size_t set_first = cache.misses();
  LaidOut second = lay_out(xml);
  EXPECT_GT(set_first, 15u);  // 12 paragraphs (the same in every chapter), 3 titles, running heads, folios
  EXPECT_EQ(cache.misses(), set_first) << "a paragraph was set again";
  ASSERT_EQ(plain.pages.size(), second.pages.size());
  for (size_t p = 0; p < plain.pages.size(); ++p) {
    EXPECT_EQ(plain.texts(p), first.texts(p)) << "page " << p;
    EXPECT_EQ(plain.texts(p), second.texts(p)) << "page " << p;
    auto a = plain.lines(p), b = second.lines(p);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) EXPECT_TRUE(a[i].x == b[i].x && a[i].y == b[i].y && a[i].right == b[i].right);
  }
}

}  // namespace
}  // namespace huozi::layout
