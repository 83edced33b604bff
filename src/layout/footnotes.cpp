#include "layout/footnotes.h"

#include <algorithm>

namespace huozi::layout {

using model::Node;
using model::NodeKind;

bool has_footnotes(const std::vector<Node>& nodes) {
  for (const Node& n : nodes)
    if (n.kind == NodeKind::Footnote || has_footnotes(n.children)) return true;
  return false;
}

NoteNumbers NoteNumbers::per_page(const NotePages& placed, const std::vector<const Node*>& notes) {
  NoteNumbers numbers;
  int page = -1, number = 0;
  for (const auto& [id, on_page] : placed) {
    if (on_page != page) page = on_page, number = 0;
    numbers.on_page_[notes[static_cast<size_t>(id)]] = ++number;
  }
  return numbers;
}

int NoteNumbers::operator()(const Node& note) const {
  auto it = on_page_.find(&note);
  return it == on_page_.end() ? note.number : it->second;
}

const Node* first_moved_note(const NotePages& first, const NotePages& second,
                             const std::vector<const Node*>& notes) {
  auto [a, b] = std::mismatch(first.begin(), first.end(), second.begin(), second.end());
  int id = b != second.end() ? b->first : a != first.end() ? a->first : -1;
  return id >= 0 && static_cast<size_t>(id) < notes.size() ? notes[static_cast<size_t>(id)] : nullptr;
}

std::vector<TypesetLine> set_note(Composer& c, const Node& note, const NoteNumbers& numbers,
                                  std::vector<NoteCall>& inner) {
  Setting small;
  small.scale = c.style.note_scale;
  small.lead = model::circled_number(numbers(note)) + "\u3000";
  return c.set(note, Measure{0, c.g.column_width()}, small, numbers, inner);
}

}  // namespace huozi::layout
