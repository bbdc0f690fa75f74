/*
 * httpd.h - the one door to libmicrohttpd: a small HTTP server on the
 * loopback address.
 *
 * The server listens on 127.0.0.1 only (never on another address), runs in
 * the calling thread (httpd_run() returns after each poll), and hands every
 * complete request to one handler: method, path, query, the headers it
 * asks for and the body, read up to a size cap. The handler fills a
 * response (status, content type, extra headers, body). Requests are
 * served one at a time, so the handler needs no locking.
 *
 * No other file includes microhttpd.h.
 */
#ifndef HTTPD_H
#define HTTPD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct err;
struct httpd;

struct http_request {
	const char *method;  /* "GET", "POST", ... */
	const char *path;    /* decoded path, without the query */
	const char *body;    /* NUL-terminated; len bytes */
	size_t len;
	bool too_big;        /* the body was larger than the cap: body is empty */
	void *conn;          /* for httpd_header() and httpd_query() */
};

/* A request header ("Host", "Cookie", ...), or NULL. */
const char *httpd_header(const struct http_request *rq, const char *name);
/* A query argument (?name=value, decoded), or NULL. */
const char *httpd_query(const struct http_request *rq, const char *name);

#define HTTP_MAX_HEADERS 16

struct http_response {
	int status;
	const char *type;   /* Content-Type */
	struct buf body;
	const char *hname[HTTP_MAX_HEADERS]; /* extra headers (static or owned by the handler) */
	char *hvalue[HTTP_MAX_HEADERS];      /* owned: freed after sending */
	size_t nheaders;
};

/* Add a header to a response (value copied). */
void http_response_header(struct http_response *rs, const char *name, const char *value);

/* Fill rs for one request; rs->status 0 means 500. */
typedef void (*httpd_handler_fn)(void *ctx, const struct http_request *rq, struct http_response *rs);

/*
 * Listen on 127.0.0.1:port (0: a free port) and serve with handler. Bodies
 * above max_body bytes are not read (too_big is set). *port_out receives
 * the port. Errors (exit 3): the port is taken, no socket.
 */
struct httpd *httpd_start(int port, size_t max_body, httpd_handler_fn handler, void *ctx, int *port_out,
			  struct err *e);
/* Serve what is waiting, waiting at most ms milliseconds for something. */
int httpd_run(struct httpd *h, int ms);
void httpd_stop(struct httpd *h);

#endif
