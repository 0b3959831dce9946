#pragma once
// Owning handles for C libraries' objects: std::unique_ptr with the library's own free function
// as its deleter, so every adapter closes what it opens on every path, exceptions included.
//   using Archive = cjb::Handle<zip_t, zip_discard>;
//   Archive archive(zip_open_from_source(...));

#include <memory>

namespace cjb {

// Calls Free(pointer); the free function's result (some return a status) is of no use here.
template <auto Free>
struct FreeWith {
  template <typename T>
  void operator()(T* pointer) const {
    Free(pointer);
  }
};

template <typename T, auto Free>
using Handle = std::unique_ptr<T, FreeWith<Free>>;

}  // namespace cjb
