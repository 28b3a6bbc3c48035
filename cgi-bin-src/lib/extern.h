/*
 * extern.h — internal interfaces shared by the runtime's files.
 * Nothing here is for workers; they include portico.h only.
 */
#ifndef PORTICO_EXTERN_H
#define PORTICO_EXTERN_H

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
/* True inside pt_db_begin .. commit/rollback. */
int	 pt_db_in_tx(void);
/* Development: re-read catalogues whose file changed (and outdate kept pages). */
void	 pt_i18n_refresh(void);
/* Development: reload the view's stylesheet and the catalogues if their files changed. */
void	 pt_render_refresh(const char *worker, const char *view);
/* The renderer's side of the page cache: the token's stand-in, and keeping the page. */
const char *pt_pagecache_placeholder(const struct pt_req *);
int	 pt_pagecache_store(struct pt_req *);
/* The error page for a request refused before routing (400, 413). */
void	 pt_dispatch_refused(struct pt_req *, int status);

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

#endif
