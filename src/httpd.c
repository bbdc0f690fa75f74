/*
 * httpd.c - libmicrohttpd behind a small request/response interface.
 *
 * The daemon runs in "external polling" mode (select(); libmicrohttpd
 * offers poll() only with its own thread): the caller's loop calls
 * httpd_run(), which serves what is ready. One thread, one request at a
 * time: the handler can load and save a case without locks against
 * itself. The listening socket is bound to 127.0.0.1 explicitly, so the
 * server is never reachable from another machine. libmicrohttpd's own
 * error log is off: its messages may carry request details, and the server
 * prints nothing personal.
 */
#include "httpd.h"
#include "err.h"
#include "mem.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <microhttpd.h>

#include "banned.h"

struct httpd {
	struct MHD_Daemon *d;
	httpd_handler_fn handler;
	void *ctx;
	size_t max_body;
};

/* One request while its body arrives. */
struct pending {
	struct buf body;
	bool too_big;
};

const char *httpd_header(const struct http_request *rq, const char *name)
{
	return MHD_lookup_connection_value((struct MHD_Connection *)rq->conn, MHD_HEADER_KIND, name);
}

const char *httpd_query(const struct http_request *rq, const char *name)
{
	return MHD_lookup_connection_value((struct MHD_Connection *)rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

void http_response_header(struct http_response *rs, const char *name, const char *value)
{
	if (rs->nheaders >= HTTP_MAX_HEADERS)
		return;
	rs->hname[rs->nheaders] = name;
	rs->hvalue[rs->nheaders] = xstrdup(value);
	rs->nheaders++;
}

static enum MHD_Result send_response(struct MHD_Connection *conn, struct http_response *rs)
{
	struct MHD_Response *r;
	enum MHD_Result ok;
	size_t i;

	r = MHD_create_response_from_buffer(rs->body.len, rs->body.s, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	if (rs->type)
		MHD_add_response_header(r, "Content-Type", rs->type);
	for (i = 0; i < rs->nheaders; i++)
		MHD_add_response_header(r, rs->hname[i], rs->hvalue[i]);
	ok = MHD_queue_response(conn, (unsigned)(rs->status ? rs->status : 500), r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_size, void **state)
{
	struct httpd *h = cls;
	struct pending *p = *state;
	struct http_request rq;
	struct http_response rs;
	enum MHD_Result ok;
	struct timespec t0, t1, c0, c1;
	char timing[80];
	size_t i;

	(void)version;
	if (!p) {
		p = xcalloc(1, sizeof(*p));
		buf_init(&p->body, 0);
		*state = p;
		return MHD_YES;
	}
	if (*upload_size) {
		if (!p->too_big && p->body.len + *upload_size > h->max_body) {
			p->too_big = true;
			buf_release(&p->body);
			buf_init(&p->body, 0);
		}
		if (!p->too_big)
			buf_add(&p->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	memset(&rq, 0, sizeof(rq));
	rq.method = method;
	rq.path = url;
	rq.body = p->body.s;
	rq.len = p->body.len;
	rq.too_big = p->too_big;
	rq.conn = conn;
	memset(&rs, 0, sizeof(rs));
	buf_init(&rs.body, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	h->handler(h->ctx, &rq, &rs);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* the handler's own time (wall, and CPU without waiting for the disk),
	 * for `make bench` and the browser's network panel */
	snprintf(timing, sizeof(timing), "app;dur=%.3f, cpu;dur=%.3f",
		 (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
		 (double)(c1.tv_sec - c0.tv_sec) * 1e3 + (double)(c1.tv_nsec - c0.tv_nsec) / 1e6);
	http_response_header(&rs, "Server-Timing", timing);
	ok = send_response(conn, &rs);
	buf_release(&rs.body);
	for (i = 0; i < rs.nheaders; i++)
		free(rs.hvalue[i]);
	return ok;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **state, enum MHD_RequestTerminationCode why)
{
	struct pending *p = *state;

	(void)cls, (void)conn, (void)why;
	if (p) {
		buf_release(&p->body);
		free(p);
		*state = NULL;
	}
}

struct httpd *httpd_start(int port, size_t max_body, httpd_handler_fn handler, void *ctx, int *port_out,
			  struct err *e)
{
	struct httpd *h = xcalloc(1, sizeof(*h));
	struct sockaddr_in sa;
	const union MHD_DaemonInfo *info;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	h->handler = handler;
	h->ctx = ctx;
	h->max_body = max_body;
	errno = 0;
	h->d = MHD_start_daemon(0, (uint16_t)port, NULL, NULL, on_request, h,
				MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)64,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
				MHD_OPTION_END);
	if (!h->d) {
		int en = errno;

		free(h);
		if (port)
			err_set(e, EXIT_SYSTEM, "de webserver kan niet starten op poort %d%s%s", port,
				en ? ": " : "", en ? errno_nl(en) : "");
		else
			err_set(e, EXIT_SYSTEM, "de webserver kan niet starten%s%s", en ? ": " : "", en ? errno_nl(en) : "");
		return NULL;
	}
	info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	*port_out = info ? (int)info->port : port;
	return h;
}

int httpd_run(struct httpd *h, int ms)
{
	return MHD_run_wait(h->d, ms) == MHD_YES ? 0 : -1;
}

void httpd_stop(struct httpd *h)
{
	if (!h)
		return;
	MHD_stop_daemon(h->d);
	free(h);
}
