// plan_book: splitting the body into spine documents, the table of contents,
// anchors, the id -> file map that link rewriting uses, media and flags.
#include "epub/book_plan.h"

#include <gtest/gtest.h>

#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

using model::NodeKind;

// "file [title] (n nodes) chapter-like" for each spine document, one per line.
std::string trace_spine(const BookPlan& plan) {
  std::string out;
  for (const SpineDocument& d : plan.spine)
    out += d.file + " [" + d.title + "] " + std::to_string(d.nodes.size()) +
           (d.is_chapter_like ? " chapter-like" : "") + "\n";
  return out;
}

TEST(EpubPlan, TopLevelChaptersAndSectionsEachGetAFile) {
  auto doc =
      load(publication("<chapter><title>甲</title><p>一</p></chapter>\n"
                       "<chapter><title>乙</title><p>二</p></chapter>\n"
                       "<section><title>丙</title><p>三</p></section>"));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(trace_spine(plan),
            "chapter-001.xhtml [甲] 1 chapter-like\n"
            "chapter-002.xhtml [乙] 1 chapter-like\n"
            "chapter-003.xhtml [丙] 1 chapter-like\n");
  ASSERT_EQ(plan.spine.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(plan.spine[i].nodes[0], &doc->body[i]) << i;
}

TEST(EpubPlan, APartGetsAFileAndItsChaptersTheirOwn) {
  auto doc =
      load(publication("<part numbering=\"chinese\"><title>上编</title>\n"
                       "<chapter numbering=\"chinese\"><title>山居</title><p>一</p></chapter>\n"
                       "<chapter numbering=\"chinese\"><title>水居</title><p>二</p></chapter>\n"
                       "</part>\n"
                       "<chapter><title>后记</title><p>三</p></chapter>"));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(trace_spine(plan),
            "part-001.xhtml [第一部　上编] 1 chapter-like\n"
            "chapter-002.xhtml [第一章　山居] 1 chapter-like\n"
            "chapter-003.xhtml [第二章　水居] 1 chapter-like\n"
            "chapter-004.xhtml [后记] 1 chapter-like\n");
  ASSERT_EQ(plan.spine.size(), 4u);
  const model::Node& part = doc->body[0];
  EXPECT_EQ(plan.spine[0].nodes[0], &part);
  EXPECT_EQ(plan.spine[1].nodes[0], &part.children[1]);  // children[0] is the title
  EXPECT_EQ(plan.spine[2].nodes[0], &part.children[2]);
  EXPECT_EQ(plan.spine[3].nodes[0], &doc->body[1]);
}

TEST(EpubPlan, RunsOfLooseBlocksShareAFile) {
  auto doc =
      load(publication("<p>一</p><p>二</p>\n"
                       "<chapter><title>章</title><p>三</p></chapter>\n"
                       "<p>四</p><ul><li>五</li></ul><byline>六</byline>"));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(trace_spine(plan),
            "text-001.xhtml [书名] 2\n"
            "chapter-002.xhtml [章] 1 chapter-like\n"
            "text-003.xhtml [书名] 3\n");
  ASSERT_EQ(plan.spine.size(), 3u);
  EXPECT_EQ(plan.spine[2].nodes[1]->kind, NodeKind::UnorderedList);
}

TEST(EpubPlan, AnUntitledTopLevelSectionIsTitledByThePublication) {
  auto doc = load(publication("<section><p>无题</p></section>"));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(trace_spine(plan), "chapter-001.xhtml [书名] 1 chapter-like\n");
  EXPECT_TRUE(plan.toc.empty());
}

TEST(EpubPlan, TocNestsChaptersUnderTheirPartAndSectionsUnderTheirChapter) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  ASSERT_FALSE(plan.toc.empty());
  std::string part;
  trace_toc({plan.toc.front()}, 0, part);
  EXPECT_EQ(part,
            "第一部　上编 -> part-002.xhtml#part1\n"
            "  第一章　山居 -> chapter-003.xhtml#ch1\n"
            "    一、春 -> chapter-003.xhtml#sec1\n"
            "    二、夏 -> chapter-003.xhtml#sec2\n"
            "  第二章　水居 -> chapter-004.xhtml#ch2\n");
  std::string last;
  trace_toc({plan.toc.back()}, 0, last);
  EXPECT_EQ(last.substr(0, last.find('\n') + 1), "后记 -> chapter-005.xhtml#ch3\n");
}

// A part's chapters are listed once, under the part, with the anchors their
// own files carry.
TEST(EpubPlan, TocListsEachChapterOfAPartOnce) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(trace_toc(plan),
            "第一部　上编 -> part-002.xhtml#part1\n"
            "  第一章　山居 -> chapter-003.xhtml#ch1\n"
            "    一、春 -> chapter-003.xhtml#sec1\n"
            "    二、夏 -> chapter-003.xhtml#sec2\n"
            "  第二章　水居 -> chapter-004.xhtml#ch2\n"
            "后记 -> chapter-005.xhtml#ch3\n"
            "  小节甲 -> chapter-005.xhtml#toc-2\n");  // toc-1 is the untitled section's

  auto untitled = load(publication("<part><title>上编</title>\n"
                                   "<chapter><title>甲</title><p>一</p></chapter>\n"
                                   "<chapter><title>乙</title><p>二</p></chapter></part>"));
  ASSERT_TRUE(untitled);
  BookPlan p = plan_book(*untitled);
  EXPECT_EQ(trace_toc(p),
            "上编 -> part-001.xhtml#toc-1\n"
            "  甲 -> chapter-002.xhtml#toc-2\n"
            "  乙 -> chapter-003.xhtml#toc-3\n");
  const model::Node& part = untitled->body[0];
  EXPECT_EQ(p.anchor_of.at(&part.children[1]), "toc-2");
  EXPECT_EQ(p.anchor_of.at(&part.children[2]), "toc-3");
}

TEST(EpubPlan, UntitledSectionsAddNoLevel) {
  auto doc =
      load(publication("<chapter><title>章</title>\n"
                       "<section><p>无题</p>\n"
                       "  <section><title>甲</title><p>一</p></section>\n"
                       "  <section><p>无题</p><section><title>乙</title><p>二</p></section></section>\n"
                       "</section>\n"
                       "<section><title>丙</title><p>三</p></section>\n"
                       "</chapter>\n"
                       "<section><section><title>丁</title><p>四</p></section></section>"));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(trace_toc(plan),
            "章 -> chapter-001.xhtml#toc-1\n"
            "  甲 -> chapter-001.xhtml#toc-3\n"
            "  乙 -> chapter-001.xhtml#toc-5\n"
            "  丙 -> chapter-001.xhtml#toc-6\n"
            "丁 -> chapter-002.xhtml#toc-8\n");
}

TEST(EpubPlan, NumberedLabels) {
  auto doc =
      load(publication("<chapter numbering=\"arabic\"><title>绪论</title>\n"
                       "<section numbering=\"arabic\"><title>缘起</title>\n"
                       "<section numbering=\"arabic\"><title>细节</title><p>一</p></section></section>\n"
                       "<section numbering=\"chinese\"><title>方法</title><p>二</p></section>\n"
                       "</chapter>\n"
                       "<chapter numbering=\"chinese\"><title>正论</title><p>三</p></chapter>\n"
                       "<chapter><title>附录</title><p>四</p></chapter>"));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(trace_toc(plan),
            "1　绪论 -> chapter-001.xhtml#toc-1\n"
            "  1.1　缘起 -> chapter-001.xhtml#toc-2\n"
            "    1.1.1　细节 -> chapter-001.xhtml#toc-3\n"
            "  二、方法 -> chapter-001.xhtml#toc-4\n"
            "第二章　正论 -> chapter-002.xhtml#toc-5\n"
            "附录 -> chapter-003.xhtml#toc-6\n");
  EXPECT_EQ(plan.spine[1].title, "第二章　正论");
}

TEST(EpubPlan, MadeUpAnchorsAvoidTheAuthorsIds) {
  auto doc =
      load(publication("<chapter><title>甲</title><p id=\"toc-1\">一</p>\n"
                       "<section id=\"toc-3\"><title>节</title><p>二</p></section>\n"
                       "<section><title>节二</title><p>三</p></section></chapter>"));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(trace_toc(plan),
            "甲 -> chapter-001.xhtml#toc-2\n"
            "  节 -> chapter-001.xhtml#toc-3\n"
            "  节二 -> chapter-001.xhtml#toc-4\n");
  const model::Node& chapter = doc->body[0];
  EXPECT_EQ(plan.anchor_of.at(&chapter), "toc-2");
  EXPECT_EQ(plan.anchor_of.at(&chapter.children[2]), "toc-3");
}

TEST(EpubPlan, IdsMapToTheirFilesAndLinksResolveAcrossFiles) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  EXPECT_EQ(plan.file_of_id.at("part1"), "part-002.xhtml");
  EXPECT_EQ(plan.file_of_id.at("ch1"), "chapter-003.xhtml");
  EXPECT_EQ(plan.file_of_id.at("sec2"), "chapter-003.xhtml");
  EXPECT_EQ(plan.file_of_id.at("fig1"), "chapter-003.xhtml");
  EXPECT_EQ(plan.file_of_id.at("ch2"), "chapter-004.xhtml");
  EXPECT_EQ(plan.file_of_id.at("ch3"), "chapter-005.xhtml");

  EXPECT_EQ(plan.resolve_link("#sec2", "chapter-005.xhtml"), "chapter-003.xhtml#sec2");
  EXPECT_EQ(plan.resolve_link("#sec2", "chapter-003.xhtml"), "#sec2");
  EXPECT_EQ(plan.resolve_link("#ch1", "text-001.xhtml"), "chapter-003.xhtml#ch1");
  EXPECT_EQ(plan.resolve_link("https://example.com/a#b", "chapter-003.xhtml"), "https://example.com/a#b");
  EXPECT_EQ(plan.resolve_link("mailto:x@example.com", "chapter-003.xhtml"), "mailto:x@example.com");
}

TEST(EpubPlan, FlagsSayWhatTheBookHolds) {
  auto plain =
      load(publication("<chapter><title>甲</title><p>一</p>"
                       "<figure><placeholder ratio=\"4:3\">待补</placeholder></figure></chapter>"));
  ASSERT_TRUE(plain);
  BookPlan p = plan_book(*plain);
  EXPECT_FALSE(p.has_images);
  EXPECT_FALSE(p.has_ruby);
  EXPECT_FALSE(p.has_footnotes);
  EXPECT_FALSE(p.has_tables);
  EXPECT_TRUE(p.media.empty());

  auto rich =
      load(publication("<p><ruby>汉<rt>hàn</rt></ruby><note>注</note></p>"
                       "<table><tr><td>格</td></tr></table>"
                       "<figure><image src=\"photo.png\" alt=\"图\"/></figure>"));
  ASSERT_TRUE(rich);
  BookPlan r = plan_book(*rich);
  EXPECT_TRUE(r.has_images);
  EXPECT_TRUE(r.has_ruby);
  EXPECT_TRUE(r.has_footnotes);
  EXPECT_TRUE(r.has_tables);
}

TEST(EpubPlan, MediaAreNumberedInReadingOrderThenTheCover) {
  TempDir dir;
  fs::copy_file(data_dir() / "photo.png", dir / "b.PNG");
  fs::copy_file(data_dir() / "photo.jpg", dir / "a.JPEG");
  fs::copy_file(data_dir() / "photo.jpg", dir / "c.jpg");
  auto doc = load(publication("<figure><image src=\"b.PNG\" alt=\"一\"/></figure>"
                              "<chapter><title>章</title><figure><image src=\"a.JPEG\" alt=\"二\"/></figure>"
                              "<figure><image src=\"b.PNG\" alt=\"三\"/></figure></chapter>",
                              "zh-Hans", "<cover src=\"c.jpg\"/>\n"),
                  dir.path());
  ASSERT_TRUE(doc);
  BookPlan plan = plan_book(*doc);
  std::string media;
  for (const Media& m : plan.media) media += m.source + " " + m.href + " " + m.media_type + "\n";
  EXPECT_EQ(media,
            "b.PNG images/001.png image/png\n"
            "a.JPEG images/002.jpeg image/jpeg\n"
            "c.jpg images/003.jpg image/jpeg\n");
  EXPECT_EQ(plan.media_href.at("b.PNG"), "images/001.png");
  EXPECT_EQ(plan.media_href.at("c.jpg"), "images/003.jpg");
}

}  // namespace
}  // namespace huozi::epub::testing
