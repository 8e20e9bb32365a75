// Defines the cairo functions Plots calls by forwarding to libcairo.so.2, loaded on the first call.
// Calling a cairo function not listed here fails at link time: add it, with the prototype from cairo.h.
#include "CCairo.h"
#include "CSharedLibrary.h"
#include <dlfcn.h>

static struct shared_library cairo = SHARED_LIBRARY_INITIALIZER(C_CAIRO_LIBRARY, RTLD_NOW | RTLD_LOCAL);

void cairo_arc(cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2) { SHARED_LIBRARY_FUNCTION(cairo, cairo_arc)(cr, xc, yc, radius, angle1, angle2); }
void cairo_clip(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_clip)(cr); }
cairo_t *cairo_create(cairo_surface_t *target) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_create)(target); }
void cairo_destroy(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_destroy)(cr); }
void cairo_fill(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_fill)(cr); }
void cairo_font_extents(cairo_t *cr, cairo_font_extents_t *extents) { SHARED_LIBRARY_FUNCTION(cairo, cairo_font_extents)(cr, extents); }
cairo_font_options_t *cairo_font_options_create(void) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_font_options_create)(); }
void cairo_font_options_destroy(cairo_font_options_t *options) { SHARED_LIBRARY_FUNCTION(cairo, cairo_font_options_destroy)(options); }
void cairo_font_options_set_antialias(cairo_font_options_t *options, cairo_antialias_t antialias) { SHARED_LIBRARY_FUNCTION(cairo, cairo_font_options_set_antialias)(options, antialias); }
void cairo_font_options_set_hint_metrics(cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics) { SHARED_LIBRARY_FUNCTION(cairo, cairo_font_options_set_hint_metrics)(options, hint_metrics); }
void cairo_font_options_set_hint_style(cairo_font_options_t *options, cairo_hint_style_t hint_style) { SHARED_LIBRARY_FUNCTION(cairo, cairo_font_options_set_hint_style)(options, hint_style); }
cairo_pattern_t *cairo_get_source(cairo_t *cr) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_get_source)(cr); }
cairo_surface_t *cairo_image_surface_create(cairo_format_t format, int width, int height) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_image_surface_create)(format, width, height); }
unsigned char *cairo_image_surface_get_data(cairo_surface_t *surface) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_image_surface_get_data)(surface); }
int cairo_image_surface_get_stride(cairo_surface_t *surface) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_image_surface_get_stride)(surface); }
void cairo_line_to(cairo_t *cr, double x, double y) { SHARED_LIBRARY_FUNCTION(cairo, cairo_line_to)(cr, x, y); }
void cairo_move_to(cairo_t *cr, double x, double y) { SHARED_LIBRARY_FUNCTION(cairo, cairo_move_to)(cr, x, y); }
void cairo_new_sub_path(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_new_sub_path)(cr); }
void cairo_paint(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_paint)(cr); }
void cairo_pattern_set_filter(cairo_pattern_t *pattern, cairo_filter_t filter) { SHARED_LIBRARY_FUNCTION(cairo, cairo_pattern_set_filter)(pattern, filter); }
void cairo_rectangle(cairo_t *cr, double x, double y, double width, double height) { SHARED_LIBRARY_FUNCTION(cairo, cairo_rectangle)(cr, x, y, width, height); }
cairo_t *cairo_reference(cairo_t *cr) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_reference)(cr); }
void cairo_reset_clip(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_reset_clip)(cr); }
void cairo_restore(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_restore)(cr); }
void cairo_rotate(cairo_t *cr, double angle) { SHARED_LIBRARY_FUNCTION(cairo, cairo_rotate)(cr, angle); }
void cairo_save(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_save)(cr); }
void cairo_scale(cairo_t *cr, double sx, double sy) { SHARED_LIBRARY_FUNCTION(cairo, cairo_scale)(cr, sx, sy); }
void cairo_select_font_face(cairo_t *cr, const char *family, cairo_font_slant_t slant, cairo_font_weight_t weight) { SHARED_LIBRARY_FUNCTION(cairo, cairo_select_font_face)(cr, family, slant, weight); }
void cairo_set_antialias(cairo_t *cr, cairo_antialias_t antialias) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_antialias)(cr, antialias); }
void cairo_set_dash(cairo_t *cr, const double *dashes, int num_dashes, double offset) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_dash)(cr, dashes, num_dashes, offset); }
void cairo_set_font_face(cairo_t *cr, cairo_font_face_t *font_face) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_font_face)(cr, font_face); }
void cairo_set_font_options(cairo_t *cr, const cairo_font_options_t *options) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_font_options)(cr, options); }
void cairo_set_font_size(cairo_t *cr, double size) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_font_size)(cr, size); }
void cairo_set_line_cap(cairo_t *cr, cairo_line_cap_t line_cap) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_line_cap)(cr, line_cap); }
void cairo_set_line_join(cairo_t *cr, cairo_line_join_t line_join) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_line_join)(cr, line_join); }
void cairo_set_line_width(cairo_t *cr, double width) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_line_width)(cr, width); }
void cairo_set_source_rgba(cairo_t *cr, double red, double green, double blue, double alpha) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_source_rgba)(cr, red, green, blue, alpha); }
void cairo_set_source_surface(cairo_t *cr, cairo_surface_t *surface, double x, double y) { SHARED_LIBRARY_FUNCTION(cairo, cairo_set_source_surface)(cr, surface, x, y); }
void cairo_show_text(cairo_t *cr, const char *utf8) { SHARED_LIBRARY_FUNCTION(cairo, cairo_show_text)(cr, utf8); }
cairo_status_t cairo_status(cairo_t *cr) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_status)(cr); }
const char *cairo_status_to_string(cairo_status_t status) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_status_to_string)(status); }
void cairo_stroke(cairo_t *cr) { SHARED_LIBRARY_FUNCTION(cairo, cairo_stroke)(cr); }
void cairo_surface_destroy(cairo_surface_t *surface) { SHARED_LIBRARY_FUNCTION(cairo, cairo_surface_destroy)(surface); }
void cairo_surface_flush(cairo_surface_t *surface) { SHARED_LIBRARY_FUNCTION(cairo, cairo_surface_flush)(surface); }
void cairo_surface_mark_dirty(cairo_surface_t *surface) { SHARED_LIBRARY_FUNCTION(cairo, cairo_surface_mark_dirty)(surface); }
cairo_surface_t *cairo_surface_reference(cairo_surface_t *surface) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_surface_reference)(surface); }
cairo_status_t cairo_surface_status(cairo_surface_t *surface) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_surface_status)(surface); }
void cairo_text_extents(cairo_t *cr, const char *utf8, cairo_text_extents_t *extents) { SHARED_LIBRARY_FUNCTION(cairo, cairo_text_extents)(cr, utf8, extents); }
cairo_font_face_t *cairo_toy_font_face_create(const char *family, cairo_font_slant_t slant, cairo_font_weight_t weight) { return SHARED_LIBRARY_FUNCTION(cairo, cairo_toy_font_face_create)(family, slant, weight); }
void cairo_translate(cairo_t *cr, double tx, double ty) { SHARED_LIBRARY_FUNCTION(cairo, cairo_translate)(cr, tx, ty); }
