// The modules of a newspaper page (稿件块): a story (its head across its
// columns, its text balanced down them) and a picture module (a figure or a
// photo group as a grid of numbered pictures with their captions and credit).
// Each is set once; it then tells the packer its shape at every span and
// draws itself where the packer put it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout/compose.h"
#include "layout/news_pack.h"
#include "layout/news_style.h"

namespace huozi::layout {

// Where the module area is on the page: its first grid line and whether the
// page is a recto (which margin is on the left).
struct ModuleArea {
  int top_line = 0;
  int lines = 0;
  bool recto = true;
};

class NewsModule {
 public:
  // `trial` sets what the packer measures (its warnings are thrown away);
  // `c` sets what is drawn.
  NewsModule(Composer& c, Composer& trial, const NewsStyle& style, const model::Node& node)
      : c_(c), trial_(trial), style_(style), node_(node) {}
  virtual ~NewsModule() = default;

  const model::Node& node() const { return node_; }
  std::string what() const;
  // Its shapes at spans 1 … columns, each at most `max_lines` tall.
  virtual ModuleChoices choices(int max_lines) = 0;
  // Draws it at `at` (on `area`'s grid) into the page.
  virtual void draw(const PackedModule& at, const ModuleArea& area, PageFrame& page) = 0;
  // After draw: the last grid line of each text column (a story's), on the module grid.
  virtual std::vector<int> feet() const { return {}; }
  // After draw: the first grid line of a story's text, on the module grid (-1: no text columns).
  virtual int text_line() const { return -1; }

 protected:
  Composer& c_;
  Composer& trial_;
  const NewsStyle& style_;
  const model::Node& node_;

  double width(int span) const { return span * c_.g.column_width() + (span - 1) * c_.g.column_gap; }
  double left(int column, const ModuleArea& area) const { return c_.g.column_left(column, area.recto); }
  // The y of the top of grid line `line` of the module area (its em box top, less half the leading).
  double line_top(int line, const ModuleArea& area) const;
};

// A story: kicker, headline and subtitle across its columns, then its text
// (byline, paragraphs, any figure or table in it) balanced down them. A story
// too long for its page is cut (转第N版) and goes on in a continuation.
class StoryModule : public NewsModule {
 public:
  StoryModule(Composer& c, Composer& trial, const NewsStyle& style, const model::Node& article);

  ModuleChoices choices(int max_lines) override;
  // Shapes that cut the story: any height from a head and a few lines to one
  // line short of the whole story.
  ModuleChoices cut_choices(int max_lines);
  void draw(const PackedModule& at, const ModuleArea& area, PageFrame& page) override;
  std::vector<int> feet() const override { return feet_; }
  int text_line() const override { return text_line_; }

  // The text's grid lines in one column.
  int text_lines() const;
  // After a draw that could not show the whole text: the continuation (its
  // text from where this one stopped), which says where it comes from.
  bool was_cut() const { return cut_piece_ < pieces_().size(); }
  std::unique_ptr<StoryModule> continuation(int from_page) const;
  // The line that says where the story goes on ("（转第6版）"), set by the page.
  void set_jump_to(int page) { jump_to_ = page; }
  int continued_from() const { return continued_from_; }

 private:
  // One unit a column takes: a text line, a figure, or a line of space
  // (dropped at a column's top).
  struct Piece {
    size_t block = 0, line = 0;  // into blocks_; a figure's line is 0
    int lines = 1;
    bool space = false;
  };
  // The text set at one size: full, or smaller for fit="shrink".
  struct Text {
    double scale = 1;
    std::vector<FlowBlock> blocks;
    std::vector<Piece> pieces;
  };
  std::vector<Text> versions_;  // [0] at the body size
  size_t version_ = 0;          // the one drawn
  // By span, by packer option: the version each option sets.
  std::vector<std::vector<size_t>> option_versions_;
  const std::vector<FlowBlock>& blocks_() const { return versions_[version_].blocks; }
  const std::vector<Piece>& pieces_() const { return versions_[version_].pieces; }
  Text set_text(Composer& c, double scale) const;
  size_t first_piece_ = 0;  // a continuation starts here
  size_t cut_piece_ = 0;    // after draw: the first piece not drawn
  int continued_from_ = 0;  // a continuation: the page the story starts on
  int jump_to_ = 0;
  std::vector<int> feet_;
  int text_line_ = -1;
  double text_width_ = 0;  // of one column's text (a box's padding taken off)

  struct Head {
    double title_scale = 0;
    std::vector<TypesetLine> lines;  // kicker, title, subtitle
  };
  Head set_head(Composer& c, int span);
  ModuleChoices shapes(int max_lines, bool cut);
  // Pieces from `from` in columns of at most `height` lines each: the first
  // piece of each column (and one past the last); fewer columns than `span`
  // when they are not needed; empty when they do not fit.
  std::vector<size_t> balance(size_t from, int span, int height) const;
  int balanced_height(int span) const;
  std::vector<int> column_heights(const std::vector<size_t>& starts) const;
  double shape_cost(int span, int rows, const Head& head) const;
  Rect frame_rect(const PackedModule& at, const ModuleArea& area, double out) const;
  // Returns the column's last line (that of its last piece that is not space).
  int draw_column(size_t from, size_t to, double x, int line, const ModuleArea& area, PageFrame& page) const;
};

// A figure or a photo group (组图): its pictures in a grid of the module's
// width, each caption under its picture, the group's credit under them all.
class PictureModule : public NewsModule {
 public:
  using NewsModule::NewsModule;
  ModuleChoices choices(int max_lines) override;
  void draw(const PackedModule& at, const ModuleArea& area, PageFrame& page) override;

 private:
  struct Grid {
    int across = 1;   // pictures in a row
    std::vector<int> row_lines;  // each row's height, its air under it included
    int lines = 0;    // all of it, the credit included
  };
  std::vector<std::vector<Grid>> grids_;  // by span
  Grid measure(int span, int across);
  std::vector<const model::Node*> figures() const;
  const model::Node* credit() const;
};

// The module for a page's child (article, photos, figure).
std::unique_ptr<NewsModule> make_module(Composer& c, Composer& trial, const NewsStyle& style,
                                        const model::Node& node);

}  // namespace huozi::layout
