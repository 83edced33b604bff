#include "text/hyphenation.h"

#include <hyphen.h>

#include <cstdlib>
#include <memory>

#include "util/handle.h"

namespace huozi::text {
namespace {

using HyphenDictPtr = std::unique_ptr<HyphenDict, Deleter<HyphenDict, hnj_hyphen_free>>;

// Loaded on first use and kept for the process: the patterns are read only
// while hyphenating, so every thread's shaper shares them.
HyphenDict* patterns() {
  static const HyphenDictPtr dict = [] {
    const char* path = std::getenv("HUOZI_HYPHEN_DICT");
    return HyphenDictPtr(hnj_hyphen_load(path && *path ? path : HUOZI_HYPHEN_DICT));
  }();
  return dict.get();
}

constexpr size_t kMaxCachedWords = 1 << 16;

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

Hyphenator::Hyphenator() = default;

bool Hyphenator::available() const { return patterns() != nullptr; }

bool Hyphenator::wants(std::string_view word) {
  if (word.size() < kHyphenMinWord || word.size() > kHyphenMaxWord) return false;
  const bool capitalised = word[0] >= 'A' && word[0] <= 'Z';
  if (capitalised && word.size() < kHyphenMinCapitalised) return false;
  for (size_t k = capitalised ? 1 : 0; k < word.size(); ++k)
    if (!is_lower(word[k])) return false;
  return true;
}

void Hyphenator::hyphenate(std::string_view word, std::vector<uint8_t>& points) {
  points.assign(word.size(), 0);
  HyphenDict* dict = patterns();
  if (!dict || !wants(word)) return;
  std::string key(word);
  key[0] = static_cast<char>(key[0] | 0x20);  // the patterns are lower case
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    std::vector<char> hyphens(key.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate3(dict, key.data(), static_cast<int>(key.size()), hyphens.data(), nullptr, &rep, &pos,
                          &cut, kHyphenMinLeft, kHyphenMinRight, kHyphenMinLeft, kHyphenMinRight);
    std::vector<uint8_t> found(key.size(), 0);
    // hyphens[k] odd: a hyphen may follow letter k. Non-standard breaks
    // (rep/pos/cut, which change letters) are not used: English has none.
    for (size_t k = 0; k + 1 < key.size(); ++k)
      if ((hyphens[k] - '0') & 1) found[k + 1] = 1;
    if (rep) {
      for (size_t k = 0; k < key.size(); ++k) std::free(rep[k]);
      std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    if (cache_.size() >= kMaxCachedWords) cache_.clear();
    it = cache_.emplace(std::move(key), std::move(found)).first;
  }
  points = it->second;
}

}  // namespace huozi::text
