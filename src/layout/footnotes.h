// Footnotes: how they are numbered (in the chapter, or on the page), and each
// note set small to go to the foot of the column whose line calls it.
#pragma once

#include <unordered_map>
#include <utility>
#include <vector>

#include "layout/compose.h"
#include "model/document.h"

namespace huozi::layout {

// Whether any of the nodes holds a footnote.
bool has_footnotes(const std::vector<model::Node>& nodes);

// Where the notes of one pass landed, in the order they were placed: (FlowNote::id, page number).
using NotePages = std::vector<std::pair<int, int>>;

// The number each footnote's mark shows.
class NoteNumbers {
 public:
  // Each note's number in its chapter (model::Node::number).
  NoteNumbers() = default;

  // footnotes="page": each note's number on its page, where a first pass
  // placed it. That pass sets every mark with its chapter number; circled
  // numbers are all one em wide, so renumbering them moves no line and no note
  // to another page. `notes` are that pass's, by FlowNote::id.
  static NoteNumbers per_page(const NotePages& placed, const std::vector<const model::Node*>& notes);

  int operator()(const model::Node& note) const;

 private:
  std::unordered_map<const model::Node*, int> on_page_;
};

// The first note the second pass placed on another page than the first did
// (a renumbered mark moved it after all), or null. `notes` by FlowNote::id.
const model::Node* first_moved_note(const NotePages& first, const NotePages& second,
                                    const std::vector<const model::Node*>& notes);

// The note's lines: its number, then its text, small, the width of the
// column. The notes its text calls (a note in a note) go to `inner`.
std::vector<TypesetLine> set_note(Composer& c, const model::Node& note, const NoteNumbers& numbers,
                                  std::vector<NoteCall>& inner);

}  // namespace huozi::layout
