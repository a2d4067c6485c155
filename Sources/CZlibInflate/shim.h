#ifndef INTAKE_CZLIB_INFLATE_SHIM_H
#define INTAKE_CZLIB_INFLATE_SHIM_H
#include <zlib.h>

/// `inflateInit` is a macro (it passes the header's version and struct size): expose it as a function.
static inline int intake_inflate_init(z_stream *stream) { return inflateInit(stream); }
#endif
