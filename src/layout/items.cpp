#include "layout/items.h"

namespace huozi::layout {
namespace {

using text::CharClass;
using text::Cluster;

Item box_of(const Cluster& c, uint32_t index, bool half_width_line_start) {
  Item box;
  box.kind = ItemKind::Box;
  box.width = c.advance;
  box.shrink = c.blank;  // mid-line, a mark may be set half-width (push-in)
  if (half_width_line_start && c.blank > 0 && c.blank_left) box.start_trim = c.blank;  // §2 line start
  box.han = c.cls == CharClass::Han ? 1 : 0;
  box.cluster_begin = index;
  box.cluster_end = index + 1;
  return box;
}

// Whether a mark may hang past the line's end: a pause or stop mark that is
// a box of its own.
bool hangs(const Cluster& c, const Item& box) {
  return c.cls == CharClass::Stop && box.cluster_end == box.cluster_begin + 1;
}

// Whether a quarter-em space goes between these neighbours (§3): Han and a
// Latin letter always; Han and a digit as the house style says.
bool spaced(char32_t before, CharClass before_class, char32_t after, CharClass after_class, const Typography& t) {
  if (!text::han_latin_spacing(before_class, after_class)) return false;
  if (t.han_digit_space) return true;
  const char32_t latin = before_class == CharClass::Alnum ? before : after;
  return !((latin >= '0' && latin <= '9') || (latin >= 0xFF10 && latin <= 0xFF19));
}

// §2 line end: the blank a mark loses when the line ends after it.
double end_trim(const Cluster& c, const Item& box) {
  if (c.blank <= 0 || c.blank_left || c.blank_centred || box.removed > 0) return 0;
  return c.blank;
}

Item glue(double width, double priority_stretch, double stretch, double shrink, uint32_t cluster) {
  Item g;
  g.kind = ItemKind::Glue;
  g.width = width;
  g.priority_stretch = priority_stretch;
  g.stretch = stretch;
  g.shrink = shrink;
  g.cluster_begin = cluster;
  g.cluster_end = cluster;
  return g;
}

// The quarter-em space between Han and Latin or digits (§3): elastic, and
// first to stretch; it never widens with the character gaps past its cap.
Item han_latin_glue(double em, uint32_t cluster) {
  Item g = glue(text::kHanLatinSpaceEm * em, kHanLatinStretchEm * em, 0, 0, cluster);
  g.late_shrink = kHanLatinShrinkEm * em;
  return g;
}

}  // namespace

void build_items(const text::ShapedParagraph& shaped, const ItemOptions& options, ItemList& out) {
  out.items.clear();
  out.em_pt = options.em_pt;
  const double em = options.em_pt;
  const auto& clusters = shaped.clusters;
  auto& items = out.items;
  items.reserve(clusters.size() * 3 + 2);
  if (options.first_indent_em > 0) {
    Item indent;
    indent.width = options.first_indent_em * em;
    items.push_back(indent);
  }

  // §2 consecutive marks: decide which blanks go before anything is broken.
  thread_local std::vector<double> removed;
  thread_local std::vector<uint8_t> pair_with_next;
  removed.assign(clusters.size(), 0);
  pair_with_next.assign(clusters.size(), 0);
  for (size_t i = 0; i + 1 < clusters.size(); ++i) {
    const Cluster& a = clusters[i];
    const Cluster& b = clusters[i + 1];
    const auto which = text::consecutive_compression(a.cls, b.cls, shaped.runs[a.run].variant);
    if (which == text::PairCompression::First && removed[i] == 0) removed[i] = a.blank;
    if (which == text::PairCompression::Second) removed[i + 1] = b.blank;
    pair_with_next[i] = which != text::PairCompression::None;
  }

  for (uint32_t i = 0; i < clusters.size(); ++i) {
    const Cluster& c = clusters[i];
    const bool last = i + 1 == clusters.size();
    if (c.cls == CharClass::Space) {
      // A space: glue, a quarter em between Han and Latin (§3, not doubled).
      const Cluster* before = i > 0 ? &clusters[i - 1] : nullptr;
      const Cluster* after = last ? nullptr : &clusters[i + 1];
      const bool han_latin = before && after && text::han_latin_spacing(before->last_cls, after->cls);
      const double width = han_latin ? text::kHanLatinSpaceEm * em : c.advance;
      if (c.break_after && !last) {
        Item p;
        p.kind = ItemKind::Penalty;
        p.penalty = kLatinBreakPenalty;
        p.cluster_begin = p.cluster_end = i;
        items.push_back(p);
      }
      items.push_back(han_latin ? han_latin_glue(em, i)
                                : glue(width, kWordSpacePriorityStretchEm * em, kInterCharacterStretchEm * em,
                                       width * kWordSpaceShrinkFactor, i));
      items.back().cluster_end = i + 1;
      continue;
    }
    // A box; clusters with nothing between them (a Latin word, `——`) share one.
    const bool joins_previous = !items.empty() && items.back().kind == ItemKind::Box && i > 0 &&
                                items.back().cluster_end == i && items.back().shrink == 0 && items.back().removed == 0 &&
                                items.back().start_trim == 0 && c.blank == 0 &&
                                removed[i] == 0;
    if (joins_previous) {
      Item& box = items.back();
      box.width += c.advance;
      box.han += c.cls == CharClass::Han ? 1 : 0;
      box.cluster_end = i + 1;
    } else {
      Item box = box_of(c, i, options.typography.half_width_line_start);
      if (removed[i] > 0) {
        box.width -= removed[i];
        box.removed = removed[i];
        box.shrink = 0;
        box.start_trim = 0;
      }
      items.push_back(box);
    }
    const Item& box = items.back();
    if (last) break;
    const Cluster& next = clusters[i + 1];

    if (c.hyphen_after) {
      Item p;
      p.kind = ItemKind::Penalty;
      p.penalty = kHyphenPenalty;
      p.hyphen = true;
      p.width = shaped.runs[c.run].hyphen_advance;
      p.cluster_begin = p.cluster_end = i + 1;
      items.push_back(p);
    } else if (c.break_after) {
      Item p;
      p.kind = ItemKind::Penalty;
      p.penalty = text::is_chinese_class(c.last_cls) || text::is_chinese_class(next.cls) ? kCjkBreakPenalty
                                                                                         : kLatinBreakPenalty;
      if (c.inside_word) p.penalty += kInsideWordPenalty;
      if (options.typography.hanging_punctuation && hangs(c, box)) {
        p.hang = true;  // the whole mark outside: the line does not count it
        p.width = -box.width;
        p.shrink = -box.shrink;
      } else {
        p.width = -end_trim(c, box);
        p.shrink = -end_trim(c, box);
      }
      p.cluster_begin = p.cluster_end = i + 1;
      items.push_back(p);
    }
    if (next.cls == CharClass::Space) continue;
    if (spaced(c.last, c.last_cls, next.first, next.cls, options.typography)) {
      items.push_back(han_latin_glue(em, i + 1));
    } else if (text::inter_character_stretch(c.last, c.last_cls, next.first, next.cls) &&
               !pair_with_next[i]) {  // a compressed pair stays tight (§2)
      items.push_back(glue(0, 0, kInterCharacterStretchEm * em, 0, i + 1));
    }
  }

  Item end;
  end.kind = ItemKind::Penalty;
  end.forced = true;
  end.cluster_begin = end.cluster_end = static_cast<uint32_t>(clusters.size());
  if (!clusters.empty()) {
    const Item* last_box = nullptr;
    for (auto it = items.rbegin(); it != items.rend(); ++it)
      if (it->kind == ItemKind::Box) {
        last_box = &*it;
        break;
      }
    if (last_box && last_box->cluster_end == clusters.size()) {
      end.width = -end_trim(clusters.back(), *last_box);
      end.shrink = end.width;
    }
  }
  items.push_back(end);
}

}  // namespace huozi::layout
