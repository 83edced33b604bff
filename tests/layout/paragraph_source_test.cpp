// The model into engine input: which spans carry which markup's tag, where
// footnote marks go, and the source places spans keep.
#include <gtest/gtest.h>

#include "layout/paragraph.h"
#include "model/loader.h"

namespace huozi::layout {
namespace {

struct Loaded {
  model::LoadResult result;
  const model::Node& first_paragraph() const {
    const model::Node& chapter = result.document->body.at(0);
    for (const model::Node& n : chapter.children)
      if (n.kind == model::NodeKind::Paragraph) return n;
    return chapter;
  }
  // The first paragraph as engine input, in pieces.
  std::vector<ParagraphSource> pieces(const NoteMarkText& marks = {}) const {
    return block_sources(first_paragraph(), *result.document, {}, "zh-Hans", marks);
  }
};

Loaded load(const std::string& paragraph) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<publication "
      "xml:lang=\"zh-Hans\"><metadata><title>书</title>"
      "<identifier "
      "scheme=\"uuid\">urn:uuid:12345678-1234-1234-1234-123456789abc</identifier><date>2021</date>"
      "</metadata><body><chapter><title>一</title>\n<p id=\"x\">" +
      paragraph + "</p></chapter></body></publication>";
  Loaded l{model::load_publication_from_string(xml, "test.xml", ".")};
  EXPECT_TRUE(l.result);
  return l;
}

// "text=tag" for each span.
std::string tags(const ParagraphSource& p) {
  std::string out;
  for (const text::TextSpan& s : p.input.spans)
    out += (out.empty() ? "" : " ") + p.input.text.substr(s.begin, s.end - s.begin) + "=" +
           std::to_string(s.tag);
  return out;
}

TEST(ParagraphSource, MarkupTagsItsSpansAndTheInnermostWins) {
  Loaded l = load("甲<a href=\"#x\">乙<dot>丙</dot>丁</a><ruby>戊<rt>wù</rt></ruby>己");
  ASSERT_TRUE(l.result);
  std::vector<ParagraphSource> pieces = l.pieces();
  ASSERT_EQ(pieces.size(), 1u);
  const ParagraphSource& p = pieces[0];
  EXPECT_EQ(tags(p), "甲=0 乙=1 丙=2 丁=1 戊=3 己=0");
  ASSERT_EQ(p.markup.size(), 3u);
  EXPECT_EQ(p.markup[0].kind, model::NodeKind::Link);
  EXPECT_EQ(p.markup[0].target, "#x");
  EXPECT_EQ(p.markup[1].kind, model::NodeKind::EmphasisDots);
  EXPECT_EQ(p.markup[2].kind, model::NodeKind::Ruby);
  EXPECT_EQ(p.markup[2].target, "wù");
}

TEST(ParagraphSource, SpansKeepTheirPlaceAsAFileIdLineAndColumn) {
  Loaded l = load("甲<strong>乙</strong>");
  ASSERT_TRUE(l.result);
  std::vector<ParagraphSource> pieces = l.pieces();
  ASSERT_EQ(pieces.size(), 1u);
  const text::TextInput& input = pieces[0].input;
  ASSERT_EQ(input.files, &l.result.document->files);
  ASSERT_EQ(input.spans.size(), 2u);
  EXPECT_EQ(file_name(*input.files, input.spans[1].where), "test.xml");
  EXPECT_EQ(input.spans[1].where.line, 3u);
  EXPECT_EQ(input.spans[1].where.column, 20u);  // <p id="x">甲<strong>乙
}

TEST(ParagraphSource, FootnotesLeaveMarksOnlyWhenAskedAndEachPieceKnowsItsOwn) {
  Loaded l = load("甲<note>一</note>乙<br/>丙<a href=\"#x\">丁<note>二</note></a>");
  ASSERT_TRUE(l.result);
  std::vector<ParagraphSource> plain = l.pieces();
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(plain[0].input.text, "甲乙");
  EXPECT_TRUE(plain[0].note_marks.empty());

  const NoteMarkText marks = [](const model::Node& note) { return model::circled_number(note.number); };
  std::vector<ParagraphSource> marked = l.pieces(marks);
  ASSERT_EQ(marked.size(), 2u);
  EXPECT_EQ(marked[0].input.text, "甲①乙");
  ASSERT_EQ(marked[0].note_marks.size(), 1u);
  EXPECT_EQ(marked[0].note_marks[0].begin, 3u);
  EXPECT_EQ(marked[0].note_marks[0].note->kind, model::NodeKind::Footnote);
  EXPECT_EQ(marked[1].input.text, "丙丁②");
  ASSERT_EQ(marked[1].note_marks.size(), 1u);
  EXPECT_EQ(marked[1].note_marks[0].begin, 6u);
  EXPECT_EQ(tags(marked[1]), "丙=0 丁=1 ②=1");  // a mark inside a link is part of it
}

}  // namespace
}  // namespace huozi::layout
