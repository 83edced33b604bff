// Paragraphs already set, kept from one build to the next (`huozi watch`,
// issue 16): an edit to one paragraph re-shapes and re-breaks that paragraph
// only. A set paragraph is a function of its text, spans, styles and the
// measure; the key is all of them, so a hit gives the lines set() would.
//
// The cache is off unless a Scope is alive on the thread that lays out: the
// one-shot `huozi build` keeps nothing, and no layout code has to pass it on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/lines.h"

namespace huozi::layout {

struct ParagraphSource;
struct SetOptions;

class ParagraphCache {
 public:
  // The lines of a paragraph set before with the same key; null if none.
  const std::vector<Line>* find(const std::string& key);
  void store(std::string key, const std::vector<Line>& lines);

  // Ends a build: paragraphs no build used since the last call are dropped,
  // so the cache holds one book's paragraphs (and its trial settings) at most.
  void end_build();

  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }
  size_t size() const { return entries_.size(); }

  // The cache of this thread's layout while alive (scopes do not nest).
  class Scope {
   public:
    explicit Scope(ParagraphCache& cache);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
  };
  static ParagraphCache* current();

 private:
  struct Entry {
    std::vector<Line> lines;
    bool used = true;
  };
  std::unordered_map<std::string, Entry> entries_;
  size_t hits_ = 0, misses_ = 0;
};

// Everything set() reads, as bytes: the key of a paragraph in the cache.
// `fonts` (FontDb::serial) tells databases apart: face ids are theirs.
std::string paragraph_key(const ParagraphSource& source, const SetOptions& options, uint64_t fonts);

}  // namespace huozi::layout
