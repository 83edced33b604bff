// The spine documents' XHTML: the page frame, every block and inline element,
// figures and FPO placeholders, links rewritten across files, footnotes and
// escaping. Each file is read back from the EPUB and parsed.
#include <gtest/gtest.h>

#include <cstdio>

#include "epub/book_plan.h"
#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

// The body files of a one-chapter book whose chapter holds `content`.
class OneChapter {
 public:
  explicit OneChapter(std::string_view content, std::string_view lang = "zh-Hans") {
    doc_ = load(
        publication("<chapter id=\"c\"><title>章</title>\n" + std::string(content) + "\n</chapter>", lang));
    if (!doc_) return;
    epub_.emplace(*doc_);
    raw_ = epub_->entry("EPUB/chapter-001.xhtml");
    xml_ = parse_xml(raw_);
    EXPECT_TRUE(xml_.problems.empty()) << xml_.problems << raw_;
  }
  bool ok() const { return doc_ && epub_ && epub_->ok() && xml_.problems.empty(); }
  const Xml& xml() const { return xml_; }
  const std::string& raw() const { return raw_; }
  // The printed XML of the first node the XPath selects, or "(none)".
  std::string print(const char* xpath) const {
    pugi::xml_node n = xml_.one(xpath);
    return n ? outer_xml(n) : "(none)";
  }

 private:
  std::optional<model::Document> doc_;
  std::optional<Epub> epub_;
  std::string raw_;
  Xml xml_;
};

Xml body_file(const Epub& epub, const std::string& file) {
  Xml x = parse_xml(epub.entry("EPUB/" + file));
  EXPECT_TRUE(x.problems.empty()) << file << ": " << x.problems;
  return x;
}

TEST(EpubXhtml, PageFrame) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  for (const char* file : {"text-001.xhtml", "part-002.xhtml", "chapter-003.xhtml", "chapter-004.xhtml",
                           "chapter-005.xhtml", "text-006.xhtml"}) {
    SCOPED_TRACE(file);
    Xml x = body_file(epub, file);
    pugi::xml_node html = x.root();
    EXPECT_STREQ(html.name(), "html");
    EXPECT_STREQ(html.attribute("xmlns").value(), "http://www.w3.org/1999/xhtml");
    EXPECT_STREQ(html.attribute("xmlns:epub").value(), "http://www.idpf.org/2007/ops");
    EXPECT_STREQ(html.attribute("xml:lang").value(), "zh-Hans");
    EXPECT_STREQ(html.attribute("lang").value(), "zh-Hans");
    EXPECT_STREQ(x.one("/html/head/meta").attribute("charset").value(), "UTF-8");
    EXPECT_STREQ(x.one("/html/head/link[@rel='stylesheet']").attribute("href").value(), "style.css");
    bool chapter_like = std::string(file).rfind("text-", 0) != 0;
    EXPECT_EQ(std::string(x.one("/html/body").attribute("epub:type").value()),
              chapter_like ? "bodymatter" : "");
  }
  EXPECT_EQ(text_of(body_file(epub, "text-001.xhtml").one("/html/head/title")), "书名");
  EXPECT_EQ(text_of(body_file(epub, "part-002.xhtml").one("/html/head/title")), "第一部　上编");
  EXPECT_EQ(text_of(body_file(epub, "chapter-003.xhtml").one("/html/head/title")), "第一章　山居");
}

TEST(EpubXhtml, ContainersBecomeSectionsWithHeadings) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  // The part's file holds its heading only; its chapters have files of their own.
  Xml part = body_file(epub, "part-002.xhtml");
  EXPECT_EQ(outer_xml(part.one("/html/body/section")),
            "<section id=\"part1\" epub:type=\"part\" role=\"doc-part\" class=\"part\"><h1><span "
            "class=\"number\">第一部　</span>上编</h1></section>");
  Xml ch1 = body_file(epub, "chapter-003.xhtml");
  pugi::xml_node chapter = ch1.one("/html/body/section");
  EXPECT_STREQ(chapter.attribute("id").value(), "ch1");
  EXPECT_STREQ(chapter.attribute("epub:type").value(), "chapter");
  EXPECT_STREQ(chapter.attribute("role").value(), "doc-chapter");  // Ace: the ARIA role epub:type implies
  EXPECT_STREQ(chapter.attribute("class").value(), "chapter");     // for the stylesheet
  EXPECT_EQ(outer_xml(chapter.child("h1")), "<h1><span class=\"number\">第一章　</span>山居</h1>");
  EXPECT_EQ(outer_xml(ch1.one("//section[@id='sec1']/h2")), "<h2><span class=\"number\">一、</span>春</h2>");
  EXPECT_FALSE(ch1.one("//section[@id='sec1']").attribute("epub:type"));
  EXPECT_EQ(ch1.all("//section[@id='ch2']").size(), 0u);
  // A heading without a number has no number span; an untitled section has no heading.
  Xml ch3 = body_file(epub, "chapter-005.xhtml");
  EXPECT_EQ(outer_xml(ch3.one("/html/body/section/h1")), "<h1>后记</h1>");
  pugi::xml_node untitled = ch3.one("/html/body/section/section");
  ASSERT_TRUE(untitled);
  EXPECT_STREQ(untitled.first_child().name(), "p");
  EXPECT_EQ(outer_xml(untitled.child("section").child("h3")), "<h3>小节甲</h3>");
}

TEST(EpubXhtml, ParagraphsBylinesAndQuotes) {
  OneChapter c(
      "<p id=\"p1\">有缩进</p>\n<p indent=\"no\">无缩进</p>\n<byline>作者</byline>\n"
      "<quote><p>引文一</p><p indent=\"no\">引文二</p></quote>\n<p xml:lang=\"en\">English text</p>");
  ASSERT_TRUE(c.ok());
  std::vector<std::string> blocks;
  for (const pugi::xpath_node& n : c.xml().all("/html/body/section/*[not(self::h1)]"))
    blocks.push_back(outer_xml(n.node()));
  EXPECT_EQ(blocks, (std::vector<std::string>{
                        "<p id=\"p1\">有缩进</p>",
                        "<p class=\"noindent\">无缩进</p>",
                        "<p class=\"byline\">作者</p>",
                        "<blockquote><p>引文一</p><p class=\"noindent\">引文二</p></blockquote>",
                        "<p xml:lang=\"en\" lang=\"en\">English text</p>",
                    }));
}

TEST(EpubXhtml, VerseStanzasAndLines) {
  OneChapter c(
      "<verse><stanza><line>床前明月光</line><line>疑是地上霜</line></stanza>"
      "<stanza><line>举头望明月</line></stanza></verse>\n"
      "<verse><line>一行</line><line>二行</line></verse>");
  ASSERT_TRUE(c.ok());
  pugi::xpath_node_set verses = c.xml().all("//div[@class='verse']");
  ASSERT_EQ(verses.size(), 2u);
  EXPECT_EQ(outer_xml(verses[0].node()),
            "<div class=\"verse\"><div class=\"stanza\"><p class=\"line\">床前明月光</p>"
            "<p class=\"line\">疑是地上霜</p></div><div class=\"stanza\"><p "
            "class=\"line\">举头望明月</p></div></div>");
  EXPECT_EQ(outer_xml(verses[1].node()),
            "<div class=\"verse\"><div class=\"stanza\"><p class=\"line\">一行</p><p "
            "class=\"line\">二行</p></div></div>");
}

TEST(EpubXhtml, Lists) {
  OneChapter c("<ol><li>一</li><li><em>二</em></li></ol><ul><li>甲</li></ul>");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.print("//ol"), "<ol><li>一</li><li><em>二</em></li></ol>");
  EXPECT_EQ(c.print("//ul"), "<ul><li>甲</li></ul>");
}

TEST(EpubXhtml, TablesWithCaptionHeaderAndDataCells) {
  OneChapter c(
      "<table id=\"t1\"><caption>人口表</caption><tr><th>县</th><th>人口</th></tr>"
      "<tr><td>离石</td><td>三十万</td></tr></table>");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.print("//table"),
            "<table id=\"t1\"><caption>人口表</caption><tbody><tr><th>县</th><th>人口</th></tr>"
            "<tr><td>离石</td><td>三十万</td></tr></tbody></table>");
}

TEST(EpubXhtml, FigureWithImageTakesAltFromTheAltAttributeElseTheCaption) {
  OneChapter c(
      "<figure id=\"f1\"><image src=\"photo.png\" alt=\"蓝色方块\"/><caption>图一 <em>方块</em></caption>"
      "<credit>摄影：某</credit></figure>\n"
      "<figure id=\"f2\"><image src=\"photo.png\"/><caption>图二 <em>方块</em></caption></figure>\n"
      "<figure id=\"f3\"><image src=\"photo.png\"/></figure>");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.print("//figure[@id='f1']"),
            "<figure id=\"f1\"><img src=\"images/001.png\" alt=\"蓝色方块\"/><figcaption>图一 <em>方块</em>"
            "<span class=\"credit\">摄影：某</span></figcaption></figure>");
  EXPECT_STREQ(c.xml().one("//figure[@id='f2']/img").attribute("alt").value(), "图二 方块");
  pugi::xml_node bare = c.xml().one("//figure[@id='f3']/img");
  ASSERT_TRUE(bare.attribute("alt")) << "an img always has alt";
  EXPECT_STREQ(bare.attribute("alt").value(), "");
  EXPECT_FALSE(c.xml().one("//figure[@id='f3']/figcaption"));
}

TEST(EpubXhtml, PlaceholderIsAnFpoBoxOfThePicturesProportions) {
  OneChapter c(
      "<figure id=\"f1\"><placeholder "
      "ratio=\"4:3\">吕梁山全景</placeholder><caption>图注</caption></figure>\n"
      "<figure id=\"f2\"><placeholder ratio=\"16:9\"/></figure>\n"
      "<figure id=\"f3\"><placeholder ratio=\"2:3\">竖图</placeholder></figure>");
  ASSERT_TRUE(c.ok());
  struct Case {
    const char* figure;
    const char* padding;
    const char* description;
  };
  for (const Case& k :
       {Case{"f1", "75.00%", "吕梁山全景"}, Case{"f2", "56.25%", ""}, Case{"f3", "150.00%", "竖图"}}) {
    SCOPED_TRACE(k.figure);
    std::string xpath = std::string("//figure[@id='") + k.figure + "']/div";
    pugi::xml_node box = c.xml().one(xpath.c_str());
    ASSERT_TRUE(box);
    EXPECT_STREQ(box.attribute("class").value(), "fpo");
    EXPECT_STREQ(box.attribute("role").value(), "img");
    std::string label = box.attribute("aria-label").value();
    EXPECT_NE(label.find("FPO"), std::string::npos) << label;
    EXPECT_NE(label.find(k.description), std::string::npos) << label;
    EXPECT_STREQ(box.attribute("style").value(), (std::string("padding-top: ") + k.padding + ";").c_str());
    EXPECT_EQ(text_of(box.select_node(".//span[@class='fpo-mark']").node()), "FPO");
    pugi::xml_node desc = box.select_node(".//span[@class='fpo-desc']").node();
    EXPECT_EQ(desc ? text_of(desc) : std::string(), k.description);
    EXPECT_FALSE(box.select_node(".//img")) << "no picture yet";
  }
  EXPECT_EQ(text_of(c.xml().one("//figure[@id='f1']/figcaption")), "图注");
}

// The words in an FPO box follow the publication's script.
TEST(EpubXhtml, PlaceholderWordsFollowThePublicationsScript) {
  struct Case {
    const char* lang;
    const char* label;
    const char* note;
  };
  for (const Case& k : {Case{"zh-Hans", "FPO 图片占位：山景", "图片占位 · 正式图片待补"},
                        Case{"zh-Hant", "FPO 圖片佔位：山景", "圖片佔位 · 正式圖片待補"},
                        Case{"zh-TW", "FPO 圖片佔位：山景", "圖片佔位 · 正式圖片待補"}}) {
    SCOPED_TRACE(k.lang);
    OneChapter c("<figure><placeholder ratio=\"4:3\">山景</placeholder></figure>", k.lang);
    ASSERT_TRUE(c.ok());
    pugi::xml_node box = c.xml().one("//div[@class='fpo']");
    EXPECT_STREQ(box.attribute("aria-label").value(), k.label);
    EXPECT_EQ(text_of(box.select_node(".//span[@class='fpo-note']").node()), k.note);
  }
}

TEST(EpubXhtml, InlineElements) {
  OneChapter c(
      "<p>甲<em>强调</em><strong>粗体</strong><dot>着重</dot><code>x &lt; 1</code>"
      "<span xml:lang=\"en\">English</span>上<br/>下</p>");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.print("//section/p"),
            "<p>甲<em>强调</em><strong>粗体</strong><em class=\"dots\">着重</em><code>x &lt; 1</code>"
            "<span xml:lang=\"en\" lang=\"en\">English</span>上<br/>下</p>");
}

TEST(EpubXhtml, RubyHasFallbackParentheses) {
  OneChapter c("<p>这是<ruby>吕梁<rt>lǚliáng</rt></ruby>山。</p>");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.print("//ruby"), "<ruby>吕梁<rp>(</rp><rt>lǚliáng</rt><rp>)</rp></ruby>");
}

TEST(EpubXhtml, LinksAreRewrittenToTheFileHoldingTheirTarget) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  // Same file: kept as a fragment.
  Xml ch1 = body_file(epub, "chapter-003.xhtml");
  EXPECT_EQ(attribute_values(ch1, "//a[not(@epub:type) and not(@class)]", "href"),
            (std::vector<std::string>{"#sec2"}));
  // Another file: the file name goes in front.
  Xml ch3 = body_file(epub, "chapter-005.xhtml");
  EXPECT_EQ(outer_xml(ch3.one("//p/a")), "<a href=\"chapter-003.xhtml#ch1\">山居</a>");
}

TEST(EpubXhtml, ExternalLinksAreKeptAndMarked) {
  OneChapter c(
      "<p id=\"top\"><a href=\"https://example.com/q?a=1&amp;b=2\">外链</a>"
      "<a href=\"mailto:editor@example.com\">来信</a><a href=\"#top\">回顶</a></p>");
  ASSERT_TRUE(c.ok());
  std::vector<std::string> links;
  for (const pugi::xpath_node& a : c.xml().all("//a")) links.push_back(outer_xml(a.node()));
  EXPECT_EQ(links, (std::vector<std::string>{
                       "<a href=\"https://example.com/q?a=1&amp;b=2\" class=\"external\">外链</a>",
                       "<a href=\"mailto:editor@example.com\" class=\"external\">来信</a>",
                       "<a href=\"#top\">回顶</a>",
                   }));
}

TEST(EpubXhtml, FootnotesAreNumberedPerChapterAndCollectedAtItsEnd) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml ch1 = body_file(epub, "chapter-003.xhtml");
  pugi::xpath_node_set refs = ch1.all("//a[@epub:type='noteref']");
  ASSERT_EQ(refs.size(), 2u);
  std::vector<std::string> marks;
  for (const pugi::xpath_node& r : refs) marks.push_back(text_of(r.node()));
  EXPECT_EQ(marks, (std::vector<std::string>{"①", "②"}));

  // The notes sit in one footnotes section, the last thing in the chapter,
  // after its sections, in the order they were referenced.
  pugi::xml_node chapter = ch1.one("/html/body/section");
  pugi::xml_node notes = chapter.last_child();
  EXPECT_STREQ(notes.name(), "section");
  EXPECT_STREQ(notes.attribute("epub:type").value(), "footnotes");
  EXPECT_EQ(ch1.all("//section[@epub:type='footnotes']").size(), 1u);
  pugi::xpath_node_set asides = notes.select_nodes("aside");
  ASSERT_EQ(asides.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    SCOPED_TRACE(i);
    pugi::xml_node ref = refs[i].node();
    pugi::xml_node aside = asides[i].node();
    EXPECT_STREQ(ref.attribute("class").value(), "noteref");
    EXPECT_EQ(std::string(ref.attribute("href").value()), "#" + std::string(aside.attribute("id").value()));
    EXPECT_STREQ(aside.attribute("epub:type").value(), "footnote");
    // The note's own number links back to the reference.
    pugi::xml_node back = aside.select_node("p/a").node();
    EXPECT_EQ(std::string(back.attribute("href").value()), "#" + std::string(ref.attribute("id").value()));
    EXPECT_EQ(text_of(back), marks[i]);
  }
  EXPECT_EQ(text_of(asides[0].node()), "① 第一条注。");
  EXPECT_EQ(text_of(asides[1].node()), "② 第二条注。");

  // The next chapter starts again at ①.
  Xml ch2 = body_file(epub, "chapter-004.xhtml");
  EXPECT_EQ(texts(ch2, "//a[@epub:type='noteref']"), (std::vector<std::string>{"①"}));
  EXPECT_EQ(texts(ch2, "//aside[@epub:type='footnote']"), (std::vector<std::string>{"① 第三条注。"}));
  // Files without notes have no notes section.
  EXPECT_FALSE(body_file(epub, "chapter-005.xhtml").one("//section[@epub:type='footnotes']"));
}

// Each top-level section is a file of its own, and so is a run of top-level
// blocks after it: the numbers start again at ① in each.
TEST(EpubXhtml, FootnotesRestartInEachTopLevelSection) {
  auto doc =
      load(publication("<p>前<note>注零</note></p>\n"
                       "<section><title>甲</title><p>一<note>注一</note></p></section>\n"
                       "<section><title>乙</title><p>二<note>注二</note><note>注三</note></p></section>\n"
                       "<p>后<note>注四</note></p>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_EQ(texts(body_file(epub, "text-001.xhtml"), "//a[@epub:type='noteref']"),
            (std::vector<std::string>{"①"}));
  EXPECT_EQ(texts(body_file(epub, "chapter-002.xhtml"), "//a[@epub:type='noteref']"),
            (std::vector<std::string>{"①"}));
  Xml second = body_file(epub, "chapter-003.xhtml");
  EXPECT_EQ(texts(second, "//a[@epub:type='noteref']"), (std::vector<std::string>{"①", "②"}));
  EXPECT_EQ(texts(second, "//aside[@epub:type='footnote']"), (std::vector<std::string>{"① 注二", "② 注三"}));
  EXPECT_EQ(texts(body_file(epub, "text-004.xhtml"), "//aside[@epub:type='footnote']"),
            (std::vector<std::string>{"① 注四"}));
}

TEST(EpubXhtml, FootnoteIdsAreUniqueInTheBook) {
  auto doc = load(publication(kBookBody));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  std::set<std::string> ids;
  for (const char* file : {"chapter-003.xhtml", "chapter-004.xhtml"}) {
    Xml x = body_file(epub, file);
    for (const pugi::xpath_node& n : x.all("//*[@id]"))
      EXPECT_TRUE(ids.insert(n.node().attribute("id").value()).second) << n.node().attribute("id").value();
  }
}

TEST(EpubXhtml, LanguageOfContainersAndSpans) {
  auto doc =
      load(publication("<chapter xml:lang=\"zh-Hant\"><title>舊章</title><p>繁體</p>"
                       "<section xml:lang=\"en\"><title xml:lang=\"en\">Notes</title><p>Text</p></section>"
                       "</chapter>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml x = body_file(epub, "chapter-001.xhtml");
  pugi::xml_node chapter = x.one("/html/body/section");
  EXPECT_STREQ(chapter.attribute("xml:lang").value(), "zh-Hant");
  EXPECT_STREQ(chapter.attribute("lang").value(), "zh-Hant");
  pugi::xml_node section = chapter.child("section");
  EXPECT_STREQ(section.attribute("xml:lang").value(), "en");
  EXPECT_STREQ(section.attribute("lang").value(), "en");
  EXPECT_STREQ(section.child("h2").attribute("lang").value(), "en");
}

TEST(EpubXhtml, SpecialCharactersAreEscapedInTextAndAttributes) {
  const std::string nasty = "A & B <c> \"d\"";
  auto doc =
      load(publication("<chapter><title>甲 &amp; 乙 &lt;丙&gt;</title>\n"
                       "<p>A &amp; B &lt;c&gt; \"d\"</p>\n"
                       "<figure><image src=\"photo.png\" alt=\"A &amp; B &lt;c&gt; &quot;d&quot;\"/>"
                       "<caption>A &amp; B &lt;c&gt; \"d\"</caption></figure>\n"
                       "<figure><placeholder ratio=\"1:1\">A &amp; B &lt;c&gt; \"d\"</placeholder></figure>\n"
                       "<p><a href=\"https://example.com/?x=1&amp;y=2\">链</a></p>\n"
                       "</chapter>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  std::string raw = epub.entry("EPUB/chapter-001.xhtml");
  ASSERT_TRUE(well_formed(raw));
  Xml x = parse_xml(raw);
  EXPECT_EQ(text_of(x.one("/html/head/title")), "甲 & 乙 <丙>");
  EXPECT_EQ(text_of(x.one("//h1")), "甲 & 乙 <丙>");
  EXPECT_EQ(text_of(x.one("//section/p")), nasty);
  EXPECT_EQ(x.one("//img").attribute("alt").value(), nasty);
  EXPECT_EQ(text_of(x.one("//figcaption")), nasty);
  std::string label = x.one("//div[@class='fpo']").attribute("aria-label").value();
  EXPECT_NE(label.find(nasty), std::string::npos) << label;
  // Quotes and angle brackets never reach an href: the loader refuses them (a URL cannot hold them).
  EXPECT_STREQ(x.one("//a[@class='external']").attribute("href").value(), "https://example.com/?x=1&y=2");
  EXPECT_NE(raw.find("<p>A &amp; B &lt;c&gt; &quot;d&quot;</p>"), std::string::npos);
  EXPECT_NE(raw.find("alt=\"A &amp; B &lt;c&gt; &quot;d&quot;\""), std::string::npos);
  EXPECT_NE(raw.find("href=\"https://example.com/?x=1&amp;y=2\""), std::string::npos);
}

// Every link inside the body files lands on an element of the file it names.
TEST(EpubXhtml, EveryInternalLinkLandsOnAnId) {
  auto doc = load(publication(
      std::string(kBookBody) +
      "\n<chapter id=\"last\"><title>索引</title>\n"
      "<p id=\"pp\">见<a href=\"#fig1\">图</a>、<a href=\"#part1\">上编</a>、<a href=\"#ch2\">水居</a>、"
      "<a href=\"#t1\">表</a>、<a href=\"#row\">行</a>、<a href=\"#cell\">格</a>、<a href=\"#li\">条</a>、"
      "<a href=\"#q\">引</a>、<a href=\"#v\">诗</a>、<a href=\"#st\">节</a>、<a href=\"#ln\">行</a>、"
      "<a href=\"#tc\">表题</a>、<a href=\"#e\">强调</a>、<a href=\"#pp\">本段</a>、<a "
      "href=\"#img\">像</a>。</p>\n"
      "<table id=\"t1\"><caption id=\"tc\">表</caption><tr id=\"row\"><td id=\"cell\">格</td></tr></table>\n"
      "<ol><li id=\"li\">条</li></ol><quote id=\"q\"><p>引</p></quote>\n"
      "<verse id=\"v\"><stanza id=\"st\"><line id=\"ln\">诗</line></stanza></verse>\n"
      "<p><em id=\"e\">强调</em></p><figure><image id=\"img\" src=\"photo.png\" alt=\"像\"/></figure>\n"
      "</chapter>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  size_t internal = 0;
  EXPECT_TRUE(every_link_lands(epub, &internal));
  EXPECT_GT(internal, 30u);
}

// A part's chapters without ids: the TOC (nav.xhtml) lists each once and
// points at anchors that exist in the chapter files.
TEST(EpubXhtml, TocLinksToChaptersOfAPartLand) {
  auto doc =
      load(publication("<part><title>上编</title>\n"
                       "<chapter><title>甲</title><section><title>节</title><p>一</p></section></chapter>\n"
                       "<chapter><title>乙</title><p>二</p></chapter></part>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_TRUE(every_link_lands(epub));
  Xml nav = parse_xml(epub.entry("EPUB/nav.xhtml"));
  EXPECT_EQ(nav.all("//nav[@epub:type='toc']//a").size(), 4u) << epub.entry("EPUB/nav.xhtml");
  Xml ncx = parse_xml(epub.entry("EPUB/toc.ncx"));
  EXPECT_EQ(ncx.all("//navPoint").size(), 4u) << epub.entry("EPUB/toc.ncx");
}

// The ids of a subtree of the model.
void collect_ids(const std::vector<model::Node>& nodes, std::vector<std::string>& out) {
  for (const model::Node& n : nodes) {
    if (!n.id().empty()) out.push_back(n.id());
    collect_ids(n.children, out);
  }
}

// Ids the content model allows on titles, notes, placeholders, figure captions,
// credits and line breaks: each is written to the file the plan names, so
// links to them land.
TEST(EpubXhtml, IdsOnTitlesNotesPlaceholdersCaptionsCreditsAndBreaksSurvive) {
  auto doc = load(publication(
      "<chapter><title id=\"h\">章</title>\n"
      "<p>注<note id=\"n\">注文</note>行<br id=\"b\"/>下</p>\n"
      "<figure><placeholder id=\"ph\" ratio=\"4:3\">待补</placeholder><caption id=\"cap\">图注</caption>"
      "<credit id=\"cr\">摄影</credit></figure>\n"
      "<figure><image id=\"im\" src=\"photo.png\" alt=\"图\"/><caption id=\"cap2\">图二</caption></figure>\n"
      "</chapter>\n"
      "<chapter><title>二</title><p><a href=\"#h\">1</a><a href=\"#n\">2</a><a href=\"#b\">3</a>"
      "<a href=\"#ph\">4</a><a href=\"#cap\">5</a><a href=\"#cr\">6</a>"
      "<a href=\"#cap2\">7</a></p></chapter>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_TRUE(every_link_lands(epub));

  BookPlan plan = plan_book(*doc);
  std::vector<std::string> ids;
  collect_ids(doc->body, ids);
  EXPECT_EQ(ids.size(), 8u);
  for (const std::string& id : ids) {
    SCOPED_TRACE(id);
    ASSERT_TRUE(plan.file_of_id.count(id));
    Xml x = body_file(epub, plan.file_of_id.at(id));
    EXPECT_EQ(x.all(("//*[@id='" + id + "']").c_str()).size(), 1u);
  }

  Xml x = body_file(epub, "chapter-001.xhtml");
  EXPECT_STREQ(x.one("//*[@id='h']").name(), "h1");
  EXPECT_STREQ(x.one("//*[@id='b']").name(), "br");
  EXPECT_STREQ(x.one("//*[@id='ph']").attribute("class").value(), "fpo");
  EXPECT_STREQ(x.one("//*[@id='cap']").name(), "figcaption");
  EXPECT_STREQ(x.one("//*[@id='cr']").attribute("class").value(), "credit");
  // A note's id is its aside's, and its reference points there.
  pugi::xml_node aside = x.one("//*[@id='n']");
  EXPECT_STREQ(aside.name(), "aside");
  EXPECT_STREQ(aside.attribute("epub:type").value(), "footnote");
  pugi::xml_node ref = x.one("//a[@epub:type='noteref']");
  EXPECT_STREQ(ref.attribute("href").value(), "#n");
  EXPECT_EQ("#" + std::string(ref.attribute("id").value()),
            std::string(aside.select_node("p/a[@class='note-number']").node().attribute("href").value()));
}

// xml:lang on a figure's image and caption is kept; a credit is not put inside
// the caption's language.
TEST(EpubXhtml, LanguageOfFigureCaptionsAndImages) {
  OneChapter c(
      "<figure id=\"f1\"><image xml:lang=\"en\" src=\"photo.png\" alt=\"A square\"/>"
      "<caption xml:lang=\"en\">Figure 1</caption></figure>\n"
      "<figure id=\"f2\"><image src=\"photo.png\"/><caption xml:lang=\"en\">Figure 2</caption>"
      "<credit>摄影：某</credit></figure>\n"
      "<figure id=\"f3\"><image src=\"photo.png\" alt=\"图\"/><caption>图三</caption>"
      "<credit xml:lang=\"en\">Photo: X</credit></figure>");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.print("//figure[@id='f1']"),
            "<figure id=\"f1\"><img src=\"images/001.png\" alt=\"A square\" xml:lang=\"en\" lang=\"en\"/>"
            "<figcaption xml:lang=\"en\" lang=\"en\">Figure 1</figcaption></figure>");
  // The alt text comes from the English caption, so the image is English too.
  EXPECT_EQ(c.print("//figure[@id='f2']"),
            "<figure id=\"f2\"><img src=\"images/001.png\" alt=\"Figure 2\" xml:lang=\"en\" lang=\"en\"/>"
            "<figcaption><span xml:lang=\"en\" lang=\"en\">Figure 2</span>"
            "<span class=\"credit\">摄影：某</span></figcaption></figure>");
  EXPECT_EQ(c.print("//figure[@id='f3']"),
            "<figure id=\"f3\"><img src=\"images/001.png\" alt=\"图\"/>"
            "<figcaption>图三<span class=\"credit\" xml:lang=\"en\" lang=\"en\">Photo: X</span></figcaption>"
            "</figure>");
}

// A note inside a note (the loader allows it): both get an aside, and every
// noteref lands.
TEST(EpubXhtml, ANoteInsideANoteGetsItsOwnAside) {
  OneChapter c("<p>正文<note>外注<note>内注</note></note></p>");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(texts(c.xml(), "//a[@epub:type='noteref']"), (std::vector<std::string>{"①", "②"}));
  EXPECT_EQ(texts(c.xml(), "//aside[@epub:type='footnote']"),
            (std::vector<std::string>{"① 外注\u2060②", "② 内注"}));
  for (const pugi::xpath_node& ref : c.xml().all("//a[@epub:type='noteref']")) {
    std::string href = ref.node().attribute("href").value();
    EXPECT_TRUE(c.xml().one(("//aside[@id='" + href.substr(1) + "']").c_str())) << href;
  }
}

// Two notes, the first holding a note: flushing appends to the list of notes
// being written (a use after free when it was iterated directly).
TEST(EpubXhtml, ANoteInsideTheFirstOfTwoNotes) {
  auto doc = load(
      publication("<chapter><title>章</title><p>甲<note>外注<note>内注</note></note>乙<note>二注</note></p>"
                  "</chapter>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_TRUE(every_link_lands(epub));
  Xml x = body_file(epub, "chapter-001.xhtml");
  // A note's own notes follow it: the asides are in the order of their numbers.
  EXPECT_EQ(texts(x, "//aside[@epub:type='footnote']"),
            (std::vector<std::string>{"① 外注\u2060②", "② 内注", "③ 二注"}));
}

// A chapter of 200 short pieces (issue 18, item 7) is split at its sections
// into files of at most kMaxFileText of text; each file's notes follow its
// own text; links, notes and the navigation land in the right files.
TEST(EpubXhtml, ALongChapterIsSplitAtItsSectionsWithItsNotesNearTheirMarks) {
  std::string body = "<chapter id=\"long\"><title>長章</title><p>引言。</p>";
  const std::string piece =
      "山不在高有仙則名水不在深有龍則靈斯是陋室惟吾德馨苔痕上階綠草色入簾青談笑有鴻儒往來無白丁"
      "可以調素琴閱金經無絲竹之亂耳無案牘之勞形南陽諸葛廬西蜀子雲亭孔子云何陋之有";  // 240 bytes
  for (int i = 1; i <= 200; ++i)  // some 150 KB of text
    body += "<section id=\"s" + std::to_string(i) + "\"><title>第" + std::to_string(i) + "首</title><p>" + piece +
            piece + "<note>第" + std::to_string(i) + "注。</note>" + piece + "</p></section>";
  body += "<p>見<a href=\"#s200\">末首</a>。</p></chapter><chapter><title>後</title><p>回<a href=\"#s150\">第一百五十首</a>。</p></chapter>";
  auto doc = load(publication(body, "zh-Hant"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_TRUE(every_link_lands(epub));
  std::vector<std::string> chapters;
  for (const std::string& name : epub.names())
    if (name.rfind("EPUB/chapter-", 0) == 0) chapters.push_back(name.substr(5));
  ASSERT_GE(chapters.size(), 4u);  // the long chapter in three or more files, and the last chapter
  int sections = 0, notes = 0;
  for (const std::string& file : chapters) {
    SCOPED_TRACE(file);
    std::string raw = epub.entry("EPUB/" + file);
    Xml x = body_file(epub, file);
    sections += static_cast<int>(x.all("//section[starts-with(@id, 's')]").size());
    // Every mark's note is in the same file, and every note there is called there.
    size_t refs = x.all("//a[@epub:type='noteref']").size();
    EXPECT_EQ(refs, x.all("//aside[@epub:type='footnote']").size());
    for (const pugi::xpath_node& ref : x.all("//a[@epub:type='noteref']")) {
      std::string href = ref.node().attribute("href").value();
      EXPECT_EQ(href[0], '#') << href;
    }
    notes += static_cast<int>(refs);
    size_t text = 0;
    for (const pugi::xpath_node& p : x.all("//p")) text += text_of(p.node()).size();
    EXPECT_LE(text, kMaxFileText + 4096);  // a file's text: the limit, and at most one section more
  }
  EXPECT_EQ(sections, 200);
  EXPECT_EQ(notes, 200);
  // What follows the last section comes after it, in the long chapter's last file.
  const std::string last = chapters[chapters.size() - 2];
  EXPECT_NE(epub.entry("EPUB/" + last).find("末首"), std::string::npos) << last;
  EXPECT_EQ(epub.entry("EPUB/" + chapters[0]).find("末首"), std::string::npos);
  // A later file starts with a section heading one level under the chapter's.
  Xml second = body_file(epub, chapters[1]);
  EXPECT_TRUE(second.one("/html/body/section/h2"));
  EXPECT_EQ(text_of(second.one("/html/head/title")), "長章");  // the chapter's title
}

// The poet's line beside a poem is the poem's (class "poet"), placed with its
// lines; a byline elsewhere stays a right-aligned byline (issue 18, item 8).
TEST(EpubXhtml, APoetsLineStandsWithThePoem) {
  OneChapter c("<section><title>静夜思</title><byline>李白</byline><verse><line>床前明月光</line></verse></section>"
               "<p>正文</p><byline>编者</byline>");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(texts(c.xml(), "//p[@class='byline poet']"), (std::vector<std::string>{"李白"}));
  EXPECT_EQ(texts(c.xml(), "//p[@class='byline']"), (std::vector<std::string>{"编者"}));
}

// Note marks (issue 18, item 1): a word joiner (U+2060) keeps the first mark
// of a run with the character before it; the marks of a run may wrap between
// them; past ㊿ a mark is the number alone, raised by the stylesheet.
TEST(EpubXhtml, NoteMarksStayWithTheirCharacterAndPassFifty) {
  std::string notes;
  for (int i = 1; i <= 52; ++i) notes += "字<note>注</note>";
  OneChapter c("<p>甲<note>一</note><note>二</note>乙" + notes + "</p>");
  ASSERT_TRUE(c.ok());
  std::vector<std::string> marks = texts(c.xml(), "//a[@epub:type='noteref']");
  ASSERT_EQ(marks.size(), 54u);
  EXPECT_EQ(marks[0], "①");
  EXPECT_EQ(marks[49], "㊿");
  EXPECT_EQ(marks[50], "51");
  EXPECT_EQ(marks[53], "54");
  std::string p = c.print("//p");
  EXPECT_NE(p.find("甲\u2060<a"), std::string::npos) << p;
  EXPECT_NE(p.find("①</a><a"), std::string::npos) << p;  // no joiner inside the run
  EXPECT_NE(p.find("字\u2060<a class=\"noteref\""), std::string::npos);
  // The notes list names them as before: (51) …
  std::vector<std::string> asides = texts(c.xml(), "//aside[@epub:type='footnote']");
  EXPECT_EQ(asides[50], "(51) 注");
}

}  // namespace
}  // namespace huozi::epub::testing
