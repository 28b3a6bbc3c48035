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
/* Development: re-read catalogues whose file changed. */
void	 pt_i18n_refresh(void);
/* The error page for a request refused before routing (400, 413). */
void	 pt_dispatch_refused(struct pt_req *, int status);

#endif
