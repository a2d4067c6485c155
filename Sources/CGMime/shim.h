#ifndef INTAKE_CGMIME_SHIM_H
#define INTAKE_CGMIME_SHIM_H
#include <gmime/gmime.h>

/// GObject type checks are macros; Swift needs functions.
static inline int intake_gmime_is_part(GMimeObject *o) { return GMIME_IS_PART(o); }
static inline int intake_gmime_is_multipart(GMimeObject *o) { return GMIME_IS_MULTIPART(o); }
static inline int intake_gmime_is_message_part(GMimeObject *o) { return GMIME_IS_MESSAGE_PART(o); }
static inline void intake_g_object_unref(void *object) { if (object) g_object_unref(object); }
#endif
