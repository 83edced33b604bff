// The vocabulary: each element becomes the right node with its attributes;
// <verse> lines, includes, metadata and the document helpers.
#include <gtest/gtest.h>

#include "model_test_util.h"

namespace huozi::model::testing {
namespace {

TEST(Structure, EveryElementBecomesItsNode) {
  TempDir dir;
  dir.write("photo.png", png_bytes());
  LoadResult r =
      load(publication("<part id=\"p1\" numbering=\"chinese\" xml:lang=\"zh-Hant\"><title>上編</title>\n"
                       "<chapter id=\"c1\" numbering=\"arabic\"><title>開始</title>\n"
                       "<section id=\"s1\"><title>一節</title>\n"
                       "<p id=\"para\" indent=\"no\">甲<em>强调</em><strong>粗</strong><dot>点</dot>"
                       "<a href=\"#s1\">链</a><a href=\"https://example.com/\">外</a>"
                       "<ruby>汉<rt>hàn</rt></ruby>行<br/>尾<code>x=1</code>"
                       "<span xml:lang=\"en\">English</span><note id=\"n1\">注</note></p>\n"
                       "</section>\n"
                       "<byline>作者</byline>\n"
                       "<quote><p>引文</p></quote>\n"
                       "<verse><stanza><line>床前明月光</line><line>疑是地上霜</line></stanza>"
                       "<stanza><line>举头</line></stanza></verse>\n"
                       "<ol><li>一</li><li>二</li></ol>\n"
                       "<ul><li>甲</li></ul>\n"
                       "<figure id=\"f1\"><image src=\"photo.png\" alt=\"照片\"/><caption>图注</caption>"
                       "<credit>摄影</credit></figure>\n"
                       "<figure id=\"f2\"><placeholder ratio=\"16:9\">待补</placeholder></figure>\n"
                       "<table id=\"t1\"><caption>表</caption><tr><th>头</th><td>格</td></tr></table>\n"
                       "</chapter>\n"
                       "</part>"),
           dir.path());
  ASSERT_TRUE(loads_cleanly(r));
  ASSERT_EQ(r.document->body.size(), 1u);
  EXPECT_EQ(trace(r.document->body[0]),
            "(part #p1 @zh-Hant [第一部] chinese (title \"上編\")"
            " (chapter #c1 [1] arabic (title \"開始\")"
            " (section #s1 (title \"一節\")"
            " (p #para noindent \"甲\" (em \"强调\") (strong \"粗\") (dot \"点\") (a ->#s1 \"链\")"
            " (a ->https://example.com/ \"外\") (ruby [hàn] \"汉\") \"行\" (br) \"尾\" (code \"x=1\")"
            " (span @en \"English\") (note #n1 n=1 \"注\")))"
            " (byline \"作者\")"
            " (quote (p \"引文\"))"
            " (verse (stanza (line \"床前明月光\") (line \"疑是地上霜\")) (stanza (line \"举头\")))"
            " (ol (li \"一\") (li \"二\"))"
            " (ul (li \"甲\"))"
            " (figure #f1 (image ->photo.png [照片]) (caption \"图注\") (credit \"摄影\"))"
            " (figure #f2 (placeholder [16:9] \"待补\"))"
            " (table #t1 (caption \"表\") (tr (cell th \"头\") (cell \"格\")))))");
}

struct Case {
  const char* body;
  const char* expected;  // trace() of the body
};

// clang-format off
const Case kSmallCases[] = {
    // Paragraph indent: yes by default, indent="no" turns it off.
    {"<p>a</p>",                          "(p \"a\")"},
    {"<p indent=\"yes\">a</p>",           "(p \"a\")"},
    {"<p indent=\"no\">a</p>",            "(p noindent \"a\")"},
    // th and td.
    {"<table><tr><td>a</td><th>b</th></tr><tr><th>c</th></tr></table>",
     "(table (tr (cell \"a\") (cell th \"b\")) (tr (cell th \"c\")))"},
    // A table without a caption.
    {"<table><tr><td>a</td></tr></table>", "(table (tr (cell \"a\")))"},
    // Ruby: the base is the children, the annotation the label.
    {"<p><ruby>行<rt>háng</rt></ruby></p>", "(p (ruby [háng] \"行\"))"},
    {"<p><ruby> 重庆 <rt> Chóng qìng </rt> </ruby></p>", "(p (ruby [Chóng qìng] \"重庆\"))"},
    // Placeholder: ratio defaults to 4:3.
    {"<figure><placeholder>图</placeholder></figure>", "(figure (placeholder [4:3] \"图\"))"},
    {"<figure><placeholder ratio=\"3:2\"/></figure>",  "(figure (placeholder [3:2]))"},
    // Links: internal, http, https, mailto.
    {"<p id=\"x\"><a href=\"#x\">a</a></p>",           "(p #x (a ->#x \"a\"))"},
    {"<p><a href=\"http://example.com\">a</a></p>",   "(p (a ->http://example.com \"a\"))"},
    {"<p><a href=\"mailto:a@example.com\">a</a></p>", "(p (a ->mailto:a@example.com \"a\"))"},
    // xml:lang and id on any body element, inline ones too.
    {"<p xml:lang=\"en\"><em id=\"e\" xml:lang=\"ja\">a</em></p>", "(p @en (em #e @ja \"a\"))"},
    {"<ul id=\"u\"><li id=\"i\" xml:lang=\"en\">a</li></ul>",      "(ul #u (li #i @en \"a\"))"},
    // Nesting of inline elements.
    {"<p><em><strong><dot>重</dot></strong></em></p>", "(p (em (strong (dot \"重\"))))"},
    {"<p><note>见<a href=\"#z\">此</a></note><span id=\"z\">z</span></p>",
     "(p (note n=1 \"见\" (a ->#z \"此\")) (span #z \"z\"))"},
    // Quotes hold blocks, including other quotes, verse and lists.
    {"<quote><p>a</p><quote><verse><line>b</line></verse></quote><ol><li>c</li></ol></quote>",
     "(quote (p \"a\") (quote (verse (stanza (line \"b\")))) (ol (li \"c\")))"},
    // Sections need no title and hold sections.
    {"<section><p>a</p><section id=\"in\"><p>b</p></section></section>",
     "(section (p \"a\") (section #in (p \"b\")))"},
    // Chapters and blocks directly in <body>.
    {"<p>前</p><chapter><title>章</title></chapter>", "(p \"前\") (chapter (title \"章\"))"},
    // Comments and processing instructions are ignored.
    {"<!-- 注释 --><p>a<!-- x -->b<?pi x?></p>", "(p \"a\" \"b\")"},
    // CDATA is text.
    {"<p><![CDATA[a<b>c]]></p>", "(p \"a<b>c\")"},
    // XML's own entities and character references are expanded.
    {"<p>&lt;&amp;&gt;&quot;&apos;&#x6C49;&#23383;</p>", "(p \"<&>\"'汉字\")"},
};
// clang-format on

void PrintTo(const Case& c, std::ostream* os) { *os << printable(c.body); }

class SmallCaseTest : public ::testing::TestWithParam<Case> {};
TEST_P(SmallCaseTest, Parses) {
  LoadResult r = load_body(GetParam().body);
  ASSERT_TRUE(loads_cleanly(r)) << GetParam().body;
  EXPECT_EQ(trace(r.document->body), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Structure, SmallCaseTest, ::testing::ValuesIn(kSmallCases));

TEST(Verse, LinesDirectlyInVerseFormOneStanza) {
  LoadResult r = load_body(
      "<verse>\n<line>床前明月光</line>\n<line>疑是地上霜</line>\n<line>举头望明月</line>\n</verse>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(r.document->body),
            "(verse (stanza (line \"床前明月光\") (line \"疑是地上霜\") (line \"举头望明月\")))");
}

TEST(Verse, LooseLinesAroundAStanzaFormStanzasOfTheirOwn) {
  LoadResult r =
      load_body("<verse><line>a</line><line>b</line><stanza><line>c</line></stanza><line>d</line></verse>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(r.document->body),
            "(verse (stanza (line \"a\") (line \"b\")) (stanza (line \"c\")) (stanza (line \"d\")))");
}

// The stanza made for loose lines is not the first line: it must not take the
// line's id (which would then be reported as a duplicate) or its language.
TEST(Verse, LooseStanzaDoesNotTakeTheFirstLinesAttributes) {
  LoadResult r = load_body("<verse><line id=\"l1\" xml:lang=\"en\">a</line><line>b</line></verse>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(r.document->body), "(verse (stanza (line #l1 @en \"a\") (line \"b\")))");
}

TEST(Metadata, EveryField) {
  TempDir dir;
  dir.write("images/cover.jpg", jpeg_bytes());
  LoadResult r = load(
      "<publication xml:lang=\"zh-Hant\" type=\"periodical\"><metadata>"
      "<subject>历史</subject>"
      "<title>书名</title><subtitle>副题</subtitle>"
      "<creator>作者甲</creator>"
      "<creator role=\"trl\" file-as=\"Yi, Zuozhe\">作者乙</creator>"
      "<publisher>出版社</publisher>"
      "<identifier scheme=\"isbn\">978-7-02-000220-7</identifier>"
      "<date>2021-06</date>"
      "<rights>版权所有</rights><description>简介</description>"
      "<subject>印刷</subject>"
      "<cover src=\"images/cover.jpg\"/>"
      "</metadata><body/></publication>",
      dir.path());
  ASSERT_TRUE(loads_cleanly(r));
  const Document& doc = *r.document;
  EXPECT_EQ(doc.type, PublicationType::Periodical);
  const Metadata& m = doc.metadata;
  EXPECT_EQ(m.language, "zh-Hant");
  EXPECT_EQ(m.title, "书名");
  EXPECT_EQ(m.subtitle, "副题");
  ASSERT_EQ(m.creators.size(), 2u);
  EXPECT_EQ(m.creators[0].name, "作者甲");
  EXPECT_EQ(m.creators[0].role, "aut");
  EXPECT_EQ(m.creators[0].file_as, "");
  EXPECT_EQ(m.creators[1].name, "作者乙");
  EXPECT_EQ(m.creators[1].role, "trl");
  EXPECT_EQ(m.creators[1].file_as, "Yi, Zuozhe");
  EXPECT_EQ(m.publisher, "出版社");
  EXPECT_EQ(m.identifier, "978-7-02-000220-7");
  EXPECT_EQ(m.identifier_scheme, "isbn");
  EXPECT_EQ(m.date, "2021-06");
  EXPECT_EQ(m.rights, "版权所有");
  EXPECT_EQ(m.description, "简介");
  EXPECT_EQ(m.subjects, (std::vector<std::string>{"历史", "印刷"}));
  EXPECT_EQ(m.cover_image, "images/cover.jpg");
  EXPECT_TRUE(doc.body.empty());
  EXPECT_EQ(doc.base_dir, dir.path().string());
  EXPECT_EQ(doc.files, std::vector<std::string>{"test.xml"});
}

TEST(Metadata, Defaults) {
  LoadResult r = load_body("");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(r.document->type, PublicationType::Book);
  EXPECT_EQ(r.document->metadata.identifier_scheme, "uuid");
  EXPECT_EQ(r.document->metadata.cover_image, "");
}

struct FieldCase {
  const char* element;  // one metadata element replacing <date>
  bool ok;
};

// clang-format off
const FieldCase kDates[] = {
    {"<date>2021</date>", true},       {"<date>2021-12</date>", true},   {"<date>2021-12-31</date>", true},
    {"<date>21</date>", false},        {"<date>2021-1</date>", false},   {"<date>2021/12/31</date>", false},
    {"<date>2021-12-31T00:00</date>", false}, {"<date>二〇二一</date>", false},
    {"<date>2021-13</date>", false},   {"<date>2021-00-10</date>", false}, {"<date>2021-02-32</date>", false},
};
// clang-format on

void PrintTo(const FieldCase& c, std::ostream* os) { *os << printable(c.element); }

class DateTest : public ::testing::TestWithParam<FieldCase> {};
TEST_P(DateTest, IsCheckedForForm) {
  std::string xml = publication("");
  xml.replace(xml.find("<date>2021-12-31</date>"), 23, GetParam().element);
  LoadResult r = load(xml);
  if (GetParam().ok)
    EXPECT_TRUE(loads_cleanly(r));
  else
    EXPECT_TRUE(has_error(r, "is not YYYY, YYYY-MM or YYYY-MM-DD"));
}
INSTANTIATE_TEST_SUITE_P(Metadata, DateTest, ::testing::ValuesIn(kDates));

// clang-format off
const FieldCase kIdentifiers[] = {
    {"<identifier>urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e</identifier>", true},
    {"<identifier scheme=\"isbn\">9787020002207</identifier>", true},
    {"<identifier scheme=\"isbn\">7-02-000220-X</identifier>", true},
    {"<identifier scheme=\"isbn\">978 7 02 000220 7</identifier>", true},
    {"<identifier scheme=\"isbn\">12345</identifier>", false},
    {"<identifier scheme=\"isbn\">97870200022A7</identifier>", false},
    {"<identifier scheme=\"doi\">10.1000/1</identifier>", false},
};
// clang-format on

class IdentifierTest : public ::testing::TestWithParam<FieldCase> {};
TEST_P(IdentifierTest, IsCheckedForScheme) {
  std::string xml = publication("");
  size_t from = xml.find("<identifier"), to = xml.find("</identifier>") + 13;
  xml.replace(from, to - from, GetParam().element);
  LoadResult r = load(xml);
  if (GetParam().ok)
    EXPECT_TRUE(loads_cleanly(r));
  else
    EXPECT_FALSE(r.document) << describe(r);
}
INSTANTIATE_TEST_SUITE_P(Metadata, IdentifierTest, ::testing::ValuesIn(kIdentifiers));

TEST(Includes, AreSplicedInPlaceWithTheirFileNames) {
  std::filesystem::path book = data_dir() / "include" / "book.xml";
  LoadResult r = load_publication(book);
  ASSERT_TRUE(loads_cleanly(r));
  const Document& doc = *r.document;
  EXPECT_EQ(trace(doc.body),
            "(chapter #preface (title \"序\") (p \"前言\")) "
            "(chapter #one (title \"第一篇\") (p \"甲\") (p #two-p \"乙，见\" (a ->#preface \"序\") \"。\") "
            "(section (title \"一节\") (p \"丙\")) (p \"丁\")) "
            "(chapter #one-b (title \"第二篇\") (p \"戊\")) "
            "(chapter #afterword (title \"跋\") (p \"后记\"))");
  ASSERT_EQ(doc.files.size(), 3u);
  EXPECT_EQ(doc.files[0], book.string());
  EXPECT_EQ(doc.files[1], "chapters/one.xml");
  EXPECT_EQ(doc.files[2], "chapters/two.xml");
  EXPECT_EQ(doc.base_dir, std::filesystem::canonical(data_dir() / "include").string());

  auto at = [&](const Node& n) {
    return doc.files.at(n.where.file) + ":" + std::to_string(n.where.line) + ":" +
           std::to_string(n.where.column);
  };
  const Node& one = doc.body[1];
  EXPECT_EQ(at(doc.body[0]), book.string() + ":9:1");
  EXPECT_EQ(at(one), "chapters/one.xml:3:1");
  EXPECT_EQ(at(one.children[1]), "chapters/one.xml:4:3");  // <p>甲</p>
  EXPECT_EQ(at(one.children[2]), "chapters/two.xml:2:3");  // <p id="two-p">
  EXPECT_EQ(at(one.children[3]), "chapters/two.xml:3:3");  // <section>
  EXPECT_EQ(at(one.children[4]), "chapters/one.xml:6:3");  // <p>丁</p>
  EXPECT_EQ(at(doc.body[2]), "chapters/one.xml:8:1");
  EXPECT_EQ(at(doc.body[3]), book.string() + ":11:1");
}

TEST(Includes, ResolveAgainstBaseDirFromAString) {
  LoadResult r = load_body(
      "<chapter><title>章</title><include src=\"chapters/two.xml\"/></chapter>"
      "<p id=\"preface\">序</p>",
      data_dir() / "include");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(r.document->body),
            "(chapter (title \"章\") (p #two-p \"乙，见\" (a ->#preface \"序\") \"。\") "
            "(section (title \"一节\") (p \"丙\"))) (p #preface \"序\")");
  EXPECT_EQ(r.document->files, (std::vector<std::string>{"test.xml", "chapters/two.xml"}));
}

TEST(Includes, AFileIncludedTwiceIsCheckedAtEachPlace) {
  LoadResult r = load_body(
      "<include src=\"chapters/two.xml\"/><quote><include src=\"chapters/two.xml\"/></quote>"
      "<p id=\"preface\"/>",
      data_dir() / "include");
  // The second copy repeats the id "two-p", and a quote cannot hold sections.
  EXPECT_TRUE(has_error(r, "duplicate id \"two-p\""));
  EXPECT_TRUE(has_error(r, "<section> is not allowed in <quote>"));
  EXPECT_EQ(error_count(r), 2u) << describe(r);
}

TEST(Helpers, TitleAndPlainText) {
  LoadResult r = load_body(
      "<chapter><title>第<em>一</em>章<note>注</note><ruby>汉<rt>hàn</rt></ruby></title><p>a</p></chapter>"
      "<section><p>b</p></section>");
  ASSERT_TRUE(loads_cleanly(r));
  const Node& chapter = r.document->body[0];
  ASSERT_NE(title_of(chapter), nullptr);
  EXPECT_EQ(plain_text(*title_of(chapter)), "第一章汉");
  EXPECT_EQ(title_of(r.document->body[1]), nullptr);
  EXPECT_EQ(plain_text(chapter.children[1]), "a");
}

// A part or chapter may name its own writing mode (issue 17); what it does not name it takes from what holds it.
TEST(WritingMode, APartOrChapterMayNameItsOwn) {
  LoadResult r = load_body(
      "<chapter><title>a</title></chapter>"
      "<part writing-mode=\"vertical\"><title>b</title><chapter><title>c</title></chapter>"
      "<chapter writing-mode=\"horizontal\"><title>d</title></chapter></part>");
  ASSERT_TRUE(loads_cleanly(r)) << describe(r);
  const Document& doc = *r.document;
  EXPECT_EQ(doc.writing_mode, WritingMode::Horizontal);
  EXPECT_FALSE(doc.body[0].writing_mode());
  const Node& part = doc.body[1];
  EXPECT_EQ(part.writing_mode(), WritingMode::Vertical);
  const WritingMode parts = writing_mode_of(part, doc.writing_mode);
  EXPECT_EQ(writing_mode_of(part.children[1], parts), WritingMode::Vertical);    // c: the part's
  EXPECT_EQ(writing_mode_of(part.children[2], parts), WritingMode::Horizontal);  // d: its own
  Node copy = part;  // the mode is kept out of line, and copied with the node
  EXPECT_EQ(copy.writing_mode(), WritingMode::Vertical);
}

// A chapter in the other mode than its book's, on a <layout> the book's mode
// fits: the loader refuses the chapter with `message`, and loads the book
// once the chapter takes the book's mode.
void expect_no_room(const std::string& chapter_mode, const std::string& book_mode, const std::string& layout,
                    const std::string& message) {
  const std::string own = " writing-mode=\"" + chapter_mode + "\"";
  std::string xml = publication("<chapter" + own + "><title>a</title><p>b</p></chapter>");
  xml.replace(xml.find("<body>"), 6, layout + "<body>");
  xml.replace(xml.find("<publication "), 13, "<publication writing-mode=\"" + book_mode + "\" ");
  LoadResult r = load(xml);
  EXPECT_TRUE(has_error(r, "writing-mode=\"" + chapter_mode + "\": " + message)) << describe(r);
  std::string same = xml;
  same.replace(same.find(own), own.size(), "");
  EXPECT_TRUE(loads_cleanly(load(same))) << describe(load(same));
}

// A vertical chapter of a horizontal book needs room for columns: a wide,
// low page holds lines in eight columns, but no column of six characters.
// The other way round, a tall, narrow page holds columns but, in six
// columns, no line of one character.
TEST(WritingMode, AChapterInTheOtherModeNeedsRoomOnItsPages) {
  expect_no_room("vertical", "horizontal", "<layout size=\"200x60mm\" columns=\"8\"/>",
                 "each of the 8 columns is shorter than six characters");
  expect_no_room("horizontal", "vertical",
                 "<layout size=\"100x260mm\" margin-inner=\"30mm\" margin-outer=\"30mm\" columns=\"6\"/>",
                 "each of the 6 columns is narrower than one character");
}

TEST(Helpers, KindPredicates) {
  for (NodeKind k : {NodeKind::Part, NodeKind::Chapter, NodeKind::Section}) {
    EXPECT_TRUE(is_container(k));
    EXPECT_FALSE(is_inline(k));
  }
  for (NodeKind k : {NodeKind::Title, NodeKind::Paragraph, NodeKind::Verse, NodeKind::TableCell}) {
    EXPECT_FALSE(is_container(k));
    EXPECT_FALSE(is_inline(k));
  }
  for (NodeKind k : {NodeKind::Text, NodeKind::Emphasis, NodeKind::Link, NodeKind::Ruby, NodeKind::LineBreak,
                     NodeKind::Span, NodeKind::Footnote})
    EXPECT_TRUE(is_inline(k));
}

}  // namespace
}  // namespace huozi::model::testing
