/* libxml2 for Swift: the XML reader and the HTML parser used by the feed parsers. */
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, and its encoding.h then includes the
   system ICU headers, which clash with the ICU copy inside Foundation. Only
   the layout of xmlCharEncodingHandler depends on it, and Swift never looks
   inside that struct. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>

/* libxml2's generic error callback is variadic, which Swift cannot implement,
   and xmlFree is a global variable, which Swift 6 refuses to read; both are
   wrapped here. */
static void krant_xml_ignore_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void krant_xml_ignore_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }

/* libxml2 keeps its error handlers per thread: silence the calling thread and
   every thread created afterwards, so no parser message reaches stderr. */
static inline void krant_xml_silence_thread(void) {
    xmlSetGenericErrorFunc(NULL, krant_xml_ignore_generic);
    xmlSetStructuredErrorFunc(NULL, krant_xml_ignore_structured);
    xmlThrDefSetGenericErrorFunc(NULL, krant_xml_ignore_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, krant_xml_ignore_structured);
}

/* Frees a string libxml2 allocated (xmlNodeGetBase, xmlBuildURI). */
static inline void krant_xml_free(void *pointer) { xmlFree(pointer); }

#endif
