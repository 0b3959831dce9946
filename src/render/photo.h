#pragma once
// Photo evidence (docs/formats.md, assessments) for the reports: read with gdk-pixbuf, turned
// upright by the EXIF orientation, scaled down and re-encoded, so a report embeds a small
// picture rather than a camera's full-size file. Core knows only the file names (Photo).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <cairo.h>

#include "render/report_document.h"

namespace cjb::render {

struct PhotoOptions {
  int max_side = 480;      // longer side in pixels after scaling; default 480
  int jpeg_quality = 80;   // 0–100 for photos without transparency; default 80
};

// A photo ready to embed: JPEG (no alpha) or PNG (alpha), upright, at most max_side pixels.
struct EncodedPhoto {
  std::string mime_type;  // "image/jpeg" or "image/png"
  std::string bytes;
  int width = 0;
  int height = 0;
};

// Reads the file at path. Throws cjb::Error with gdk-pixbuf's reason when it is missing or not
// an image it can read.
EncodedPhoto load_photo(const std::string& path, const PhotoOptions& options = {});

// "data:image/jpeg;base64,…" for an HTML <img>.
std::string data_uri(const EncodedPhoto& photo);

// The photo as a cairo image surface for drawing; a JPEG keeps its bytes as the surface's
// MIME data, so cairo's PDF embeds it as a JPEG instead of re-compressing pixels.
std::shared_ptr<cairo_surface_t> photo_surface(const EncodedPhoto& photo);

// Loads each photo of a report once. A photo that cannot be loaded gives one warning naming the
// file and the item ("photo photos/x.jpg of J-ARR-P-03 cannot be read: …") and is left out:
// a missing photo never fails a report.
class PhotoCache {
 public:
  explicit PhotoCache(PhotoOptions options = {}) : options_(options) {}
  // nullptr when the photo cannot be loaded.
  const EncodedPhoto* get(const PhotoRef& ref);
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  PhotoOptions options_;
  std::map<std::string, std::unique_ptr<EncodedPhoto>> loaded_;  // by path; nullptr: failed
  std::map<std::string, std::string> reasons_;                   // by path, why it failed
  std::map<std::string, bool> warned_;                           // "path\nitem"
  std::vector<std::string> warnings_;
};

// Loads every photo of the document's tables once, for a renderer that only links them
// (Markdown), so that a missing photo still gives its warning.
void check_photos(const Document& document, PhotoCache& photos);

}  // namespace cjb::render
