// Changes to the files of a folder tree, with Linux inotify: what `huozi
// watch` waits on. The whole publication folder is watched (an included file
// or picture can only be inside it), so a file the last load could not list
// (the source had errors) is still seen.
#pragma once

#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace huozi {

class FolderWatch {
 public:
  // Watches `root` and its subfolders, except `skip` (the output folder when
  // it is inside); `wanted` says which changed files count (by path).
  FolderWatch(const std::filesystem::path& root, const std::filesystem::path& skip,
              std::function<bool(const std::filesystem::path&)> wanted);
  ~FolderWatch();
  FolderWatch(const FolderWatch&) = delete;
  FolderWatch& operator=(const FolderWatch&) = delete;

  // Empty, or why the folder (or a part of it) cannot be watched.
  const std::string& error() const { return error_; }
  // False when not even the root could be watched.
  bool watching() const { return !folders_.empty(); }

  // Waits for a change to a wanted file, then until `quiet` passes without
  // another (an editor's save is several events; a tool may write many
  // files); returns the changed files, or nothing once `stop` is set.
  std::vector<std::filesystem::path> wait(std::chrono::milliseconds quiet, const volatile std::sig_atomic_t& stop);

 private:
  void add_tree(const std::filesystem::path& folder);
  bool add_folder(const std::filesystem::path& folder);
  // Reads the events ready within timeout_ms; adds changed wanted files to `changed`.
  bool read_events(int timeout_ms, std::vector<std::filesystem::path>& changed);

  int fd_ = -1;
  std::filesystem::path root_, skip_;
  std::function<bool(const std::filesystem::path&)> wanted_;
  std::vector<std::pair<int, std::filesystem::path>> folders_;  // watch descriptor -> folder
  std::string error_;
};

}  // namespace huozi
