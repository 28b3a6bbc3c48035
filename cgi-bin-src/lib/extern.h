/*
 * extern.h — internal interfaces shared by the runtime's files.
 * Nothing here is for workers; they include portico.h only.
 */
#ifndef PORTICO_EXTERN_H
#define PORTICO_EXTERN_H

#include <time.h>

#include "portico.h"

/* Site settings read once at start-up from the config (dispatch.c). */
struct pt_site {
	const char	*theme;
	int		 development;
	int		 secure_cookies;
	const char	*base_url;	/* for links in mails */	/* Secure flag on cookies: off only for plain-HTTP set-ups */
	const char	*files_dir;	/* [paths] files, without a trailing slash */
	long		 session_idle_s;
	long		 session_absolute_s;
	const char	*time_zone;	/* [site] time_zone: anonymous readers' zone, a known one */
	struct pt_limits limits;
};
extern struct pt_site pt_site;

void	 pt_site_load(void);
/* The runtime's own statements (session.c), registered before the worker's. */
extern const struct pt_sql pt_core_sql[];
extern const size_t pt_core_nsql;
extern const struct pt_sql pt_token_sql[];
extern const size_t pt_token_nsql;
extern const struct pt_sql pt_mail_sql[];
extern const size_t pt_mail_nsql;
extern const struct pt_sql pt_budget_sql[];
extern const size_t pt_budget_nsql;
extern const struct pt_sql pt_pagecache_sql[];
extern const size_t pt_pagecache_nsql;
extern const struct pt_sql pt_api_sql[];
extern const size_t pt_api_nsql;
extern const struct pt_sql pt_flow_sql[];
extern const size_t pt_flow_nsql;
extern const struct pt_sql pt_task_mail_sql[];
extern const size_t pt_task_mail_nsql;
extern const struct pt_sql pt_task_count_sql[];
extern const size_t pt_task_count_nsql;
/*
 * An API request (api.c): route, token and scope, handler, all in JSON;
 * and the JSON answer to one refused before routing (400, 413).
 */
void	 pt_api_dispatch(const struct pt_router *, struct pt_req *);
void	 pt_api_refused(struct pt_req *, int status);
/* True inside pt_db_begin .. commit/rollback. */
int	 pt_db_in_tx(void);
/* True once pt_db_init ran: a worker, not a unit test without a database. */
int	 pt_db_used(void);
/*
 * Kept sessions (session.c).  pt_db tells of every write that may change
 * what a kept session holds (pt_session_changed; the session's own
 * statements say which of theirs cannot, pt_session_sql_safe), and the
 * dispatcher, once the handler is done, has such a change outdate the
 * sessions kept by every process (pt_session_publish).
 */
void	 pt_session_changed(void);
int	 pt_session_sql_safe(const struct pt_sql *);
void	 pt_session_publish(struct pt_req *);
void	 pt_session_cache_free(void);
/*
 * 1 if what the process keeps is current for this request: the counters
 * were compared (the database's when due) and nothing it may hold was
 * written by this request yet; 0 when the counters cannot be read.  Kept
 * rows (kept.c) are used only then; kept sessions and kept rows are
 * forgotten together (pt_kept_forget).
 */
int	 pt_session_current(struct pt_req *);
void	 pt_kept_forget(void);
/*
 * 1 if the word w of length n names a table whose writes outdate what
 * processes keep: the tables a session is read from and those of the
 * kept lists (db.c).
 */
int	 pt_db_kept_table(const char *w, size_t n);
/* 1 if every table text names after FROM or JOIN is one of those (kept.c, for tests). */
int	 pt_kept_sql_ok(const char *text);
/* A 64-bit counter in the file <[paths] cache>/name, mapped shared by every process of the host; NULL when it cannot be. */
uint64_t *pt_shared_counter(const char *name);
/* Development: re-read catalogues whose file changed (and outdate kept pages). */
void	 pt_i18n_refresh(void);
/*
 * The theme pages are drawn in (pt_site.theme); in development first
 * follows an edit of [site] theme in the config file.
 */
const char *pt_render_theme(void);
/* Development: reload the view's stylesheet and the catalogues if their files changed. */
void	 pt_render_refresh(const char *worker, const char *view);
/*
 * The renderer's side of the page cache: a page to keep gets stand-ins for
 * the token (pt_pagecache_placeholder, NULL when the page is not kept) and
 * the reader's own parts in its tree, and is kept.
 */
const char *pt_pagecache_placeholder(const struct pt_req *);
void	 pt_pagecache_mask(struct pt_req *);
/* For pt:time(): the placeholder of style when iso is the one of a reader's last sign-in, else NULL. */
const char *pt_pagecache_time_mark(const char *iso, const char *style);
int	 pt_pagecache_store(struct pt_req *);
/*
 * The Allow header of a path that answers methods (a mask of 1 << pt_method,
 * from pt_router_match), for a 405; its value, or NULL when it was not added.
 */
const char *pt_allow(struct pt_req *, int methods);
/* The error page for a request refused before routing (400, 413). */
void	 pt_dispatch_refused(struct pt_req *, int status);

/*
 * Dates and times (datetime.c).  A transform's _private is the reader:
 * pt:t() reads the language, pt:time() all of it.
 */
struct pt_reader {
	const char	*lang;
	const char	*zone;		/* IANA name; unknown or NULL: the site's, then UTC */
	int		 relative;	/* "3 hours ago" allowed: a page no cache keeps, or one kept until it turns */
	time_t		 now;		/* relative to this instant */
	time_t		*turns;		/* NULL, or lowered to the first instant a relative text turns */
};
/* 1 if name has the shape of an IANA zone name (so never a path out of the tz dir). */
int	 pt_tz_valid_name(const char *name);
/* 1 if name is a zone of the tz database. */
int	 pt_tz_known(const char *name);
/* Local time minus UTC at t, in zone name; PT_EINVAL (and 0) for an unknown zone. */
int	 pt_tz_offset(const char *name, time_t t, long *off_s);
/*
 * The same, and in *until the instant the offset next changes (the start
 * of the next span of the table, PT_TIME_MAX after the last change known):
 * local time is t + *off_s for every instant in [t, *until).
 */
int	 pt_tz_span(const char *name, time_t t, long *off_s, time_t *until);
void	 pt_tz_free(void);
/*
 * iso for reader r in style "datetime", "date", "time", "relative" (when
 * r->relative, else as "datetime") or "iso" (the normalised stamp), into
 * buf (always terminated, cut to fit).  Text that is not a stamp is
 * copied as it is.  Returns the length written.  In style "relative" it
 * lowers *r->turns (when r->turns is not NULL) to the instant from which
 * the same call would write another text ("2 minutes ago" after "1
 * minute ago", "yesterday" after "today"), and an absolute text of an
 * instant less than a minute ahead to the instant it turns "just now".
 */
size_t	 pt_time_format(char *buf, size_t size, const struct pt_reader *r, const char *iso,
	    const char *style);
/* Offer pt:time() to stylesheets. */
void	 pt_time_register(void);

/* Request parsing shared by req.c and multipart.c. */
/* 1 if s is UTF-8 without C0 controls other than TAB, LF, CR, and without DEL. */
int	 pt_utf8_ok(const unsigned char *s, size_t len);
int	 pt_text_ok(const unsigned char *s, size_t len);
/* Room for one more parameter in p (PT_ELIMIT at max); the caller fills p->v[p->n++]. */
int	 pt_params_grow(struct pt_arena *, struct pt_params *p, size_t max);
/* 1 for a multipart/form-data content type. */
int	 pt_is_multipart(const char *content_type);
/* The largest body a request of this content type may send: upload_bytes or body_bytes. */
size_t	 pt_body_limit(const char *content_type, const struct pt_limits *);
/* A multipart/form-data body into req->form and req->uploads; PT_EINVAL, PT_ELIMIT. */
int	 pt_parse_multipart(struct pt_req *, const char *content_type, const char *body,
	    size_t len, const struct pt_limits *);

/*
 * The worker keeps uploads in subdir of [paths] files (NULL: none): logs
 * an error at start when it cannot write there.  PT_OK or PT_ESYS; the
 * worker starts either way.  (dirs.c)
 */
int	 pt_files_watch(const char *subdir);
/* For /<worker>/health: 1 the files directory is usable now, 0 not, -1 not used. */
int	 pt_files_health(void);

/*
 * Tickets: a new ticket's SLA clocks (ticket-sla.c), worked out before its
 * row is written, so that the row has its next due and first warning from
 * the start: the policy of the most specific rule for its service, its
 * organisation's tier and its priority, one clock per target, running
 * from now.  n is 0 when no rule, target or valid calendar gives any.
 * The strings are UTC stamps in the arena, NULL for none.
 */
struct pt_sla_plan_clock {
	const char	*kind;
	long long	 target_s;
	const char	*due_at;
	const char	*warn_at;
};
struct pt_sla_plan {
	long long			 policy_id;
	const char			*since;
	size_t				 n;
	struct pt_sla_plan_clock	 clocks[3];
	const char			*due_at;	/* tickets.sla_due_at */
	const char			*warn_at;	/* tickets.sla_warn_at */
};
int	 pt_ticket_sla_plan(struct pt_req *, long long service_id, long long org_id,
	    long long priority, struct pt_sla_plan *);
/* Write the planned clocks of the ticket just made (one statement; none for n 0). */
int	 pt_ticket_sla_start(struct pt_req *, long long ticket_id, const struct pt_sla_plan *);
/*
 * The ticket's status went from old (with its pending reason, may be
 * NULL) to new: pending on the customer pauses every clock and leaving
 * that resumes them, resolved or closed stops them, reopening runs
 * resolution on and the update clock anew.
 */
int	 pt_ticket_sla_status(struct pt_req *, long long ticket_id, const char *old_status,
	    const char *old_reason, const char *status, const char *reason);

#endif
