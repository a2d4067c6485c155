#ifndef INTAKE_CZLIB_INFLATE_SHIM_H
#define INTAKE_CZLIB_INFLATE_SHIM_H
#include <zlib.h>

/// `inflateInit` is a macro (it passes the header's version and struct size): expose it as a function.
static inline int intake_inflate_init(z_stream *stream) { return inflateInit(stream); }
/// Raw deflate with no zlib header or trailer, as ZIP entries hold it.
static inline int intake_inflate_init_raw(z_stream *stream) { return inflateInit2(stream, -15); }
#endif
