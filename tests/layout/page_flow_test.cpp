// The page flow on blocks of fake lines: every line is a Rule whose y0 holds
// the line's id, so where each line landed can be read back exactly.
#include "layout/page_flow.h"

#include <gtest/gtest.h>

#include <map>

namespace huozi::layout {
namespace {

struct Placed {
  int page, column, line;
};

class FlowHarness {
 public:
  explicit FlowHarness(int lines, int columns = 1) {
    g.page_width = 400;
    g.page_height = 600;
    g.em = 10;
    g.line_pitch = 20;
    g.columns = columns;
    g.column_em = 10;
    g.column_gap = 20;
    g.lines = lines;
    g.first_baseline = 50;
    g.inner = g.outer = 30;
    flow = std::make_unique<PageFlow>(g, [this](PageFrame&& page, const PageInfo& info) {
      infos.push_back(info);
      for (const PageItem& item : page.items) {
        const Rule& r = std::get<Rule>(item);
        int id = static_cast<int>(r.width);
        double x = r.x0;
        int column =
            static_cast<int>((x - g.column_left(0, info.recto) + 1) / (g.column_width() + g.column_gap));
        int line = static_cast<int>((r.y0 - g.first_baseline) / g.line_pitch + 0.5);
        where[id] = {info.number, column, line};
      }
    });
  }

  // A block of n lines with ids next_id, next_id + 1, ...
  FlowBlock text(int n, BlockKind kind = BlockKind::Text) {
    FlowBlock b;
    b.kind = kind;
    for (int i = 0; i < n; ++i) {
      TypesetLine line;
      line.items.push_back(Rule{0, 0, 1, 0, static_cast<double>(next_id++), {}, false});
      b.lines.push_back(line);
    }
    return b;
  }

  FlowBlock heading(int n) {
    FlowBlock b = text(n, BlockKind::Heading);
    b.keep_with_next = true;
    return b;
  }

  PageGeometry g;
  std::unique_ptr<PageFlow> flow;
  std::map<int, Placed> where;
  std::vector<PageInfo> infos;
  int next_id = 1;
};

TEST(PageFlow, BlocksFillAColumnLineByLine) {
  FlowHarness h(10);
  h.flow->add(h.text(3));
  h.flow->add(h.text(4));
  h.flow->finish();
  EXPECT_EQ(h.infos.size(), 1u);
  for (int id = 1; id <= 7; ++id) {
    EXPECT_EQ(h.where[id].page, 1);
    EXPECT_EQ(h.where[id].line, id - 1) << id;
  }
}

TEST(PageFlow, ParagraphSplitsAcrossPagesWithoutWidowOrOrphan) {
  FlowHarness h(10);
  h.flow->add(h.text(8));  // lines 0-7
  h.flow->add(h.text(5));  // 2 lines fit: 2 at the foot, 3 at the next head
  h.flow->finish();
  EXPECT_EQ(h.where[9].page, 1);
  EXPECT_EQ(h.where[10].page, 1);
  EXPECT_EQ(h.where[11].page, 2);
  EXPECT_EQ(h.where[11].line, 0);
}

TEST(PageFlow, NoSingleOrphanLineAtTheFoot) {
  FlowHarness h(10);
  h.flow->add(h.text(9));  // one line left
  h.flow->add(h.text(4));  // would leave one line alone at the foot: moves whole
  h.flow->finish();
  EXPECT_EQ(h.where[10].page, 2);
  EXPECT_EQ(h.where[10].line, 0);
}

TEST(PageFlow, NoSingleWidowLineAtTheHead) {
  FlowHarness h(10);
  h.flow->add(h.text(7));  // three lines left
  h.flow->add(h.text(4));  // 3 + 1 would widow; 2 + 2 instead
  h.flow->finish();
  EXPECT_EQ(h.where[8].page, 1);
  EXPECT_EQ(h.where[9].page, 1);
  EXPECT_EQ(h.where[10].page, 2);
  EXPECT_EQ(h.where[11].page, 2);
}

TEST(PageFlow, HeadingNeverEndsAColumn) {
  FlowHarness h(10);
  h.flow->add(h.text(7));  // three lines left
  h.flow->add(h.heading(2));
  h.flow->add(h.text(5));  // heading (2) + 2 lines needs 4: all move on
  h.flow->finish();
  EXPECT_EQ(h.where[8].page, 2);
  EXPECT_EQ(h.where[8].line, 0);
  EXPECT_EQ(h.where[10].page, 2);
  EXPECT_EQ(h.where[10].line, 2);
}

TEST(PageFlow, HeadingStaysWhenTwoLinesFollowIt) {
  FlowHarness h(10);
  h.flow->add(h.text(5));  // five lines left
  h.flow->add(h.heading(2));
  h.flow->add(h.text(5));
  h.flow->finish();
  EXPECT_EQ(h.where[6].page, 1);
  EXPECT_EQ(h.where[6].line, 5);
  EXPECT_EQ(h.where[8].page, 1);  // three lines follow the heading on page 1
  EXPECT_EQ(h.where[10].page, 1);
  EXPECT_EQ(h.where[11].page, 2);  // and two go over: no widow
}

TEST(PageFlow, TitleAndAuthorLineStayWhenTwoLinesFollow) {
  FlowHarness h(10);
  h.flow->add(h.text(6));     // four lines left
  h.flow->add(h.heading(1));  // the poem's title
  h.flow->add(h.heading(1));  // its author line, held with it
  h.flow->add(h.text(4));     // title + author + 2 lines need 4: they fit
  h.flow->finish();
  EXPECT_EQ(h.where[7].page, 1);
  EXPECT_EQ(h.where[8].page, 1);
  EXPECT_EQ(h.where[10].page, 1);
  EXPECT_EQ(h.where[11].page, 2);
}

TEST(PageFlow, TitleAndAuthorLineMoveOnTogether) {
  FlowHarness h(10);
  h.flow->add(h.text(7));  // three lines left
  h.flow->add(h.heading(1));
  h.flow->add(h.heading(1));
  h.flow->add(h.text(4));  // 1 + 1 + 2 do not fit in three: all move on
  h.flow->finish();
  EXPECT_EQ(h.where[8].page, 2);
  EXPECT_EQ(h.where[8].line, 0);
  EXPECT_EQ(h.where[9].page, 2);
  EXPECT_EQ(h.where[9].line, 1);
}

TEST(PageFlow, HeadingWithSpaceBeforeStillKeepsItsLines) {
  FlowHarness h(10, 2);
  h.flow->add(h.text(4));
  FlowBlock head = h.heading(2);
  head.space_before = 1;
  h.flow->add(std::move(head));  // lines 5-6 of column 0 (line 4 is space)
  h.flow->add(h.text(6));        // 3 lines left: 3 here? widow rule: 3 + 3
  h.flow->finish();
  EXPECT_EQ(h.where[5].column, 0);
  EXPECT_EQ(h.where[5].line, 5);
  EXPECT_EQ(h.where[7].column, 0);
  EXPECT_EQ(h.where[7].line, 7);
  EXPECT_EQ(h.where[10].column, 1);
}

TEST(PageFlow, ColumnsFillBeforePages) {
  FlowHarness h(4, 3);
  h.flow->add(h.text(12));
  h.flow->finish();
  EXPECT_EQ(h.infos.size(), 1u);
  EXPECT_EQ(h.where[1].column, 0);
  EXPECT_EQ(h.where[5].column, 1);
  EXPECT_EQ(h.where[9].column, 2);
  EXPECT_EQ(h.where[12].line, 3);
}

TEST(PageFlow, ChapterOpensOnANewRectoWithABlankVerso) {
  FlowHarness h(10);
  h.flow->add(h.text(3));
  FlowBlock opening = h.heading(1);
  opening.starts_page = true;
  opening.recto = true;
  h.flow->add(std::move(opening));
  h.flow->add(h.text(2));
  h.flow->finish();
  ASSERT_EQ(h.infos.size(), 3u);
  EXPECT_TRUE(h.infos[1].blank);
  EXPECT_EQ(h.where[4].page, 3);
  EXPECT_TRUE(h.infos[2].opening);
  EXPECT_TRUE(h.infos[2].recto);
}

TEST(PageFlow, FigureThatDoesNotFitFloatsToTheNextColumnAndTextFlowsOn) {
  FlowHarness h(10, 2);
  h.flow->add(h.text(6));
  FlowBlock figure;
  figure.kind = BlockKind::Figure;
  figure.figure_lines = 6;
  figure.figure_items.push_back(Rule{0, 0, 1, 0, 100, {}, false});
  h.flow->add(std::move(figure));
  h.flow->add(h.text(3));  // fills the rest of column 0
  h.flow->finish();
  EXPECT_EQ(h.where[7].column, 0);
  EXPECT_EQ(h.where[7].line, 6);
  EXPECT_EQ(h.where[100].column, 1);
  EXPECT_EQ(h.where[100].line, 0);
}

// Found by the fuzzer: a floated figure whose lines fit what was left of the
// column but not with its space before was taken up and put back for ever.
TEST(PageFlow, AFigureThatFitsOnlyWithoutItsSpaceBeforeFloatsOn) {
  FlowHarness h(10, 2);
  h.flow->add(h.text(8));
  auto figure = [](int lines, int space_before, int id) {
    FlowBlock f;
    f.kind = BlockKind::Figure;
    f.figure_lines = lines;
    f.space_before = space_before;
    f.figure_items.push_back(Rule{0, 0, 1, 0, static_cast<double>(id), {}, false});
    return f;
  };
  h.flow->add(figure(7, 0, 100));  // floats: 2 lines left
  h.flow->add(figure(3, 1, 200));  // floats too; under the first, 3 lines are left: not enough with its space
  h.flow->add(h.text(2));          // fills column 0
  h.flow->finish();
  EXPECT_EQ(h.where[100].page, 1);
  EXPECT_EQ(h.where[100].column, 1);
  EXPECT_EQ(h.where[100].line, 0);
  EXPECT_EQ(h.where[200].page, 2);
  EXPECT_EQ(h.where[200].column, 0);
  EXPECT_EQ(h.where[200].line, 0);
}

TEST(PageFlow, OutlineEntriesGetTheirPage) {
  FlowHarness h(5);
  h.flow->add(h.text(5));
  FlowBlock head = h.heading(1);
  head.outline.push_back({"第一章", 1, 0, 0});
  h.flow->add(std::move(head));
  h.flow->add(h.text(2));
  h.flow->finish();
  ASSERT_EQ(h.flow->outline().size(), 1u);
  EXPECT_EQ(h.flow->outline()[0].page, 2);
}

TEST(PageFlow, PartTitlePageStandsAloneOnARectoWithABlankVerso) {
  FlowHarness h(10);
  h.flow->add(h.text(3));  // page 1
  FlowBlock part = h.heading(2);
  part.keep_with_next = false;
  part.starts_page = true;
  part.recto = true;
  part.title_page = true;
  h.flow->add(std::move(part));  // page 2 is a blank verso, the part page is page 3
  h.flow->add(h.text(2));        // the verso behind it stays blank: page 5
  h.flow->finish();
  ASSERT_EQ(h.infos.size(), 5u);
  EXPECT_TRUE(h.infos[1].blank);
  EXPECT_EQ(h.where[4].page, 3);
  EXPECT_TRUE(h.infos[2].title_page);
  EXPECT_TRUE(h.infos[2].recto);
  EXPECT_TRUE(h.infos[3].blank);
  EXPECT_FALSE(h.infos[4].title_page);
  EXPECT_EQ(h.where[6].page, 5);
  EXPECT_EQ(h.where[6].line, 0);
}

TEST(PageFlow, ReportsThePageEachFootnoteLandsOn) {
  FlowHarness h(6);
  FlowBlock a = h.text(4);
  a.notes.push_back({1, {}, 7});  // a note of no lines: it costs no room
  h.flow->add(std::move(a));
  FlowBlock b = h.text(4);  // two lines on page 1, two on page 2
  b.notes.push_back({3, {}, 8});
  b.notes.push_back({0, {}, 9});
  h.flow->add(std::move(b));
  h.flow->finish();
  std::vector<std::pair<int, int>> expected = {{7, 1}, {9, 1}, {8, 2}};
  EXPECT_EQ(h.flow->note_pages(), expected);
}

// A note longer than a column was drawn above the page's top: now it starts
// under the line that calls it and goes on at the foot of the next pages,
// each leaving the text two lines, and after the text ends, on pages of its own.
TEST(PageFlow, ANoteLongerThanAColumnGoesOnAtTheFootOfTheNextColumns) {
  FlowHarness h(10);
  FlowBlock a = h.text(6);      // ids 1-6
  FlowBlock note = h.text(25);  // ids 7-31
  a.notes.push_back({1, std::move(note.lines), 0});
  h.flow->add(std::move(a));
  h.flow->finish();
  for (int id = 1; id <= 31; ++id) {
    ASSERT_TRUE(h.where.count(id)) << id;
    EXPECT_GE(h.where[id].line, 0) << id;
    EXPECT_LT(h.where[id].line, 10) << id;
  }
  EXPECT_EQ(h.where[2].page, 1);  // the calling line
  EXPECT_EQ(h.where[7].page, 1);  // the note starts on its page, under the text and the rule
  EXPECT_GT(h.where[7].line, h.where[2].line + 1);
  for (int id = 8; id <= 31; ++id) {  // and goes on in order
    const Placed& before = h.where[id - 1];
    const Placed& here = h.where[id];
    EXPECT_TRUE(here.page > before.page || (here.page == before.page && here.line == before.line + 1)) << id;
  }
  EXPECT_GE(h.infos.size(), 3u);
}

}  // namespace
}  // namespace huozi::layout
