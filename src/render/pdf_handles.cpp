#include "render/pdf_handles.h"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "core/error.h"

namespace cjb::render::pdf {

void check_status(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw ProgramError(fmt::format("cannot create the PDF: {}: {}", what, cairo_status_to_string(status)));
}

SurfacePtr make_pdf_surface(cairo_write_func_t write, void* closure, double width_pt, double height_pt) {
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(write, closure, width_pt, height_pt));
  check_status(cairo_surface_status(surface.get()), "PDF surface");
  return surface;
}

CairoPtr make_context(cairo_surface_t* surface) {
  CairoPtr cr(cairo_create(surface));
  check_status(cairo_status(cr.get()), "drawing context");
  return cr;
}

PangoContextPtr make_pango_context(cairo_t* cr) {
  PangoContextPtr context(pango_cairo_create_context(cr));
  if (!context) throw ProgramError("cannot create the PDF: no pango context");
  // Unhinted metrics: text measures the same at every size and on every machine.
  FontOptionsPtr options(cairo_font_options_create());
  check_status(cairo_font_options_status(options.get()), "font options");
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), options.get());
  return context;
}

LayoutPtr make_layout(PangoContext* context) {
  LayoutPtr layout(pango_layout_new(context));
  if (!layout) throw ProgramError("cannot create the PDF: no pango layout");
  return layout;
}

FontDescriptionPtr make_font(const std::string& family, double size_pt, bool bold, bool italic) {
  FontDescriptionPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), family.c_str());
  pango_font_description_set_absolute_size(font.get(), size_pt * PANGO_SCALE);
  pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font.get(), italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return font;
}

}  // namespace cjb::render::pdf
