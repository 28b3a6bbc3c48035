/*
 * portico-hello: the hello-world FastCGI baseline.
 *
 * script/bench measures every Portico page against this program in the
 * same run, so that a ratio says what the runtime costs on top of nginx,
 * the FastCGI protocol and one process per connection.  It must stay the
 * cheapest possible worker: plain libfcgi, no runtime, no database, no
 * allocation per request.  Whatever it does, a real worker does too.
 *
 * It answers every request, whatever the method or path, with 200 and a
 * small HTML page.  It is started like the real workers (spawn-fcgi with
 * the listening socket on descriptor 0) and stops cleanly on SIGTERM or
 * SIGINT: a request in progress is finished, then the process exits 0.
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

static const char hello_body[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"en\"><head><meta charset=\"utf-8\">"
	"<title>Portico hello</title></head>\n"
	"<body><main><h1>Hello from Portico</h1>"
	"<p>The FastCGI baseline that script/bench compares every page to.</p>"
	"</main></body></html>\n";

/*
 * The whole response, headers and body, is formatted once at start-up;
 * every request then costs one write into libfcgi's output buffer.
 */
static char hello_response[1024];
static int hello_response_len;

static volatile sig_atomic_t stop_requested;

/*
 * Sets the flag the accept loop checks.  FCGX_ShutdownPending() only sets
 * a flag inside libfcgi as well, so it is safe to call from here.
 */
static void
on_stop_signal(int signo)
{
	(void)signo;
	stop_requested = 1;
	FCGX_ShutdownPending();
}

/*
 * Installs the handler for SIGTERM and SIGINT without SA_RESTART, so that
 * a blocked accept() returns EINTR; together with FCGI_FAIL_ACCEPT_ON_INTR
 * this makes FCGX_Accept_r() give up instead of waiting for one more
 * connection.
 */
static int
install_stop_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	if (sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGINT, &sa, NULL) == -1) {
		perror("portico-hello: sigaction");
		return -1;
	}
	return 0;
}

static int
format_response(void)
{
	int n;

	n = snprintf(hello_response, sizeof(hello_response),
	    "Status: 200 OK\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: %zu\r\n"
	    "\r\n"
	    "%s",
	    sizeof(hello_body) - 1, hello_body);
	if (n < 0 || (size_t)n >= sizeof(hello_response)) {
		fprintf(stderr, "portico-hello: response does not fit\n");
		return -1;
	}
	hello_response_len = n;
	return 0;
}

int
main(void)
{
	FCGX_Request request;
	int rc = 0;

	if (format_response() == -1 || install_stop_handlers() == -1)
		return EXIT_FAILURE;

	if (FCGX_Init() != 0) {
		fprintf(stderr, "portico-hello: FCGX_Init failed\n");
		return EXIT_FAILURE;
	}
	if (FCGX_InitRequest(&request, 0, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		fprintf(stderr, "portico-hello: FCGX_InitRequest failed\n");
		return EXIT_FAILURE;
	}

	while (!stop_requested) {
		rc = FCGX_Accept_r(&request);
		if (rc < 0) {
			/* Interrupted by some other signal: keep serving. */
			if (rc == -EINTR && !stop_requested)
				continue;
			break;
		}
		/*
		 * A write error means the client (nginx) went away; there is
		 * nobody to tell, and FCGX_Finish_r() cleans up either way.
		 */
		(void)FCGX_PutStr(hello_response, hello_response_len,
		    request.out);
		FCGX_Finish_r(&request);
	}

	FCGX_Free(&request, 1);
	if (!stop_requested) {
		fprintf(stderr, "portico-hello: accept failed (%d)\n", rc);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
