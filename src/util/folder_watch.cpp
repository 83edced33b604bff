#include "util/folder_watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace huozi {
namespace {

namespace fs = std::filesystem;

// Enough for any real publication; a folder tree larger than this is not
// watched further (a hostile or mistaken root such as /).
constexpr size_t kMaxFolders = 4096;

// What an editor's save or a tool's write looks like: a file written and
// closed, moved in (save by rename), created, removed or moved away.
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;

// Folders no publication keeps its sources in, and that can be large.
bool skipped_folder(const fs::path& folder) {
  std::string name = folder.filename().string();
  return !name.empty() && (name[0] == '.' || name == "node_modules");
}

}  // namespace

FolderWatch::FolderWatch(const fs::path& root, const fs::path& skip, std::function<bool(const fs::path&)> wanted)
    : root_(root), skip_(skip), wanted_(std::move(wanted)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::string("cannot watch files: ") + std::strerror(errno);
    return;
  }
  add_tree(root);
}

FolderWatch::~FolderWatch() {
  if (fd_ >= 0) close(fd_);
}

bool FolderWatch::add_folder(const fs::path& folder) {
  if (folders_.size() >= kMaxFolders) {
    if (error_.empty()) error_ = "more than " + std::to_string(kMaxFolders) + " folders under the publication";
    return false;
  }
  int wd = inotify_add_watch(fd_, folder.c_str(), kEvents | IN_ONLYDIR);
  if (wd < 0) {
    error_ = "cannot watch " + folder.string() + ": " + std::strerror(errno);
    return false;
  }
  // A folder renamed within the tree keeps its descriptor: the new path replaces the old.
  auto known = std::find_if(folders_.begin(), folders_.end(), [&](const auto& f) { return f.first == wd; });
  if (known != folders_.end())
    known->second = folder;
  else
    folders_.emplace_back(wd, folder);
  return true;
}

void FolderWatch::add_tree(const fs::path& folder) {
  std::error_code ec;
  if (!skip_.empty() && fs::equivalent(folder, skip_, ec)) return;
  if (!add_folder(folder)) return;
  // Symbolic links are not followed: they may lead out of the publication.
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec) && !skipped_folder(it->path())) add_tree(it->path());
}

bool FolderWatch::read_events(int timeout_ms, std::vector<fs::path>& changed) {
  pollfd p{fd_, POLLIN, 0};
  int ready = poll(&p, 1, timeout_ms);
  if (ready <= 0) return false;  // timed out, or a signal came
  alignas(inotify_event) char buffer[16 * 1024];
  bool any = false;
  for (ssize_t n; (n = read(fd_, buffer, sizeof buffer)) > 0;) {
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->mask & IN_Q_OVERFLOW) {  // events were lost: something changed, the root stands for it
        any = true;
        if (std::find(changed.begin(), changed.end(), root_) == changed.end()) changed.push_back(root_);
        continue;
      }
      auto folder = std::find_if(folders_.begin(), folders_.end(), [&](const auto& f) { return f.first == e->wd; });
      if (folder == folders_.end()) continue;
      if (e->mask & IN_IGNORED) {  // the folder is gone
        folders_.erase(folder);
        continue;
      }
      if (e->len == 0) continue;
      fs::path path = folder->second / e->name;
      if (e->mask & IN_ISDIR) {
        if (skipped_folder(path) || path == skip_) continue;  // the build's own output folder, made or moved
        // A folder moved in (or made and filled at once) may hold an
        // included file; one moved out or removed may have held one.
        if (e->mask & (IN_CREATE | IN_MOVED_TO)) add_tree(path);
        any = true;
        if (std::find(changed.begin(), changed.end(), path) == changed.end()) changed.push_back(path);
        continue;
      }
      if (!wanted_(path)) continue;
      any = true;
      if (std::find(changed.begin(), changed.end(), path) == changed.end()) changed.push_back(path);
    }
  }
  return any;
}

std::vector<fs::path> FolderWatch::wait(std::chrono::milliseconds quiet, const volatile std::sig_atomic_t& stop) {
  std::vector<fs::path> changed;
  if (fd_ < 0) return changed;
  // Poll in short steps so that `stop` is seen soon after a signal.
  constexpr int kStepMs = 200;
  while (!stop && !read_events(kStepMs, changed)) {
  }
  // Then until `quiet` has passed since the last change that counts (events
  // for other files do not end the wait), but not forever: a file written
  // without pause still builds every few seconds.
  using Clock = std::chrono::steady_clock;
  const auto give_up = Clock::now() + std::chrono::seconds(3);
  auto settled = Clock::now() + quiet;
  for (auto now = Clock::now(); !stop && now < settled && now < give_up; now = Clock::now()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(settled - now).count();
    if (read_events(static_cast<int>(std::max<long long>(left, 1)), changed)) settled = Clock::now() + quiet;
  }
  if (stop) changed.clear();
  return changed;
}

}  // namespace huozi
