#ifndef INTAKE_CGMIME_SHIM_H
#define INTAKE_CGMIME_SHIM_H
#include <gmime/gmime.h>

/// GObject type checks are macros; Swift needs functions.
static inline int intake_gmime_is_part(GMimeObject *o) { return GMIME_IS_PART(o); }
static inline int intake_gmime_is_multipart(GMimeObject *o) { return GMIME_IS_MULTIPART(o); }
static inline int intake_gmime_is_message_part(GMimeObject *o) { return GMIME_IS_MESSAGE_PART(o); }
static inline int intake_gmime_is_text_part(GMimeObject *o) { return GMIME_IS_TEXT_PART(o); }
static inline void intake_g_object_unref(void *object) { if (object) g_object_unref(object); }

/// The children of a multipart, as plain GMimeObject pointers (borrowed, not owned).
static inline int intake_gmime_multipart_count(GMimeObject *o) {
    return GMIME_IS_MULTIPART(o) ? g_mime_multipart_get_count(GMIME_MULTIPART(o)) : 0;
}
static inline GMimeObject *intake_gmime_multipart_child(GMimeObject *o, int index) {
    return GMIME_IS_MULTIPART(o) ? g_mime_multipart_get_part(GMIME_MULTIPART(o), index) : NULL;
}

/// The message inside a message/rfc822 part (borrowed), or NULL.
static inline GMimeMessage *intake_gmime_message_part_message(GMimeObject *o) {
    return GMIME_IS_MESSAGE_PART(o) ? g_mime_message_part_get_message(GMIME_MESSAGE_PART(o)) : NULL;
}

/// "type/subtype", lowercased by GMime; free with g_free. NULL when the object has no type.
static inline char *intake_gmime_object_mime_type(GMimeObject *o) {
    GMimeContentType *type = g_mime_object_get_content_type(o);
    return type ? g_mime_content_type_get_mime_type(type) : NULL;
}

/// The Content-Disposition value ("inline", "attachment"; borrowed), or NULL when absent.
static inline const char *intake_gmime_object_disposition(GMimeObject *o) {
    return g_mime_object_get_disposition(o);
}

/// Whether the part has a Content-ID (what an HTML body refers to as cid:…).
static inline int intake_gmime_object_has_content_id(GMimeObject *o) {
    const char *id = g_mime_object_get_content_id(o);
    return id != NULL && id[0] != 0;
}

static inline int intake_gmime_part_is_attachment(GMimeObject *o) {
    return GMIME_IS_PART(o) ? g_mime_part_is_attachment(GMIME_PART(o)) : 0;
}

/// The decoded file name (RFC 2231 and RFC 2047 handled by GMime; borrowed), or NULL.
static inline const char *intake_gmime_part_filename(GMimeObject *o) {
    return GMIME_IS_PART(o) ? g_mime_part_get_filename(GMIME_PART(o)) : NULL;
}

/// A text part's content converted to UTF-8; free with g_free. NULL when not a text part.
static inline char *intake_gmime_text_part_text(GMimeObject *o) {
    return GMIME_IS_TEXT_PART(o) ? g_mime_text_part_get_text(GMIME_TEXT_PART(o)) : NULL;
}

/// A leaf part's content with its transfer encoding (base64, quoted-printable, uuencode)
/// removed. The caller owns the array: free with g_byte_array_unref. NULL on failure.
static inline GByteArray *intake_gmime_part_decoded_bytes(GMimeObject *o) {
    if (!GMIME_IS_PART(o)) return NULL;
    GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(o));
    GByteArray *bytes = g_byte_array_new();
    if (!content) return bytes;
    GMimeStream *stream = g_mime_stream_mem_new_with_byte_array(bytes);
    g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(stream), FALSE);
    ssize_t written = g_mime_data_wrapper_write_to_stream(content, stream);
    g_object_unref(stream);
    if (written < 0) { g_byte_array_unref(bytes); return NULL; }
    return bytes;
}
static inline const guint8 *intake_byte_array_data(GByteArray *a) { return a->data; }
static inline guint intake_byte_array_length(GByteArray *a) { return a->len; }
static inline void intake_byte_array_unref(GByteArray *a) { if (a) g_byte_array_unref(a); }

/// The bare address of the first mailbox in a list, looking inside groups (borrowed), or NULL.
static inline const char *intake_gmime_first_mailbox_address(InternetAddressList *list) {
    if (!list) return NULL;
    int count = internet_address_list_length(list);
    for (int i = 0; i < count; i++) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
            if (addr && *addr) return addr;
        } else if (INTERNET_ADDRESS_IS_GROUP(address)) {
            const char *inner = intake_gmime_first_mailbox_address(
                internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)));
            if (inner) return inner;
        }
    }
    return NULL;
}

/// Parses bytes (copied) as one message. The caller owns the result (g_object_unref);
/// NULL when GMime cannot find a message in them. The parser and stream are released here:
/// the message keeps its own references to what it still needs.
static inline GMimeMessage *intake_gmime_parse_message(const void *bytes, size_t length) {
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer((const char *)bytes, length);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    g_object_unref(stream);
    return message;
}
static inline GMimeObject *intake_gmime_message_object(GMimeMessage *m) { return GMIME_OBJECT(m); }

/// The message ids (angle brackets removed) of a header such as In-Reply-To or References,
/// parsed by GMime; NULL when the message has no such header. Free with g_mime_references_free.
static inline GMimeReferences *intake_gmime_header_references(GMimeObject *o, const char *name) {
    const char *value = g_mime_object_get_header(o, name);
    return value ? g_mime_references_parse(NULL, value) : NULL;
}

static inline int intake_gmime_header_count(GMimeObject *o) {
    GMimeHeaderList *headers = g_mime_object_get_header_list(o);
    return headers ? g_mime_header_list_get_count(headers) : 0;
}
#endif
