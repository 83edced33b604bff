#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace huozi {
namespace {

// When this process started: a temporary file older than that is not its own.
const std::filesystem::file_time_type kProcessStart = std::filesystem::file_time_type::clock::now();

// A build killed with SIGKILL runs no destructor and leaves its temporary file
// (and libzip's, named after it) behind. The next build of the same target
// removes those made before it started; a newer one may belong to a build
// running beside it.
void remove_stale_temporaries(const std::filesystem::path& target) {
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    if (it->path().filename().string().rfind(prefix, 0) != 0 || !it->is_regular_file(file_ec)) continue;
    if (it->last_write_time(file_ec) < kProcessStart && !file_ec) std::filesystem::remove(it->path(), file_ec);
  }
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  remove_stale_temporaries(target_);
  // The temporary name starts with a dot so a reader listing output/ does not
  // take it for a finished product; mkstemp makes it unique per build.
  std::string pattern =
      (target_.parent_path() / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) {
    error_ = "cannot create a file in " + target_.parent_path().string() + ": " +
             std::strerror(errno);
    return;
  }
  fchmod(fd, 0644);
  close(fd);
  temp_ = buf.data();
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_.empty()) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

bool AtomicFile::commit() {
  if (temp_.empty()) return false;
  // Flush the data to disk before the rename makes it visible.
  int fd = open(temp_.c_str(), O_RDONLY);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    error_ = "cannot write " + target_.string() + ": " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace huozi
