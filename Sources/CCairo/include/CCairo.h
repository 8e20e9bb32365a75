#ifndef C_CAIRO_H
#define C_CAIRO_H

/// Cairo's API for Plots. The functions Plots calls are defined in CairoLoader.c, which loads
/// libcairo.so.2 on the first call instead of when the process starts: cairo brings about twenty
/// libraries (pixman, fontconfig, freetype, X11, xcb, ...) that a kernel which has not drawn yet
/// need not load.
#include <cairo/cairo.h>

/// The shared library loaded on first use (the dynamic loader's search path applies).
#define C_CAIRO_LIBRARY "libcairo.so.2"

#endif
