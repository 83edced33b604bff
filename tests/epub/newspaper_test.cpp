// A newspaper edition as an EPUB: each page a file with its head, each story
// an <article> with its headline hierarchy and a navigation entry under its
// page, the photo group a gallery with its numbered captions and its credit,
// nothing of the printed page's editor line; a book's stylesheet unchanged.
#include <gtest/gtest.h>

#include "epub/book_plan.h"
#include "epub/stylesheet.h"
#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

// A publication of newspaper pages around `pages`.
std::string edition(std::string_view pages, std::string_view lang = "zh-Hans") {
  std::string xml = publication(pages, lang, "<publisher>吕梁日报社</publisher>\n");
  xml.replace(xml.find("<publication "), 13, "<publication type=\"periodical\" ");
  return xml;
}

class NewspaperEpub : public ::testing::Test {
 protected:
  void SetUp() override {
    // Two pages (see the file): a banner, stories with kickers, subtitles and
    // a byline, a photo group of three, a brief, a section, a lone figure.
    doc_ = load(read_bytes(data_dir() / "newspaper" / "publication.xml"));
    ASSERT_TRUE(doc_);
    epub_.emplace(*doc_);
    ASSERT_TRUE(epub_->ok());
  }
  Xml file(const std::string& name) const {
    Xml x = parse_xml(epub_->entry("EPUB/" + name));
    EXPECT_TRUE(x.problems.empty()) << name << ": " << x.problems;
    return x;
  }
  std::optional<model::Document> doc_;
  std::optional<Epub> epub_;
};

TEST_F(NewspaperEpub, EachPageIsAFileOfTheSpine) {
  BookPlan plan = plan_book(*doc_);
  ASSERT_EQ(plan.spine.size(), 2u);
  EXPECT_EQ(plan.spine[0].file, "page-001.xhtml");
  EXPECT_EQ(plan.spine[0].title, "第5版 · 年终特刊");
  EXPECT_EQ(plan.spine[1].file, "page-002.xhtml");
  EXPECT_EQ(plan.spine[1].title, "第6版 · 要闻");
  EXPECT_TRUE(plan.spine[0].is_chapter_like);
  EXPECT_EQ(text_of(file("page-001.xhtml").one("/html/head/title")), "第5版 · 年终特刊");
  EXPECT_STREQ(file("page-001.xhtml").one("/html/body").attribute("epub:type").value(), "bodymatter");
}

TEST_F(NewspaperEpub, APageHeadsWithItsNumberNameAndTheDatelineWithoutTheEditorLine) {
  Xml page = file("page-001.xhtml");
  EXPECT_EQ(text_of(page.one("//section[@class='news-page']/header[@class='page-head']/h1")),
            "第5版 · 年终特刊");
  EXPECT_EQ(text_of(page.one("//header[@class='page-head']/p[@class='dateline']")),
            "吕梁日报　2021年12月31日　星期五");
  EXPECT_STREQ(page.one("//p[@class='dateline']/time").attribute("datetime").value(), "2021-12-31");
  const std::string raw = epub_->entry("EPUB/page-001.xhtml");
  for (const char* print_only : {"张三", "李四", "责任编辑", "校对", "转第", "<hr"})
    EXPECT_EQ(raw.find(print_only), std::string::npos) << print_only;
  // No paper on the page: the publisher stands in.
  EXPECT_EQ(text_of(file("page-002.xhtml").one("//p[@class='dateline']")),
            "吕梁日报社　2021年12月31日　星期五");
}

TEST_F(NewspaperEpub, TheBannerIsThePagesMainHeadingWithKickerAndSubtitle) {
  Xml page = file("page-001.xhtml");
  EXPECT_EQ(outer_xml(page.one("//header[@class='banner']")),
            "<header class=\"banner\"><p class=\"kicker\">回眸2021</p><h2>吕梁市2021年十大新闻</h2>"
            "<p class=\"subtitle\">本报编辑部评选</p></header>");
  // The stories sit under the banner (h3); on a page without one, under the page (h2).
  EXPECT_EQ(text_of(page.one("//article[@id='lead']/header/h3")), "我市受到表彰");
  EXPECT_EQ(text_of(file("page-002.xhtml").one("//article[@id='second']/header/h2")), "第二版头条");
}

TEST_F(NewspaperEpub, AStoryIsAnArticleWithItsHeadlineHierarchyAndByline) {
  Xml page = file("page-001.xhtml");
  pugi::xml_node lead = page.one("//article[@id='lead']");
  ASSERT_TRUE(lead);
  EXPECT_STREQ(lead.attribute("class").value(), "story lead");
  EXPECT_EQ(outer_xml(lead.child("header")),
            "<header class=\"story-head\"><p class=\"kicker\">脱贫攻坚</p><h3>我市受到表彰</h3>"
            "<p class=\"subtitle\">获奖人数全省最多</p></header>");
  EXPECT_EQ(text_of(page.one("//article[@id='lead']/p[@class='byline']")), "本报记者 王五");
  EXPECT_EQ(texts(page, "//article[@id='lead']/p[not(@class)]"),
            std::vector<std::string>{"二月二十五日，大会召开。"});
  // A story without an id gets an anchor; its importance is its class.
  pugi::xml_node brief = page.one("//article[@class='story brief']");
  ASSERT_TRUE(brief);
  EXPECT_STRNE(brief.attribute("id").value(), "");
  // A section in a story is a section under the story's heading.
  EXPECT_EQ(text_of(file("page-002.xhtml").one("//article[@id='second']/section/h3")), "小标题");
}

TEST_F(NewspaperEpub, EachStoryAndTheGalleryHaveANavEntryUnderTheirPage) {
  BookPlan plan = plan_book(*doc_);
  const std::string toc = trace_toc(plan);
  const std::string brief_anchor = plan.anchor_of.at(&doc_->body[0].children[3]);
  const std::string page2_anchor = plan.anchor_of.at(&doc_->body[1]);
  EXPECT_EQ(toc, "第5版 · 年终特刊 -> page-001.xhtml#" + plan.anchor_of.at(&doc_->body[0]) +
                     "\n"
                     "  我市受到表彰 -> page-001.xhtml#lead\n"
                     "  组图（3幅） -> page-001.xhtml#photos\n"
                     "  简讯一则 -> page-001.xhtml#" +
                     brief_anchor +
                     "\n"
                     "第6版 · 要闻 -> page-002.xhtml#" +
                     page2_anchor +
                     "\n"
                     "  第二版头条 -> page-002.xhtml#second\n"
                     "    小标题 -> page-002.xhtml#" +
                     plan.anchor_of.at(&doc_->body[1].children[0].children[2]) + "\n");
  // The same entries in nav.xhtml and toc.ncx, and every link lands.
  Xml nav = file("nav.xhtml");
  EXPECT_EQ(texts(nav, "//nav[@id='toc']/ol/li/ol/li/a"),
            (std::vector<std::string>{"我市受到表彰", "组图（3幅）", "简讯一则", "第二版头条"}));
  Xml ncx = file("toc.ncx");
  EXPECT_EQ(texts(ncx, "/ncx/navMap/navPoint/navPoint/navLabel/text"),
            (std::vector<std::string>{"我市受到表彰", "组图（3幅）", "简讯一则", "第二版头条"}));
  EXPECT_EQ(texts(ncx, "/ncx/navMap/navPoint/navLabel/text"),
            (std::vector<std::string>{"第5版 · 年终特刊", "第6版 · 要闻"}));
  size_t links = 0;
  EXPECT_TRUE(every_link_lands(*epub_, &links));
  EXPECT_GE(links, 8u);
}

TEST_F(NewspaperEpub, ThePhotoGroupIsAGalleryWithEveryCaptionInOrderAndTheCredit) {
  Xml page = file("page-001.xhtml");
  pugi::xml_node gallery = page.one("//section[@id='photos']");
  ASSERT_TRUE(gallery);
  EXPECT_STREQ(gallery.attribute("class").value(), "gallery");
  EXPECT_EQ(text_of(gallery.child("h3")), "组图（3幅）");
  EXPECT_EQ(texts(page, "//section[@id='photos']/figure[@class='photos']/figure/figcaption"),
            (std::vector<std::string>{"图①为表彰大会。", "图②为歌咏专场。", "图③为试运行动车。"}));
  EXPECT_EQ(attribute_values(page, "//figure[@class='photos']/figure", "id"),
            (std::vector<std::string>{"p1", "p2", "p3"}));
  // Each picture a placeholder described for those who cannot see it.
  EXPECT_EQ(attribute_values(page, "//figure[@class='photos']/figure/div[@class='fpo']", "aria-label"),
            (std::vector<std::string>{"FPO 图片占位：领奖台上。", "FPO 图片占位：合唱队伍。",
                                      "FPO 图片占位：动车驶出。"}));
  // The credit is the group's caption: the last child of the gallery's figure.
  pugi::xml_node credit = page.one("//figure[@class='photos']/figcaption[@class='credit']");
  EXPECT_EQ(text_of(credit), "本版图片由摄影部提供");
  EXPECT_FALSE(credit.next_sibling());
  // A lone figure on a page is a figure as in a book.
  EXPECT_EQ(text_of(file("page-002.xhtml").one("//section[@class='news-page']/figure/figcaption")),
            "独立图片。");
}

TEST_F(NewspaperEpub, TheStylesheetHasTheNewspaperRulesAndABooksHasNone) {
  const std::string css = epub_->entry("EPUB/style.css");
  EXPECT_EQ(css, stylesheet_css(true));
  EXPECT_EQ(css.rfind(stylesheet_css(), 0), 0u);  // the book's rules first, unchanged
  for (const char* rule : {"p.kicker", "p.subtitle", "article.story p.byline", "header.page-head",
                           "grid-template-columns: repeat(auto-fill, minmax(10em, 1fr))"})
    EXPECT_NE(css.find(rule), std::string::npos) << rule;
  for (const char* rule : {"p.kicker", "figure.photos"})
    EXPECT_EQ(stylesheet_css().find(rule), std::string::npos);
  auto book = load(publication("<chapter><title>章</title><p>文</p></chapter>"));
  ASSERT_TRUE(book);
  Epub book_epub(*book);
  EXPECT_EQ(book_epub.entry("EPUB/style.css"), stylesheet_css());
}

TEST(NewspaperEpubLabels, PageAndGalleryNames) {
  auto doc =
      load(edition("<page><banner><title>无版次的版面</title></banner><article><title>甲</title><p>文</p></"
                   "article></page>\n"
                   "<page number=\"2\"><article><title>乙</title><p>文</p></article>"
                   "<photos><figure><placeholder ratio=\"1:1\">一</placeholder></figure>"
                   "<figure><placeholder ratio=\"1:1\">二</placeholder></figure></photos></page>",
                   "zh-Hant"));
  ASSERT_TRUE(doc);
  const model::Metadata& m = doc->metadata;
  EXPECT_EQ(page_label(doc->body[0], m), "无版次的版面");  // no number nor name: the banner's title
  EXPECT_EQ(page_label(doc->body[1], m), "第2版");
  EXPECT_EQ(gallery_label(doc->body[1].children[1], m), "組圖（2幅）");
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_TRUE(every_link_lands(epub));
}

}  // namespace
}  // namespace huozi::epub::testing
