#ifndef INTAKE_CPOPPLER_SHIM_H
#define INTAKE_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>

/// Macros do not import into Swift: expose the error domains as functions.
static inline GQuark intake_poppler_error_quark(void) { return poppler_error_quark(); }
static inline GQuark intake_g_file_error_quark(void) { return g_file_error_quark(); }
static inline void intake_g_object_unref(void *object) { if (object) g_object_unref(object); }
#endif
