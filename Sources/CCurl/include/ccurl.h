#ifndef KRANT_CCURL_H
#define KRANT_CCURL_H

#include <stddef.h>

/// krant's one door to libcurl. libcurl is loaded with dlopen the first time
/// something is fetched, so a reader or a `krant list` that fetches nothing
/// never maps libcurl and the TLS libraries behind it (5 MiB resident and
/// some 35 libraries to load and relocate at every start). curl.h stays in
/// ccurl.c: Swift sees only these few non-variadic calls.

/// Called with each header line (status lines included, CRLF kept) or each
/// chunk of the decoded body; return `size` to go on, anything else to stop.
typedef size_t (*ccurl_data_callback)(const char *data, size_t size, void *context);
/// Called about once a second and on every transfer step: nonzero aborts.
typedef int (*ccurl_abort_callback)(void *context);

typedef struct {
    const char *url;
    /// Whole header lines, "Name: value".
    const char *const *headers;
    size_t header_count;
    /// A POST of these bytes when not NULL; a GET otherwise.
    const void *post_body;
    size_t post_body_length;
    /// The limit for the whole exchange, connecting included.
    long timeout_ms;
    void *context;
    ccurl_data_callback on_header;
    ccurl_data_callback on_body;
    ccurl_abort_callback should_abort;
} ccurl_request;

/// What went wrong, in the categories a reader can act on.
typedef enum {
    CCURL_OK = 0,
    /// libcurl could not be loaded; `message` says which file and why.
    CCURL_NOT_LOADED,
    CCURL_DNS,
    /// The proxy's name could not be resolved.
    CCURL_PROXY,
    CCURL_CONNECT,
    CCURL_TIMEOUT,
    CCURL_TLS,
    CCURL_CERTIFICATE,
    /// The file or folder of certificate authorities could not be read.
    CCURL_AUTHORITIES,
    /// The server's answer could not be read (bad headers, bad gzip).
    CCURL_BAD_RESPONSE,
    CCURL_CONNECTION_LOST,
    /// A callback stopped it: the caller knows why.
    CCURL_STOPPED,
    CCURL_BAD_URL,
    CCURL_OTHER,
} ccurl_failure;

typedef struct {
    ccurl_failure failure;
    /// libcurl's own code, for the rare failure in CCURL_OTHER.
    int curl_code;
    /// One line: libcurl's detail, or the reason it could not be loaded.
    char message[256];
} ccurl_result;

/// Runs one exchange, following no redirects, and blocks until it ends.
/// Safe to call from several threads at once.
void ccurl_perform(const ccurl_request *request, ccurl_result *result);

#endif
