#include "ccurl.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// libcurl's entry points, found with dlsym. Called only through these
/// pointers: nothing here links against libcurl.
static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *handle);
    void (*easy_cleanup)(CURL *handle);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
    const char *(*easy_strerror)(CURLcode code);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/// Empty when libcurl loaded; otherwise why it did not.
static char load_error[200];

static void *symbol(void *library, const char *name) {
    void *address = dlsym(library, name);
    if (address == NULL && load_error[0] == 0) {
        snprintf(load_error, sizeof load_error, "libcurl has no %s", name);
    }
    return address;
}

static void load(void) {
#ifdef __APPLE__
    static const char *const names[] = {"libcurl.4.dylib", "libcurl.dylib"};
#else
    // The OpenSSL build first (Swift's FoundationNetworking needs it, so a
    // machine with Swift has it), then the GnuTLS one; both are ABI 4.
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4"};
#endif
    void *library = NULL;
    const char *first_error = NULL;
    char first_error_copy[160] = "";
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && first_error == NULL) {
            first_error = dlerror();
            if (first_error != NULL) snprintf(first_error_copy, sizeof first_error_copy, "%s", first_error);
        }
    }
    if (library == NULL) {
        snprintf(load_error, sizeof load_error, "cannot load libcurl (%s); install it (Debian: libcurl4)",
                 first_error_copy[0] ? first_error_copy : names[0]);
        return;
    }
    api.global_init = (CURLcode (*)(long))symbol(library, "curl_global_init");
    api.easy_init = (CURL * (*)(void)) symbol(library, "curl_easy_init");
    api.easy_setopt = (CURLcode (*)(CURL *, CURLoption, ...))symbol(library, "curl_easy_setopt");
    api.easy_perform = (CURLcode (*)(CURL *))symbol(library, "curl_easy_perform");
    api.easy_cleanup = (void (*)(CURL *))symbol(library, "curl_easy_cleanup");
    api.slist_append = (struct curl_slist * (*)(struct curl_slist *, const char *)) symbol(library, "curl_slist_append");
    api.slist_free_all = (void (*)(struct curl_slist *))symbol(library, "curl_slist_free_all");
    api.easy_strerror = (const char *(*)(CURLcode))symbol(library, "curl_easy_strerror");
    if (load_error[0] != 0) return;
    // Once, before any thread makes a handle: curl_easy_init would do it
    // itself, but not thread-safely in every libcurl still in use.
    CURLcode code = api.global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "libcurl did not start: %s", api.easy_strerror(code));
    }
}

static size_t header_trampoline(char *data, size_t size, size_t count, void *request) {
    const ccurl_request *r = request;
    return r->on_header(data, size * count, r->context);
}

static size_t body_trampoline(char *data, size_t size, size_t count, void *request) {
    const ccurl_request *r = request;
    return r->on_body(data, size * count, r->context);
}

static int progress_trampoline(void *request, curl_off_t down_total, curl_off_t down_now, curl_off_t up_total,
                               curl_off_t up_now) {
    (void)down_total, (void)down_now, (void)up_total, (void)up_now;
    const ccurl_request *r = request;
    return r->should_abort(r->context);
}

static ccurl_failure classify(CURLcode code) {
    switch (code) {
    case CURLE_OK: return CCURL_OK;
    case CURLE_COULDNT_RESOLVE_HOST: return CCURL_DNS;
    case CURLE_COULDNT_RESOLVE_PROXY: return CCURL_PROXY;
    case CURLE_COULDNT_CONNECT: return CCURL_CONNECT;
    case CURLE_OPERATION_TIMEDOUT: return CCURL_TIMEOUT;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CIPHER:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_SHUTDOWN_FAILED: return CCURL_TLS;
    case CURLE_SSL_CACERT_BADFILE: return CCURL_AUTHORITIES;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS: return CCURL_CERTIFICATE;
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return CCURL_BAD_RESPONSE;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING: return CCURL_CONNECTION_LOST;
    case CURLE_WRITE_ERROR:
    case CURLE_ABORTED_BY_CALLBACK: return CCURL_STOPPED;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL: return CCURL_BAD_URL;
    default: return CCURL_OTHER;
    }
}

/// Keeps the first line of `text`, so a message is always one line.
static void one_line(char *text) {
    text[strcspn(text, "\r\n")] = 0;
}

void ccurl_perform(const ccurl_request *request, ccurl_result *result) {
    memset(result, 0, sizeof *result);
    pthread_once(&load_once, load);
    if (load_error[0] != 0) {
        result->failure = CCURL_NOT_LOADED;
        snprintf(result->message, sizeof result->message, "%s", load_error);
        return;
    }
    CURL *handle = api.easy_init();
    if (handle == NULL) {
        result->failure = CCURL_OTHER;
        snprintf(result->message, sizeof result->message, "libcurl could not make a handle");
        return;
    }
    struct curl_slist *headers = NULL;
    for (size_t i = 0; i < request->header_count; i++) {
        struct curl_slist *longer = api.slist_append(headers, request->headers[i]);
        if (longer != NULL) headers = longer;
    }
    if (request->post_body != NULL) {
        // No "Expect: 100-continue" for a larger form: a server that does
        // not answer it would cost a second's wait on every POST.
        struct curl_slist *longer = api.slist_append(headers, "Expect:");
        if (longer != NULL) headers = longer;
    }
    char detail[CURL_ERROR_SIZE] = "";
    api.easy_setopt(handle, CURLOPT_URL, request->url);
    api.easy_setopt(handle, CURLOPT_ERRORBUFFER, detail);
    // Timeouts without SIGALRM: fetches run on several threads at once.
    api.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    // Redirects are followed by the caller, one checked hop at a time.
    api.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    // Belt and braces: callers check the scheme, and no redirect is followed.
#if LIBCURL_VERSION_NUM >= 0x075500
    api.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    api.easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
#if LIBCURL_VERSION_NUM >= 0x075700
    // A timeout while the name is being resolved ends now, rather than when
    // getaddrinfo gives up (up to half a minute offline).
    api.easy_setopt(handle, CURLOPT_QUICK_EXIT, 1L);
#endif
    api.easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
    // Certificate authorities other than the system's, from the variables
    // the curl tool reads, as it reads them (libcurl itself reads none):
    // CURL_CA_BUNDLE alone when set, else SSL_CERT_FILE and SSL_CERT_DIR.
    const char *bundle = getenv("CURL_CA_BUNDLE");
    if (bundle != NULL && bundle[0] != 0) {
        api.easy_setopt(handle, CURLOPT_CAINFO, bundle);
    } else {
        const char *file = getenv("SSL_CERT_FILE");
        if (file != NULL && file[0] != 0) api.easy_setopt(handle, CURLOPT_CAINFO, file);
        const char *folder = getenv("SSL_CERT_DIR");
        if (folder != NULL && folder[0] != 0) api.easy_setopt(handle, CURLOPT_CAPATH, folder);
    }
    // Asks for gzip alone and decodes it, so the body limit counts decoded bytes.
    api.easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "gzip");
    api.easy_setopt(handle, CURLOPT_TIMEOUT_MS, request->timeout_ms > 0 ? request->timeout_ms : 1L);
    api.easy_setopt(handle, CURLOPT_HEADERFUNCTION, header_trampoline);
    api.easy_setopt(handle, CURLOPT_HEADERDATA, (void *)request);
    api.easy_setopt(handle, CURLOPT_WRITEFUNCTION, body_trampoline);
    api.easy_setopt(handle, CURLOPT_WRITEDATA, (void *)request);
    api.easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    api.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, progress_trampoline);
    api.easy_setopt(handle, CURLOPT_XFERINFODATA, (void *)request);
    if (request->post_body != NULL) {
        api.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)request->post_body_length);
        api.easy_setopt(handle, CURLOPT_POSTFIELDS, request->post_body);
    }
    CURLcode code = api.easy_perform(handle);
    result->curl_code = (int)code;
    result->failure = classify(code);
    if (code != CURLE_OK) {
        snprintf(result->message, sizeof result->message, "%s", detail[0] ? detail : api.easy_strerror(code));
        one_line(result->message);
    }
    api.easy_cleanup(handle);
    api.slist_free_all(headers);
}
