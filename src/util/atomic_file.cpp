#include "util/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <vector>

namespace huozi {
namespace {

// When this process started: a temporary file newer than that is not a dead build's.
const std::filesystem::file_time_type kProcessStart = std::filesystem::file_time_type::clock::now();

// ".NAME.tmp-": what every temporary of target starts with, before "PID-XXXXXX".
std::string temporary_prefix(const std::filesystem::path& target) {
  // Appended piece by piece: "x" + std::string builds trip GCC 12's -Wrestrict
  // false positive (GCC bug 105329).
  std::string prefix = ".";
  prefix += target.filename().string();
  prefix += ".tmp-";
  return prefix;
}

// The process id a temporary's name carries after the prefix, or 0.
pid_t owner_of(const std::string& name, size_t prefix_size) {
  const char* begin = name.data() + prefix_size;
  const char* end = name.data() + name.size();
  long pid = 0;
  auto [rest, ec] = std::from_chars(begin, end, pid);
  if (ec != std::errc() || rest == begin || rest == end || *rest != '-' || pid <= 0) return 0;
  return static_cast<pid_t>(pid);
}

// True only when no process pid exists (kill(2) says ESRCH): one we may not
// signal (EPERM) is alive.
bool provably_dead(pid_t pid) { return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH; }

// A build killed with SIGKILL runs no destructor and leaves its temporary file
// (and libzip's, named after it) behind. The next build of the same target
// removes those whose process has gone and that are older than it; a build
// running beside it keeps its own.
void remove_stale_temporaries(const std::filesystem::path& target) {
  const std::string prefix = temporary_prefix(target);
  std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0 || !it->is_regular_file(file_ec)) continue;
    pid_t owner = owner_of(name, prefix.size());
    if (owner == 0 || !provably_dead(owner)) continue;
    if (it->last_write_time(file_ec) < kProcessStart && !file_ec)
      std::filesystem::remove(it->path(), file_ec);
  }
}

std::string describe_errno(const std::string& what) { return what + ": " + std::strerror(errno); }

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  remove_stale_temporaries(target_);
  // The temporary name starts with a dot so a reader listing output/ does not
  // take it for a finished product; the process id and mkstemp make it unique.
  std::string pattern =
      (target_.parent_path() / (temporary_prefix(target_) + std::to_string(getpid()) + "-XXXXXX")).string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) {
    error_ = describe_errno("cannot create a file in " + target_.parent_path().string());
    return;
  }
  fchmod(fd, 0644);
  close(fd);
  temp_ = buf.data();
}

AtomicFile::~AtomicFile() {
  if (stream_) std::fclose(stream_);
  if (!committed_ && !temp_.empty()) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

std::FILE* AtomicFile::stream() {
  if (!stream_ && !temp_.empty()) {
    stream_ = std::fopen(temp_.c_str(), "wb");
    if (!stream_) error_ = describe_errno("cannot write " + target_.string());
  }
  return stream_;
}

bool AtomicFile::close_stream() {
  if (!stream_) return true;
  bool ok = std::fflush(stream_) == 0 && !std::ferror(stream_);
  if (!ok) error_ = describe_errno("cannot write " + target_.string());
  if (std::fclose(stream_) != 0 && ok) {
    error_ = describe_errno("cannot write " + target_.string());
    ok = false;
  }
  stream_ = nullptr;
  return ok;
}

bool AtomicFile::commit() {
  if (temp_.empty()) return false;
  if (!close_stream()) return false;
  // Flush the data to disk before the rename makes it visible; a file system
  // that finds it cannot (no space for delayed allocation, an I/O error) says so here.
  int fd = open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || (fsync(fd) != 0 && errno != EINVAL)) {
    error_ = describe_errno("cannot write " + target_.string());
    if (fd >= 0) close(fd);
    return false;
  }
  close(fd);
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    error_ = describe_errno("cannot write " + target_.string());
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace huozi
