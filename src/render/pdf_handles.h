#pragma once
// Move-only owners of the cairo and pango C handles the PDF renderer uses, so that no path
// (an exception included) leaks one. Each make_* checks the status cairo reports after the
// create call and throws cjb::Error when it failed.

#include <memory>
#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "render/laid_out_text.h"

namespace cjb::render::pdf {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectDeleter {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct FontOptionsDeleter {
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, ContextDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, FontOptionsDeleter>;

// Throws cjb::Error("cannot create the PDF: <what>: <cairo's message>") for a failed status.
void check_status(cairo_status_t status, const char* what);

// A PDF surface that calls write(closure, data, length) for every chunk it produces.
SurfacePtr make_pdf_surface(cairo_write_func_t write, void* closure, double width_pt, double height_pt);
CairoPtr make_context(cairo_surface_t* surface);
PangoContextPtr make_pango_context(cairo_t* cr);
LayoutPtr make_layout(PangoContext* context);
FontDescriptionPtr make_font(const std::string& family, double size_pt, bool bold = false, bool italic = false);

}  // namespace cjb::render::pdf
