// Whitespace normalisation (docs/content-model.md, "Whitespace"): runs collapse
// to one space, are trimmed at block edges and around <br/>, and a run holding a
// line break vanishes between CJK characters or next to CJK punctuation.
#include "model/whitespace.h"

#include <gtest/gtest.h>

#include "model_test_util.h"

namespace huozi::model::testing {
namespace {

struct Case {
  const char* source;    // the inline content of one <p>
  const char* expected;  // trace() of the paragraph
};

std::string paragraph_trace(const std::string& inline_xml) {
  LoadResult r = load_body("<p>" + inline_xml + "</p>");
  if (!r.document) return "load failed:\n" + describe(r);
  if (r.document->body.size() != 1) return "expected one block, got " + trace(r.document->body);
  return trace(r.document->body[0]);
}

// clang-format off
const Case kLineBreaks[] = {
    // A line break between two Han characters is not a space.
    {"汉\n字",                 "(p \"汉字\")"},
    {"汉  \n\t \n  字",        "(p \"汉字\")"},
    {"汉\r\n字",               "(p \"汉字\")"},
    {"中文\n排版\n规则",       "(p \"中文排版规则\")"},
    // Nor between Han and CJK punctuation, either way round.
    {"汉\n，字",               "(p \"汉，字\")"},
    {"汉，\n字",               "(p \"汉，字\")"},
    {"他说：\n“好。”",         "(p \"他说：“好。”\")"},
    // CJK punctuation swallows the break even next to Latin letters.
    {"。\nHello",              "(p \"。Hello\")"},
    {"Hello\n。",              "(p \"Hello。\")"},
    {"“\nOK\n”",              "(p \"“OK”\")"},
    // Kana, full-width forms and CJK extension B count as CJK.
    {"かな\nカナ",             "(p \"かなカナ\")"},
    {"ＡＢ\nＣＤ",             "(p \"ＡＢＣＤ\")"},
    {"𠀀\n汉",                 "(p \"𠀀汉\")"},
    // Between Latin words (or Latin and Han) a line break is one space.
    {"hello\nworld",           "(p \"hello world\")"},
    {"hello\n\n  \nworld",     "(p \"hello world\")"},
    {"汉\nword",               "(p \"汉 word\")"},
    {"word\n汉",               "(p \"word 汉\")"},
    {"2021\n年",               "(p \"2021 年\")"},
};

const Case kSpaces[] = {
    // Runs of spaces and tabs collapse to one space.
    {"hello     world",        "(p \"hello world\")"},
    {"a\t\tb",                 "(p \"a b\")"},
    // Spaces (no line break) between Han are kept, as one space.
    {"汉 字",                  "(p \"汉 字\")"},
    {"汉    字",               "(p \"汉 字\")"},
    {"汉\t字",                 "(p \"汉 字\")"},
    {"汉 ，",                  "(p \"汉 ，\")"},
    // Leading and trailing whitespace of the block is trimmed.
    {"   汉字   ",             "(p \"汉字\")"},
    {"\n\n  hello world \n  ", "(p \"hello world\")"},
    // Characters that are not XML whitespace are kept as they are.
    {"汉\u3000字",             "(p \"汉\u3000字\")"},
    {"a\u00A0\u00A0b",         "(p \"a\u00A0\u00A0b\")"},
    // An empty or blank paragraph has no text left.
    {"",                       "(p)"},
    {" \n\t ",                 "(p)"},
};

const Case kAcrossElements[] = {
    // Runs span element boundaries; the space, if kept, stays where the run began.
    {"汉<em>\n字</em>",                    "(p \"汉\" (em \"字\"))"},
    {"汉\n<em>字</em>",                    "(p \"汉\" (em \"字\"))"},
    {"<em>汉\n</em>\n<strong>\n字</strong>", "(p (em \"汉\") (strong \"字\"))"},
    {"hello<em>\nworld</em>",              "(p \"hello\" (em \" world\"))"},
    {"hello\n<em>world</em>",              "(p \"hello \" (em \"world\"))"},
    {"a<em> b </em> c",                    "(p \"a\" (em \" b \") \"c\")"},
    {"<em>  汉字</em>",                    "(p (em \"汉字\"))"},
    {"汉字<strong>  </strong>",            "(p \"汉字\" (strong))"},
    {"<span xml:lang=\"en\">big\n</span>\ndata", "(p (span @en \"big \") \"data\")"},
    {"汉<ruby>\n字<rt> zì </rt></ruby>\n，", "(p \"汉\" (ruby [zì] \"字\") \"，\")"},
    // <br/> is a hard edge: whitespace on both sides of it is trimmed.
    {"汉字 <br/> 汉字",                    "(p \"汉字\" (br) \"汉字\")"},
    {"word\n<br/>\nword",                  "(p \"word\" (br) \"word\")"},
    {"<em>a </em><br/><em> b</em>",        "(p (em \"a\") (br) (em \"b\"))"},
    {"<br/>",                              "(p (br))"},
    // A footnote's content is a block of its own; the text around it joins up.
    {"汉字<note>\n  注释\n  内容  </note>\n。", "(p \"汉字\" (note n=1 \"注释内容\") \"。\")"},
    {"a<note> x </note> b",                "(p \"a\" (note n=1 \"x\") \" b\")"},
    {"汉<note>note\ntext</note>字",        "(p \"汉\" (note n=1 \"note text\") \"字\")"},
    {"<note> <em>\n注</em> </note>",       "(p (note n=1 (em \"注\")))"},
    // Blank text before a note is removed; the note is still normalised.
    {" <note> 注\n释 </note>",             "(p (note n=1 \"注释\"))"},
    {"\n  <note>a</note>\n  <em> </em><note> b\n c </note>\n", "(p (note n=1 \"a\") (em) (note n=2 \"b c\"))"},
};
// clang-format on

void PrintTo(const Case& c, std::ostream* os) { *os << printable(c.source); }

class LineBreakTest : public ::testing::TestWithParam<Case> {};
TEST_P(LineBreakTest, Normalises) { EXPECT_EQ(paragraph_trace(GetParam().source), GetParam().expected); }
INSTANTIATE_TEST_SUITE_P(Whitespace, LineBreakTest, ::testing::ValuesIn(kLineBreaks));

class SpaceTest : public ::testing::TestWithParam<Case> {};
TEST_P(SpaceTest, Normalises) { EXPECT_EQ(paragraph_trace(GetParam().source), GetParam().expected); }
INSTANTIATE_TEST_SUITE_P(Whitespace, SpaceTest, ::testing::ValuesIn(kSpaces));

class AcrossElementsTest : public ::testing::TestWithParam<Case> {};
TEST_P(AcrossElementsTest, Normalises) { EXPECT_EQ(paragraph_trace(GetParam().source), GetParam().expected); }
INSTANTIATE_TEST_SUITE_P(Whitespace, AcrossElementsTest, ::testing::ValuesIn(kAcrossElements));

TEST(Whitespace, EveryFlowIsNormalised) {
  LoadResult r = load_body(
      "<chapter><title>\n  第一\n  章 </title>\n"
      "<byline> 作者\n  某某 </byline>\n"
      "<ul><li> 一\n 项 </li></ul>\n"
      "<verse><line> 床前\n明月光 </line></verse>\n"
      "<table><caption> 表\n题 </caption><tr><th> 表\n头 </th><td> a\n b </td></tr></table>\n"
      "<figure><placeholder> 待\n补 </placeholder><caption> 图\n注 </caption><credit> 摄\n影 "
      "</credit></figure>\n"
      "</chapter>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(r.document->body),
            "(chapter (title \"第一章\") (byline \"作者某某\") (ul (li \"一项\")) "
            "(verse (stanza (line \"床前明月光\"))) "
            "(table (caption \"表题\") (tr (cell th \"表头\") (cell \"a b\"))) "
            "(figure (placeholder [4:3] \"待补\") (caption \"图注\") (credit \"摄影\")))");
}

TEST(Whitespace, MetadataIsPlainTextCollapsed) {
  LoadResult r = load(
      "<publication xml:lang=\"zh-Hans\"><metadata>\n"
      "<title>\n  活字\n  印刷 </title><subtitle> a\n  b </subtitle>\n"
      "<creator>  毕\n昇  </creator>\n"
      "<identifier>  urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e\n</identifier>\n"
      "<date> 2021-12-31 </date>\n"
      "</metadata><body/></publication>");
  ASSERT_TRUE(loads_cleanly(r));
  const Metadata& m = r.document->metadata;
  EXPECT_EQ(m.title, "活字印刷");
  EXPECT_EQ(m.subtitle, "a b");
  ASSERT_EQ(m.creators.size(), 1u);
  EXPECT_EQ(m.creators[0].name, "毕昇");
  EXPECT_EQ(m.identifier, "urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e");
  EXPECT_EQ(m.date, "2021-12-31");
}

// The function itself, on a hand-made tree: empty text nodes are removed, also
// inside footnotes, and nothing else is touched.
TEST(Whitespace, RemovesEmptyTextNodes) {
  auto text = [](const char* s) {
    Node n;
    n.kind = NodeKind::Text;
    n.text = s;
    return n;
  };
  Node note;
  note.kind = NodeKind::Footnote;
  note.children = {text("  "), text(" 注 ")};
  Node em;
  em.kind = NodeKind::Emphasis;
  em.children = {text("\n")};
  std::vector<Node> flow = {text(" "), em, text("汉\n"), note, text("\n字 ")};
  normalize_block_whitespace(flow);
  EXPECT_EQ(trace(flow), "(em) \"汉\" (note \"注\") \"字\"");
}

}  // namespace
}  // namespace huozi::model::testing
