#include "layout/paragraph_cache.h"

#include <cstring>
#include <type_traits>

#include "layout/paragraph.h"

namespace huozi::layout {
namespace {

thread_local ParagraphCache* current_cache = nullptr;

template <typename T>
void put(std::string& key, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  key.append(bytes, sizeof(T));
}

void put_string(std::string& key, const std::string& s) {
  put(key, s.size());
  key += s;
}

// A field added to what set() reads must be added to the key: these fail to
// compile until paragraph_key is looked at.
static_assert(sizeof(Typography) == 3, "Typography changed: add its new fields to paragraph_key");
static_assert(sizeof(SetOptions) == 16, "SetOptions changed: update paragraph_key");
// (Sizes on x86-64 with libstdc++: role, size, rise, lang, combine; begin, end, style, where, tag.)
static_assert(sizeof(text::Style) == 24 + sizeof(std::string) + 8, "text::Style changed: update paragraph_key");
static_assert(sizeof(text::TextSpan) == 8 + sizeof(text::Style) + sizeof(SourceLocation) + 4,
              "text::TextSpan changed: update paragraph_key");
// (text, spans, lang, files, vertical and padding.)
static_assert(sizeof(text::TextInput) == sizeof(std::string) * 2 + sizeof(std::vector<text::TextSpan>) + 16,
              "text::TextInput changed: update paragraph_key");

}  // namespace

const std::vector<Line>* ParagraphCache::find(const std::string& key) {
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  it->second.used = true;
  return &it->second.lines;
}

void ParagraphCache::store(std::string key, const std::vector<Line>& lines) {
  entries_[std::move(key)] = Entry{lines, true};
}

void ParagraphCache::end_build() {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (!it->second.used) {
      it = entries_.erase(it);
    } else {
      it->second.used = false;
      ++it;
    }
  }
}

ParagraphCache::Scope::Scope(ParagraphCache& cache) { current_cache = &cache; }
ParagraphCache::Scope::~Scope() { current_cache = nullptr; }
ParagraphCache* ParagraphCache::current() { return current_cache; }

// The source places of the spans are left out: they only name places in
// diagnostics, and set() results that gave diagnostics are not cached.
std::string paragraph_key(const ParagraphSource& source, const SetOptions& options, uint64_t fonts) {
  std::string key;
  key.reserve(source.input.text.size() + 64 * source.input.spans.size() + 128);
  put(key, fonts);
  put_string(key, source.input.text);
  put_string(key, source.input.lang);
  put(key, source.input.vertical);
  put(key, source.input.spans.size());
  for (const text::TextSpan& span : source.input.spans) {
    put(key, span.begin);
    put(key, span.end);
    put(key, span.style.role);
    put(key, span.style.size_pt);
    put(key, span.style.rise_pt);
    put(key, span.style.combine);
    put_string(key, span.style.lang);
  }
  put(key, source.note_marks.size());
  for (const NoteMark& mark : source.note_marks) {
    put(key, mark.begin);
    put(key, mark.end);
  }
  put(key, source.indent);
  put(key, source.justify);
  put(key, source.em_pt);
  put(key, options.width_pt);
  put(key, options.strategy);
  put(key, options.typography.half_width_line_start);
  put(key, options.typography.hanging_punctuation);
  put(key, options.typography.han_digit_space);
  put(key, options.between_words);
  return key;
}

}  // namespace huozi::layout
