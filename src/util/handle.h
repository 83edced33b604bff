// An owner for a C library handle: std::unique_ptr with the library's own
// destroy function, so every handle is released on every path.
#pragma once

#include <memory>

namespace huozi {

template <typename T, void (*Destroy)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p) Destroy(p);
  }
};

template <typename T, void (*Destroy)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Destroy>>;

}  // namespace huozi
