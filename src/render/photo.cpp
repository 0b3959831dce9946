#include "render/photo.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "core/error.h"
#include "util/handle.h"

namespace cjb::render {

namespace {

using PixbufPtr = Handle<GdkPixbuf, g_object_unref>;
using ErrorPtr = Handle<GError, g_error_free>;

// The file upright and no larger than max_side on its longer side.
PixbufPtr upright_scaled(const std::string& path, int max_side) {
  GError* raw = nullptr;
  PixbufPtr original(gdk_pixbuf_new_from_file(path.c_str(), &raw));
  ErrorPtr error(raw);
  if (!original) throw Error(error ? error->message : "not an image");
  // A camera stores the picture as the sensor saw it and says in the EXIF orientation tag
  // how to turn it; apply_embedded_orientation returns a new reference either way.
  PixbufPtr upright(gdk_pixbuf_apply_embedded_orientation(original.get()));
  if (!upright) throw Error("cannot apply its EXIF orientation");
  int w = gdk_pixbuf_get_width(upright.get()), h = gdk_pixbuf_get_height(upright.get());
  int longer = std::max(w, h);
  if (longer <= max_side) return upright;
  double f = static_cast<double>(max_side) / longer;
  int sw = std::max(1, static_cast<int>(std::lround(w * f))), sh = std::max(1, static_cast<int>(std::lround(h * f)));
  PixbufPtr scaled(gdk_pixbuf_scale_simple(upright.get(), sw, sh, GDK_INTERP_BILINEAR));
  if (!scaled) throw Error("out of memory while scaling");
  return scaled;
}

std::string encode(GdkPixbuf* pixbuf, bool png, int quality) {
  gchar* buffer = nullptr;
  gsize size = 0;
  GError* raw = nullptr;
  std::string q = std::to_string(std::clamp(quality, 0, 100));
  gboolean ok = png ? gdk_pixbuf_save_to_buffer(pixbuf, &buffer, &size, "png", &raw, nullptr)
                    : gdk_pixbuf_save_to_buffer(pixbuf, &buffer, &size, "jpeg", &raw, "quality", q.c_str(), nullptr);
  ErrorPtr error(raw);
  if (!ok) throw Error(fmt::format("cannot encode it: {}", error ? error->message : "unknown error"));
  std::string bytes(buffer, size);
  g_free(buffer);
  return bytes;
}

PixbufPtr decode(const std::string& bytes) {
  struct LoaderUnref {
    void operator()(GdkPixbufLoader* l) const {
      gdk_pixbuf_loader_close(l, nullptr);
      g_object_unref(l);
    }
  };
  std::unique_ptr<GdkPixbufLoader, LoaderUnref> loader(gdk_pixbuf_loader_new());
  GError* raw = nullptr;
  if (!gdk_pixbuf_loader_write(loader.get(), reinterpret_cast<const guchar*>(bytes.data()), bytes.size(), &raw) ||
      !gdk_pixbuf_loader_close(loader.get(), &raw)) {
    ErrorPtr error(raw);
    throw Error(fmt::format("cannot decode a photo: {}", error ? error->message : "unknown error"));
  }
  GdkPixbuf* pixbuf = gdk_pixbuf_loader_get_pixbuf(loader.get());
  if (!pixbuf) throw Error("cannot decode a photo");
  return PixbufPtr(GDK_PIXBUF(g_object_ref(pixbuf)));
}

}  // namespace

EncodedPhoto load_photo(const std::string& path, const PhotoOptions& options) {
  PixbufPtr pixbuf = upright_scaled(path, options.max_side);
  bool png = gdk_pixbuf_get_has_alpha(pixbuf.get());
  EncodedPhoto photo;
  photo.mime_type = png ? "image/png" : "image/jpeg";
  photo.bytes = encode(pixbuf.get(), png, options.jpeg_quality);
  photo.width = gdk_pixbuf_get_width(pixbuf.get());
  photo.height = gdk_pixbuf_get_height(pixbuf.get());
  return photo;
}

std::string data_uri(const EncodedPhoto& photo) {
  gchar* base64 = g_base64_encode(reinterpret_cast<const guchar*>(photo.bytes.data()), photo.bytes.size());
  std::string uri = "data:" + photo.mime_type + ";base64," + base64;
  g_free(base64);
  return uri;
}

std::shared_ptr<cairo_surface_t> photo_surface(const EncodedPhoto& photo) {
  PixbufPtr pixbuf = decode(photo.bytes);
  int w = gdk_pixbuf_get_width(pixbuf.get()), h = gdk_pixbuf_get_height(pixbuf.get());
  int channels = gdk_pixbuf_get_n_channels(pixbuf.get()), stride = gdk_pixbuf_get_rowstride(pixbuf.get());
  const guchar* pixels = gdk_pixbuf_read_pixels(pixbuf.get());
  std::shared_ptr<cairo_surface_t> surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h), cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw Error("cannot create a surface for a photo");
  cairo_surface_flush(surface.get());
  unsigned char* out = cairo_image_surface_get_data(surface.get());
  int out_stride = cairo_image_surface_get_stride(surface.get());
  // gdk-pixbuf holds RGB(A) bytes, not premultiplied; cairo wants native-endian premultiplied ARGB.
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const guchar* p = pixels + y * stride + x * channels;
      uint32_t a = channels == 4 ? p[3] : 255;
      auto pre = [a](uint32_t c) { return (c * a + 127) / 255; };
      uint32_t argb = (a << 24) | (pre(p[0]) << 16) | (pre(p[1]) << 8) | pre(p[2]);
      *reinterpret_cast<uint32_t*>(out + y * out_stride + x * 4) = argb;
    }
  }
  cairo_surface_mark_dirty(surface.get());
  if (photo.mime_type == "image/jpeg") {
    auto* copy = new std::string(photo.bytes);
    cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(copy->data()),
                                copy->size(), [](void* p) { delete static_cast<std::string*>(p); }, copy);
  }
  return surface;
}

const EncodedPhoto* PhotoCache::get(const PhotoRef& ref) {
  auto found = loaded_.find(ref.path);
  std::string reason;
  if (found == loaded_.end()) {
    std::unique_ptr<EncodedPhoto> photo;
    try {
      photo = std::make_unique<EncodedPhoto>(load_photo(ref.path, options_));
    } catch (const Error& e) {
      reason = e.what();
    }
    found = loaded_.emplace(ref.path, std::move(photo)).first;
    if (!found->second) reasons_[ref.path] = reason;
  }
  if (!found->second) {
    std::string key = ref.path + "\n" + ref.item;
    if (!warned_.count(key)) {
      warned_[key] = true;
      warnings_.push_back(fmt::format("photo {} of {} cannot be read: {}", ref.file, ref.item, reasons_[ref.path]));
    }
  }
  return found->second.get();
}

void check_photos(const Document& document, PhotoCache& photos) {
  for (const auto& section : document.sections)
    for (const auto& block : section.blocks)
      if (const auto* table = std::get_if<Table>(&block))
        for (const auto& row : table->rows)
          for (const auto& cell : row)
            for (const auto& ref : cell.photos) photos.get(ref);
}

}  // namespace cjb::render
