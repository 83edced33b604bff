// Newspaper pages in the loader (docs/content-model.md, "Newspaper pages"):
// the shape of the model it builds for <page>, <banner>, <article>, <photos>
// and a figure on a page, and every check it makes of them, with its place.
#include <gtest/gtest.h>

#include "model_test_util.h"

namespace huozi::model::testing {
namespace {

// A periodical of six columns whose <body> holds `body`, starting on line kPagesLine.
constexpr std::string_view kNewspaperHead =
    "<publication xml:lang=\"zh-Hans\" type=\"periodical\">\n"
    "<metadata>\n"
    "<title>报名</title>\n"
    "<identifier scheme=\"uuid\">urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e</identifier>\n"
    "<date>2021-12-31</date>\n"
    "</metadata>\n"
    "<layout size=\"A3\" columns=\"6\"/>\n"
    "<body>\n";
constexpr int kPagesLine = 9;

std::string newspaper(std::string_view body) {
  return std::string(kNewspaperHead) + std::string(body) + "\n</body>\n</publication>\n";
}

LoadResult load_pages(std::string_view body) { return load(newspaper(body)); }

// The one page of a loaded newspaper.
const Node& only_page(const LoadResult& r) {
  const std::vector<const Node*> pages = newspaper_pages(*r.document);
  EXPECT_EQ(pages.size(), 1u);
  return *pages.front();
}

struct Case {
  const char* body;     // the content of the periodical's <body>
  const char* message;  // a part of the one error expected
};

#define STORY_TEXT "<title>题</title><p>文</p>"
#define STORY "<article>" STORY_TEXT "</article>"
#define TWO_PHOTOS \
  "<figure><placeholder>甲</placeholder></figure><figure><placeholder>乙</placeholder></figure>"

// clang-format off
const Case kPageErrors[] = {
    // What a page, banner, article and photo group may hold.
    {"<page><p>文</p>" STORY "</page>",                        "<p> is not allowed in <page>"},
    {"<page><section><p>文</p></section>" STORY "</page>",    "<section> is not allowed in <page>"},
    {"<page><title>题</title>" STORY "</page>",               "<title> is not allowed in <page>"},
    {"<page>散文" STORY "</page>",                             "text outside a block in <page>"},
    {"<page><banner><title>题</title><p>文</p></banner>" STORY "</page>", "<p> is not allowed in <banner>"},
    {"<page><banner>散文<title>题</title></banner>" STORY "</page>",      "text outside a block in <banner>"},
    {"<page><article><title>题</title><p>文</p><div>文</div></article></page>", "unknown element <div> in <article>"},
    {"<page><article><title>题</title><p>文</p><chapter><title>章</title></chapter></article></page>",
                                                              "<chapter> is not allowed in <article>"},
    {"<page><article><title>题</title><p>文</p><kicker>引</kicker></article></page>",
                                                              "unknown element <kicker> in <article>"},
    {"<page><article><title>题</title><p>文</p><title>又</title></article></page>",
                                                              "<title> must be the first child"},
    {"<page><article><title>题</title>散文<p>文</p></article></page>", "text outside a block in <article>"},
    {"<page><photos>" TWO_PHOTOS "<caption>注</caption></photos>" STORY "</page>", "<caption> is not allowed in <photos>"},
    {"<page><photos>" TWO_PHOTOS "<p>文</p></photos>" STORY "</page>",    "<p> is not allowed in <photos>"},
    {"<page><article><title>题</title><p>文</p><page>" STORY "</page></article></page>", "<page> is not allowed here"},
    // Where a page may be.
    {"<page>" STORY "</page><p>版外</p>",                      "a body of newspaper pages holds only <page> elements"},
    {"<p>版外</p><page>" STORY "</page>",                      "a body of newspaper pages holds only <page> elements"},
    {"<section><page>" STORY "</page></section>",            "<page> is not allowed here"},
    {"<page></page>",                                         "<page> has no stories or pictures"},
    {"<page><banner><title>题</title></banner></page>",       "<page> has no stories or pictures"},
    // The banner: first, once, with a title.
    {"<page>" STORY "<banner><title>题</title></banner></page>", "<banner> comes once, first on its page"},
    {"<page><banner><title>题</title></banner><banner><title>又</title></banner>" STORY "</page>",
                                                              "<banner> comes once, first on its page"},
    {"<page><banner><kicker>引</kicker></banner>" STORY "</page>", "<banner> has no <title>"},
    {"<page><banner><title>题</title><title>又</title></banner>" STORY "</page>", "<title> twice"},
    // A story's head: one kicker, one title, one subtitle.
    {"<page><article><p>文</p></article></page>",              "<article> has no <title>"},
    {"<page><article><kicker>引</kicker><subtitle>副</subtitle><p>文</p></article></page>", "<article> has no <title>"},
    {"<page><article><kicker>引</kicker><kicker>引</kicker><title>题</title><p>文</p></article></page>", "<kicker> twice"},
    {"<page><article><title>题</title><title>题</title><p>文</p></article></page>", "<title> twice"},
    {"<page><article><title>题</title><subtitle>副</subtitle><subtitle>副</subtitle><p>文</p></article></page>",
                                                              "<subtitle> twice"},
    {"<page><article><title>题</title></article></page>",      "<article> has no text"},
    // Spans.
    {"<page><article span=\"0\"><title>题</title><p>文</p></article></page>",   "span=\"0\" is not a whole number from 1 to 6"},
    {"<page><article span=\"7\"><title>题</title><p>文</p></article></page>",   "span=\"7\" is not a whole number from 1 to 6"},
    {"<page><article span=\"two\"><title>题</title><p>文</p></article></page>", "span=\"two\" is not a whole number from 1 to 6"},
    {"<page><article span=\"-1\"><title>题</title><p>文</p></article></page>",  "span=\"-1\" is not a whole number from 1 to 6"},
    {"<page><article span=\"\"><title>题</title><p>文</p></article></page>",    "span=\"\" is not a whole number from 1 to 6"},
    {"<page><photos span=\"9\">" TWO_PHOTOS "</photos>" STORY "</page>",        "span=\"9\" is not a whole number from 1 to 6"},
    {"<page><figure span=\"1.5\"><placeholder/></figure>" STORY "</page>",     "span=\"1.5\" is not a whole number from 1 to 6"},
    // Placement: all four or none, inside the columns.
    {"<page><article column=\"1\" row=\"1\" span=\"3\"><title>题</title><p>文</p></article></page>",
                                                              "a placed module needs all of column, row, span and rows"},
    {"<page><article row=\"5\"><title>题</title><p>文</p></article></page>",
                                                              "a placed module needs all of column, row, span and rows"},
    {"<page><photos column=\"1\" row=\"1\" rows=\"20\">" TWO_PHOTOS "</photos></page>",
                                                              "a placed module needs all of column, row, span and rows"},
    {"<page><article column=\"5\" row=\"1\" span=\"3\" rows=\"20\"><title>题</title><p>文</p></article></page>",
                                                              "the module reaches column 7 of a page of 6 columns"},
    {"<page><figure column=\"6\" row=\"1\" span=\"2\" rows=\"9\"><placeholder/></figure></page>",
                                                              "the module reaches column 7 of a page of 6 columns"},
    {"<page><article column=\"7\" row=\"1\" span=\"1\" rows=\"20\"><title>题</title><p>文</p></article></page>",
                                                              "column=\"7\" is not a whole number from 1 to 6"},
    {"<page><article column=\"1\" row=\"0\" span=\"1\" rows=\"20\"><title>题</title><p>文</p></article></page>",
                                                              "row=\"0\" is not a whole number from 1 to 1000"},
    {"<page><article column=\"1\" row=\"1\" span=\"1\" rows=\"1001\"><title>题</title><p>文</p></article></page>",
                                                              "rows=\"1001\" is not a whole number from 1 to 1000"},
    {"<page><article column=\"1\" row=\"1\" span=\"2\" rows=\"20\"><title>题</title><p>文</p></article>" STORY "</page>",
                                                              "this module has no place while others on its page have"},
    {"<page><article span=\"2\"><title>题</title><p>文</p></article>"
     "<figure column=\"3\" row=\"1\" span=\"2\" rows=\"9\"><placeholder/></figure></page>",
                                                              "this module has no place while others on its page have"},
    {"<page><article column=\"1\" row=\"1\" span=\"3\" rows=\"20\"><title>题</title><p>文</p></article>"
     "<article column=\"3\" row=\"20\" span=\"2\" rows=\"5\"><title>题</title><p>文</p></article></page>",
                                                              "this module overlaps the one at line"},
    // Importance, boxes.
    {"<page><article importance=\"top\"><title>题</title><p>文</p></article></page>",  "unknown importance \"top\""},
    {"<page><article importance=\"Lead\"><title>题</title><p>文</p></article></page>", "unknown importance \"Lead\""},
    {"<page><article importance=\"\"><title>题</title><p>文</p></article></page>",     "unknown importance \"\""},
    {"<page><article boxed=\"true\"><title>题</title><p>文</p></article></page>",      "boxed must be yes, fancy or no"},
    {"<page><article fit=\"squeeze\"><title>题</title><p>文</p></article></page>",    "fit must be jump or shrink"},
    // Photo groups: two pictures or more, the credit last.
    {"<page><photos><figure><placeholder>甲</placeholder></figure></photos>" STORY "</page>",
                                                              "<photos> needs two pictures or more"},
    {"<page><photos><figure><placeholder>甲</placeholder></figure><credit>摄</credit></photos>" STORY "</page>",
                                                              "<photos> needs two pictures or more"},
    {"<page><photos><credit>摄</credit></photos>" STORY "</page>", "<photos> needs two pictures or more"},
    {"<page><photos><figure><placeholder>甲</placeholder></figure><credit>摄</credit>"
     "<figure><placeholder>乙</placeholder></figure></photos>" STORY "</page>", "the group's <credit> comes last"},
    {"<page><photos>" TWO_PHOTOS "<credit>摄</credit><credit>摄</credit></photos>" STORY "</page>",
                                                              "the group's <credit> comes last"},
    // Page numbers (版次).
    {"<page number=\"3a\">" STORY "</page>",                   "number=\"3a\" is not a whole number from 1 to 999"},
    {"<page number=\"0\">" STORY "</page>",                    "number=\"0\" is not a whole number from 1 to 999"},
    {"<page number=\"1000\">" STORY "</page>",                 "number=\"1000\" is not a whole number from 1 to 999"},
    {"<page number=\"第3版\">" STORY "</page>",                 "number=\"第3版\" is not a whole number from 1 to 999"},
    {"<page number=\" 3\">" STORY "</page>",                   "number=\" 3\" is not a whole number from 1 to 999"},
    // Attributes each element takes.
    {"<page size=\"A3\">" STORY "</page>",                     "unknown attribute \"size\" on <page>"},
    {"<page><banner span=\"6\"><title>题</title></banner>" STORY "</page>", "unknown attribute \"span\" on <banner>"},
    {"<page><article lead=\"yes\"><title>题</title><p>文</p></article></page>", "unknown attribute \"lead\" on <article>"},
    {"<page><photos importance=\"lead\">" TWO_PHOTOS "</photos>" STORY "</page>", "unknown attribute \"importance\" on <photos>"},
    {"<page><photos boxed=\"yes\">" TWO_PHOTOS "</photos>" STORY "</page>", "unknown attribute \"boxed\" on <photos>"},
    {"<page><figure importance=\"lead\"><placeholder/></figure>" STORY "</page>", "unknown attribute \"importance\" on <figure>"},
    {"<page><photos><figure span=\"2\"><placeholder/></figure><figure><placeholder/></figure></photos>" STORY "</page>",
                                                              "unknown attribute \"span\" on <figure>"},
    {"<page><article><title>题</title><p>文</p><figure span=\"2\"><placeholder/></figure></article></page>",
                                                              "unknown attribute \"span\" on <figure>"},
    {"<page><article><kicker span=\"2\">引</kicker><title>题</title><p>文</p></article></page>",
                                                              "unknown attribute \"span\" on <kicker>"},
};
// clang-format on

void PrintTo(const Case& c, std::ostream* os) { *os << printable(c.body); }

class PageErrorTest : public ::testing::TestWithParam<Case> {};
TEST_P(PageErrorTest, IsReportedOnce) {
  LoadResult r = load_pages(GetParam().body);
  EXPECT_TRUE(has_error(r, GetParam().message)) << GetParam().body;
  EXPECT_EQ(error_count(r), 1u) << GetParam().body << "\n" << describe(r);
}
INSTANTIATE_TEST_SUITE_P(Newspaper, PageErrorTest, ::testing::ValuesIn(kPageErrors));

// Written correctly, the same constructs load without any diagnostic.
// clang-format off
const char* const kPagesFine[] = {
    "<page>" STORY "</page>",
    "<page number=\"05\" name=\"要闻\">" STORY "</page><page number=\"6\">" STORY "</page>",
    "<page><banner id=\"b\" xml:lang=\"zh-Hant\"><kicker>引</kicker><title>題</title><subtitle>副</subtitle></banner>"
    STORY "</page>",
    "<page><article id=\"a\" xml:lang=\"zh-Hant\" importance=\"lead\" boxed=\"yes\" span=\"6\"><kicker>引</kicker>"
    "<title>題</title><subtitle>副</subtitle><byline>记者</byline><p>文</p><section><title>小标题</title><p>文</p>"
    "</section><figure><placeholder/><caption>注</caption></figure><quote><p>引文</p></quote></article></page>",
    "<page><article importance=\"major\" boxed=\"no\"><title>题</title><p>文</p></article>"
    "<article importance=\"normal\"><title>题</title><p>文</p></article>"
    "<article importance=\"brief\"><title>题</title><p>文</p></article></page>",
    "<page><photos id=\"p\" span=\"4\">" TWO_PHOTOS "<figure><image src=\"a.png\" alt=\"丙\"/></figure>"
    "<credit>摄</credit></photos><figure span=\"2\"><placeholder/><caption>注</caption></figure>" STORY "</page>",
    // Placed modules that touch but do not overlap, and the same place on two pages.
    "<page><article column=\"1\" row=\"1\" span=\"3\" rows=\"20\"><title>题</title><p>文</p></article>"
    "<article column=\"4\" row=\"1\" span=\"3\" rows=\"20\"><title>题</title><p>文</p></article>"
    "<photos column=\"1\" row=\"21\" span=\"6\" rows=\"30\">" TWO_PHOTOS "</photos></page>"
    "<page><article column=\"1\" row=\"1\" span=\"3\" rows=\"20\"><title>题</title><p>文</p></article></page>",
    "<page><figure column=\"006\" row=\"1\" span=\"1\" rows=\"1000\"><placeholder/></figure></page>",
};
// clang-format on

class PagesFineTest : public ::testing::TestWithParam<const char*> {};
TEST_P(PagesFineTest, Loads) {
  TempDir dir;
  dir.write("a.png", png_bytes());
  EXPECT_TRUE(loads_cleanly(load(newspaper(GetParam()), dir.path()))) << GetParam();
}
INSTANTIATE_TEST_SUITE_P(Newspaper, PagesFineTest, ::testing::ValuesIn(kPagesFine));

// ---- where the errors are ------------------------------------------------------------

struct PositionCase {
  const char* body;     // starts on line kPagesLine
  const char* message;  // a part of the error's message
  int line;             // relative to kPagesLine
  int column;
};

// clang-format off
const PositionCase kPositions[] = {
    {"<page>\n  <article><title>题</title><p>文</p></article>\n  <banner><title>题</title></banner>\n</page>",
                                                              "<banner> comes once",             2, 3},
    {"<page>\n  <article>\n    <kicker>引</kicker><kicker>又</kicker><title>题</title><p>文</p></article></page>",
                                                              "<kicker> twice",                  2, 23},
    {"<page>\n  <article importance=\"top\"><title>题</title><p>文</p></article></page>",
                                                              "unknown importance",              1, 3},
    {"<page>" STORY "</page>\n汉字<p>版外</p>",                 "holds only <page> elements",      1, 3},
    {"<p>一</p>\n<page number=\"x\">" STORY "</page>",          "number=\"x\"",                    1, 1},
    {"<page>\n  <photos><credit>摄</credit>\n    <figure><placeholder/></figure></photos>" STORY "</page>",
                                                              "the group's <credit> comes last", 2, 5},
    {"<page>\n  <article column=\"1\" row=\"1\" span=\"2\" rows=\"9\"><title>题</title><p>文</p></article>\n"
     "  " STORY "</page>",                                    "has no place while others",       2, 3},
};
// clang-format on

void PrintTo(const PositionCase& c, std::ostream* os) { *os << printable(c.body); }

class PagePositionTest : public ::testing::TestWithParam<PositionCase> {};
TEST_P(PagePositionTest, IsExact) {
  const PositionCase& c = GetParam();
  LoadResult r = load_pages(c.body);
  const Diagnostic* d = find_diagnostic(r, c.message);
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->file, "test.xml");
  EXPECT_EQ(d->line, kPagesLine + c.line) << describe(r);
  EXPECT_EQ(d->column, c.column) << describe(r);
}
INSTANTIATE_TEST_SUITE_P(Newspaper, PagePositionTest, ::testing::ValuesIn(kPositions));

// An overlap is reported at the later module, and names where the earlier one is.
TEST(Newspaper, OverlapNamesTheOtherModulesPlace) {
  LoadResult r = load_pages(
      "<page>\n"
      "  <article column=\"1\" row=\"1\" span=\"3\" rows=\"20\">" STORY_TEXT
      "</article>\n"
      "  <figure column=\"4\" row=\"1\" span=\"3\" rows=\"20\"><placeholder/></figure>\n"
      "    <article column=\"2\" row=\"15\" span=\"4\" rows=\"10\">" STORY_TEXT
      "</article>\n"
      "</page>");
  const std::string overlaps = "this module overlaps the one at line ";
  ASSERT_TRUE(has_error(r, overlaps + std::to_string(kPagesLine + 1) + ", column 3"));
  ASSERT_TRUE(has_error(r, overlaps + std::to_string(kPagesLine + 2) + ", column 3"));
  EXPECT_EQ(error_count(r), 2u) << describe(r);
  for (const Diagnostic& d : r.diagnostics.items()) {
    EXPECT_EQ(d.line, kPagesLine + 3) << describe(r);
    EXPECT_EQ(d.column, 5) << describe(r);
  }
}

// A bad value in a place is reported once, not again as a missing or overlapping place.
TEST(Newspaper, ABadPlaceIsReportedOnce) {
  LoadResult r = load_pages(
      "<page><article column=\"1\" row=\"1\" span=\"3\" rows=\"20\"><title>题</title><p>文</p></article>"
      "<article column=\"1\" row=\"x\" span=\"3\" rows=\"20\"><title>题</title><p>文</p></article></page>");
  EXPECT_TRUE(has_error(r, "row=\"x\" is not a whole number"));
  EXPECT_EQ(error_count(r), 1u) << describe(r);
}

// A periodical without <layout columns> has three columns.
TEST(Newspaper, SpansAreCheckedAgainstThePagesColumns) {
  const std::string body = "<page><article span=\"4\"><title>题</title><p>文</p></article></page>";
  LoadResult three = load(
      "<publication xml:lang=\"zh-Hans\" type=\"periodical\"><metadata><title>报</title>"
      "<identifier>urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e</identifier><date>2021</date>"
      "</metadata><body>" +
      body + "</body></publication>");
  EXPECT_TRUE(has_error(three, "span=\"4\" is not a whole number from 1 to 3"));
  EXPECT_TRUE(loads_cleanly(load_pages(body)));
}

TEST(Newspaper, PagesAreForPeriodicalsOnly) {
  LoadResult r = load_body("<page>" STORY "</page>");
  EXPECT_TRUE(has_error(r, "<page> is not allowed here"));
  EXPECT_EQ(error_count(r), 1u) << describe(r);
  EXPECT_EQ(find_diagnostic(r, "<page>")->hint,
            "newspaper pages are the <body> of a <publication type=\"periodical\">");
}

// ---- the model's shape ---------------------------------------------------------------

// The head is Title first (as in every container), then Kicker and Subtitle,
// whatever the order of the source; then the story's blocks.
TEST(Newspaper, AnArticleIsTitleKickerSubtitleThenItsBlocks) {
  LoadResult r = load_pages(
      "<page><article id=\"s\"><kicker>引题</kicker><title>主题</title><subtitle>副题</subtitle>"
      "<byline>记者 某某</byline><p>正文。</p></article></page>");
  ASSERT_TRUE(loads_cleanly(r));
  const Node& page = only_page(r);
  ASSERT_EQ(page.children.size(), 1u);
  EXPECT_EQ(trace(page.children[0]),
            "(article #s (title \"主题\") (kicker \"引题\") (subtitle \"副题\") (byline \"记者 某某\") (p "
            "\"正文。\"))");
  EXPECT_EQ(title_of(page.children[0]), &page.children[0].children[0]);
  EXPECT_TRUE(is_container(NodeKind::Article));
}

TEST(Newspaper, ABannerIsTitleKickerSubtitle) {
  LoadResult r = load_pages(
      "<page><banner><kicker>引</kicker><title>通栏</title><subtitle>副</subtitle></banner>" STORY "</page>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(only_page(r).children[0]), "(banner (title \"通栏\") (kicker \"引\") (subtitle \"副\"))");
  LoadResult bare = load_pages("<page><banner><title>通栏</title></banner>" STORY "</page>");
  ASSERT_TRUE(loads_cleanly(bare));
  EXPECT_EQ(trace(only_page(bare).children[0]), "(banner (title \"通栏\"))");
}

TEST(Newspaper, APageHoldsItsBannerThenItsModulesInReadingOrder) {
  LoadResult r = load_pages(
      "<page number=\"5\" name=\"年终特刊\"><banner><title>标</title></banner>"
      "<photos><figure><placeholder>甲</placeholder></figure><figure><placeholder>乙</placeholder></figure>"
      "<credit>摄</credit></photos>"
      "<article><title>一</title><p>文</p></article><figure><placeholder>丙</placeholder></figure></page>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(only_page(r)),
            "(page [年终特刊] n=5 (banner (title \"标\")) (photos (figure (placeholder [4:3] \"甲\")) "
            "(figure (placeholder [4:3] \"乙\")) (credit \"摄\")) (article (title \"一\") (p \"文\")) "
            "(figure (placeholder [4:3] \"丙\")))");
}

TEST(Newspaper, ModuleSpecs) {
  LoadResult r = load_pages(
      "<page>"
      "<article column=\"2\" row=\"3\" span=\"4\" rows=\"20\" importance=\"major\" boxed=\"yes\">"
      "<title>题</title><p>文</p></article>"
      "<photos column=\"1\" row=\"23\" span=\"6\" rows=\"30\">" TWO_PHOTOS
      "</photos>"
      "<figure column=\"1\" row=\"1\" span=\"1\" rows=\"22\"><placeholder/></figure>"
      "</page>"
      "<page><article span=\"2\" importance=\"lead\"><title>题</title><p>文</p></article>"
      "<article importance=\"brief\"><title>题</title><p>文</p></article>"
      "<article><title>题</title><p>文</p></article></page>");
  ASSERT_TRUE(loads_cleanly(r));
  const std::vector<const Node*> pages = newspaper_pages(*r.document);
  ASSERT_EQ(pages.size(), 2u);
  auto spec = [&](size_t page, size_t module) { return pages[page]->children.at(module).module(); };
  const ModuleSpec story = spec(0, 0);
  EXPECT_EQ(story.column, 2);
  EXPECT_EQ(story.row, 3);
  EXPECT_EQ(story.span, 4);
  EXPECT_EQ(story.rows, 20);
  EXPECT_EQ(story.importance, Importance::Major);
  EXPECT_TRUE(story.boxed);
  EXPECT_TRUE(story.placed());
  const ModuleSpec photos = spec(0, 1), figure = spec(0, 2);
  EXPECT_EQ(std::vector<int>({photos.column, photos.row, photos.span, photos.rows}),
            std::vector<int>({1, 23, 6, 30}));
  EXPECT_EQ(std::vector<int>({figure.column, figure.row, figure.span, figure.rows}),
            std::vector<int>({1, 1, 1, 22}));
  EXPECT_EQ(photos.importance, Importance::Normal);
  EXPECT_FALSE(photos.boxed);
  // A span alone does not place the module; without attributes everything is huozi's to choose.
  const ModuleSpec lead = spec(1, 0), brief = spec(1, 1), plain = spec(1, 2);
  EXPECT_EQ(lead.span, 2);
  EXPECT_FALSE(lead.placed());
  EXPECT_EQ(lead.importance, Importance::Lead);
  EXPECT_EQ(brief.importance, Importance::Brief);
  EXPECT_EQ(std::vector<int>({plain.column, plain.row, plain.span, plain.rows}),
            std::vector<int>({0, 0, 0, 0}));
  EXPECT_EQ(plain.importance, Importance::Normal);
  EXPECT_FALSE(plain.boxed);
}

// The editor line reads 责任编辑, 美术编辑, 校对 whatever the attributes' order; a
// role not given is left out.
TEST(Newspaper, PageHeadStaffInTheirOrder) {
  LoadResult r = load_pages(
      "<page number=\"3\" name=\"要闻\" proofreader=\"丙\" designer=\"乙\" editor=\"甲\" "
      "paper=\"吕梁日报\">" STORY "</page><page number=\"4\" proofreader=\"丁\">" STORY "</page><page>" STORY
      "</page>");
  ASSERT_TRUE(loads_cleanly(r));
  const std::vector<const Node*> pages = newspaper_pages(*r.document);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0]->number, 3);
  EXPECT_EQ(pages[0]->label(), "要闻");
  const PageHead& head = pages[0]->page_head();
  EXPECT_EQ(head.paper, "吕梁日报");
  using Staff = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(head.staff, (Staff{{"责任编辑", "甲"}, {"美术编辑", "乙"}, {"校对", "丙"}}));
  EXPECT_EQ(pages[1]->page_head().staff, (Staff{{"校对", "丁"}}));
  EXPECT_EQ(pages[1]->page_head().paper, "");
  EXPECT_EQ(pages[2]->number, 0);  // numbered by the layout: one more than the page before
  EXPECT_TRUE(pages[2]->page_head().staff.empty());
}

TEST(Newspaper, APeriodicalMayStillBeOneFlow) {
  LoadResult r = load_pages("<chapter><title>章</title><p>文</p></chapter>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_TRUE(newspaper_pages(*r.document).empty());
  EXPECT_EQ(r.document->type, PublicationType::Periodical);
}

TEST(Newspaper, PagesMayBeIncluded) {
  TempDir dir;
  dir.write("p5.xml", "<fragment><page number=\"5\">" STORY "</page></fragment>");
  dir.write("p6.xml", "<fragment><page number=\"6\">" STORY "</page></fragment>");
  LoadResult r = load(newspaper("<include src=\"p5.xml\"/><include src=\"p6.xml\"/>"), dir.path());
  ASSERT_TRUE(loads_cleanly(r));
  const std::vector<const Node*> pages = newspaper_pages(*r.document);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0]->number, 5);
  EXPECT_EQ(pages[1]->number, 6);
  EXPECT_EQ(pages[1]->where.line, 1u);
  EXPECT_EQ(r.document->files[pages[1]->where.file], "p6.xml");
}

}  // namespace
}  // namespace huozi::model::testing
