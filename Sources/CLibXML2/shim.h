#ifndef INTAKE_CLIBXML2_SHIM_H
#define INTAKE_CLIBXML2_SHIM_H
// Debian's libxml2 enables ICU, whose headers clash with Foundation's bundled ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>

/// Swift 6 cannot use the C global `xmlFree`; free strings libxml2 hands out through this.
static inline void intake_xml_free(void *p) { if (p) xmlFree(p); }

/// An external-entity loader that refuses everything (defence in depth: DTDs are rejected anyway).
static xmlParserInputPtr intake_deny_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void intake_xml_install_deny_loader(void) {
    xmlSetExternalEntityLoader(intake_deny_entity_loader);
}
#endif
