#include "build/watch.h"

#include <algorithm>
#include <memory>

#include "build/cover_image.h"
#include "build/fonts.h"
#include "layout/paragraph_cache.h"
#include "model/loader.h"
#include "pdf/font_embedding.h"
#include "text/font_db.h"
#include "util/folder_watch.h"

namespace huozi::build {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The publication's folder, the output folder (when inside it, not watched).
fs::path absolute_folder(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : abs;
}

class Watcher {
 public:
  Watcher(const fs::path& source, const WatchOptions& options) : source_(source), options_(options) {}

  WatchRound build(std::vector<fs::path> changed) {
    WatchRound round;
    round.changed = std::move(changed);
    const auto start = Clock::now();
    model::LoadResult loaded = model::load_publication(source_);
    round.result.diagnostics = loaded.diagnostics;
    round.loaded = static_cast<bool>(loaded);
    if (loaded) {
      if (!fonts_) fonts_ = open_fonts(round.result.diagnostics);
      const size_t hits = cache_.hits(), misses = cache_.misses();
      {
        layout::ParagraphCache::Scope scope(cache_);
        std::error_code ec;
        fs::create_directories(options_.out_dir, ec);
        std::string stem = (options_.out_dir / output_name(source_, options_.build)).string();
        BuildSession session{fonts_.get(), &subsets_, &cover_};
        BuildResult built = build_outputs(std::move(*loaded.document), stem, options_.build, {}, session);
        round.result.diagnostics.append(built.diagnostics);
        round.result.written = std::move(built.written);
        round.result.notes = std::move(built.notes);
        round.result.pages = built.pages;
      }
      cache_.end_build();
      subsets_.end_build();
      // A face that failed (removed or replaced during the watch) is looked
      // for afresh next time, with nothing kept that was set in it.
      if (fonts_ && !fonts_->problems().items().empty()) {
        fonts_.reset();
        cache_ = {};
        subsets_.clear();
        cover_ = {};
      }
      round.paragraphs_set = cache_.misses() - misses;
      round.paragraphs_kept = cache_.hits() - hits;
    }
    round.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return round;
  }

 private:
  fs::path source_;
  const WatchOptions& options_;
  std::unique_ptr<text::FontDb> fonts_;
  layout::ParagraphCache cache_;
  pdf::SubsetCache subsets_;
  CoverImageCache cover_;
};

}  // namespace

bool is_publication_file(const fs::path& path) {
  std::string name = path.filename().string();
  if (name.empty() || name[0] == '.' || name[0] == '#') return false;  // hidden, swap, lock files
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".xml" || ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

std::string watch(const fs::path& source, const WatchOptions& options,
                  const std::function<void(const WatchRound&)>& report, const volatile std::sig_atomic_t& stop) {
  const fs::path folder = absolute_folder(source).parent_path();
  const fs::path out = absolute_folder(options.out_dir);
  // An output folder that holds the publication would see the build's own
  // files change (and a picture written there is a picture of the publication).
  auto [o, f] = std::mismatch(out.begin(), out.end(), folder.begin(), folder.end());
  if (o == out.end())
    return "the output folder " + out.string() + " holds the publication's folder; give -o another folder";
  FolderWatch changes(folder, out, is_publication_file);
  if (!changes.watching()) return changes.error();
  Watcher watcher(source, options);
  WatchRound first = watcher.build({});
  if (!changes.error().empty())
    first.result.diagnostics.warning(folder.string(), 0, 0, "not every folder is watched: " + changes.error(),
                                     "a change there does not start a build");
  report(first);
  while (!stop) {
    std::vector<fs::path> changed = changes.wait(options.quiet, stop);
    if (changed.empty()) continue;
    report(watcher.build(std::move(changed)));
  }
  return {};
}

}  // namespace huozi::build
