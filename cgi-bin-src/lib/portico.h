/*
 * portico.h — the Portico runtime (libportico), public interface.
 *
 * A worker links this library, provides a route table and a statement
 * table, and calls pt_main().  Everything a request allocates comes from
 * the request's arena (pt_alloc and friends) or is registered with
 * pt_defer(); both are released in one place after the response is sent,
 * so handlers never free what they got from the runtime.
 *
 * Status convention: functions return PT_OK (0) or a negative PT_E* code.
 * Handlers return the HTTP status of their answer.
 */
#ifndef PORTICO_H
#define PORTICO_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <libxml/tree.h>

enum pt_rc {
	PT_OK = 0,
	PT_ENOMEM = -1,		/* out of memory */
	PT_EDB = -2,		/* database unreachable or failed: answer 503 */
	PT_ELIMIT = -3,		/* input exceeds a bound: answer 413 or 400 */
	PT_EINVAL = -4,		/* malformed input: answer 400 */
	PT_ENOTFOUND = -5,	/* no such row */
	PT_ESYS = -6,		/* system call failed */
	PT_EDUP = -7		/* a unique key refused the row: answer 422 at the field */
};

/* ---- per-request memory (arena.c) ---------------------------------- */

struct pt_arena;

struct pt_arena *pt_arena_new(void);
void	 pt_arena_reset(struct pt_arena *);	/* runs deferred frees, keeps one block */
void	 pt_arena_free(struct pt_arena *);
void	*pt_arena_alloc(struct pt_arena *, size_t);	/* zeroed; aborts never, NULL on OOM */
char	*pt_arena_strndup(struct pt_arena *, const char *, size_t);
/* Run fn(ptr) when the arena is reset: how libxml2 objects join the request. */
int	 pt_arena_defer(struct pt_arena *, void (*fn)(void *), void *ptr);

/* ---- configuration (conf.c) ----------------------------------------- */

/* Load an INI file; NULL path means $PORTICO_CONF, else the installed default. */
int	 pt_conf_load(const char *path);
int	 pt_conf_parse(const char *text, size_t len);	/* replaces the loaded config */
const char *pt_conf_str(const char *section, const char *key, const char *dflt);
long	 pt_conf_int(const char *section, const char *key, long dflt);
int	 pt_conf_bool(const char *section, const char *key, int dflt);
void	 pt_conf_clear(void);
/* The file pt_conf_load read (NULL before it was called). */
const char *pt_conf_path(void);
/*
 * Read one value from the file at path now, without touching the loaded
 * config: into out (size bytes).  PT_ENOTFOUND when unset or empty or
 * longer than out, PT_ESYS when the file is unreadable.  Development uses
 * it to follow edits of [site] theme without a restart.
 */
int	 pt_conf_peek(const char *path, const char *section, const char *key, char *out,
	    size_t size);

/* ---- logging (log.c): one line per event on fd 2 --------------------- */

struct pt_req;
enum pt_loglevel { PT_LOG_ERROR, PT_LOG_WARN, PT_LOG_INFO, PT_LOG_DEBUG };
void	 pt_log_init(const char *worker);
/* Log to path (NULL or "" means stderr as it is): opened O_APPEND on fd 2,
 * and opened again when the path names another file (logrotate).  PT_OK or PT_ESYS. */
int	 pt_log_open(const char *path);
/* pt_log_open of the loaded config's [log] file. */
int	 pt_log_configure(void);
void	 pt_log(const struct pt_req *, enum pt_loglevel, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* ---- randomness and hashing (random.c, crypto.c, password.c) ---------- */

int	 pt_random(void *buf, size_t len);		/* getrandom(2), PT_ESYS on failure */
/* 2*nbytes hex digits plus NUL into out (size 2*nbytes+1). */
int	 pt_random_hex(char *out, size_t nbytes);
/* SHA-256 (libsodium); cannot fail. */
void	 pt_sha256(const void *data, size_t len, unsigned char out[32]);
/* Constant-time equality of two buffers of the same length. */
int	 pt_memeq_ct(const void *a, const void *b, size_t len);
/* HMAC-SHA-256 of data under key (any length). */
void	 pt_hmac_sha256(const void *key, size_t keylen, const void *data, size_t len,
	    unsigned char out[32]);
/*
 * 1 if mac (maclen bytes, 1..32: a MAC may be sent truncated) is the start
 * of data's HMAC-SHA-256 under key, else 0; in constant time.
 */
int	 pt_hmac_sha256_verify(const void *key, size_t keylen, const void *data, size_t len,
	    const unsigned char *mac, size_t maclen);
/*
 * The site's secret for HMACs: [secrets] hmac_key, at least 32 bytes.
 * PT_OK, or PT_ESYS when it is missing or too short (logged once).
 */
int	 pt_hmac_key(const unsigned char **key, size_t *len);

/*
 * Signed claims (crypto.c): "id id is good for purpose until expires", as
 * a url-safe token "<id>.<expires>.<22 characters of base64url HMAC>" that
 * needs no row to be checked, e.g. a survey link.  purpose separates the
 * kinds ("survey"); bind (NULL: none) is data the token is tied to without
 * carrying it, such as the stamp of what it protects: when that changes,
 * the token no longer checks.  expires and now are Unix seconds.
 */
#define PT_SIGNED_MAX 64	/* the longest token, without the NUL */
/* Into out (size > PT_SIGNED_MAX is enough).  PT_OK, PT_EINVAL, PT_ESYS (no key), PT_ELIMIT (out). */
int	 pt_sign(const char *purpose, int64_t id, long long expires, const char *bind,
	    char *out, size_t size);
/*
 * PT_OK with *id and *expires (either may be NULL) when token was signed
 * for purpose and bind and expires after now; PT_ELIMIT when it is genuine
 * but expired (*id and *expires are set); PT_EINVAL when malformed or
 * forged; PT_ESYS without a key.  The MAC is compared in constant time.
 */
int	 pt_sign_check(const char *purpose, const char *token, const char *bind,
	    long long now, int64_t *id, long long *expires);

/*
 * Reply-by-mail addresses (crypto.c).  The support address is [mailin]
 * address, else the address of [smtp] from; a ticket's reply address is
 * its plus extension <local>+t<ticket id>-<80-bit HMAC in 16 base32
 * letters>@<domain>, so that a ticket number alone reaches nothing.
 */
#define PT_REPLY_ADDRESS_MAX 400
/* The support address into out.  PT_OK, PT_EINVAL (none configured), PT_ELIMIT. */
int	 pt_mailin_address(char *out, size_t size);
/* Ticket ticket_id's reply address into out.  PT_OK, PT_EINVAL, PT_ESYS (no key), PT_ELIMIT. */
int	 pt_reply_address(int64_t ticket_id, char *out, size_t size);
/*
 * Is addr a reply address?  PT_OK with *ticket_id when its HMAC is right
 * (compared in constant time, letters in any case, any domain);
 * PT_EINVAL when it has the form of one but a wrong HMAC (forged or
 * mangled); PT_ENOTFOUND when it is none; PT_ESYS without a key.
 */
int	 pt_reply_address_check(const char *addr, int64_t *ticket_id);
/* yescrypt hash of pw into out (size >= 128).  PT_OK or PT_ESYS. */
int	 pt_password_hash(const char *pw, char *out, size_t outsz);
/* 1 if pw matches hash, 0 otherwise (also for malformed hashes). */
int	 pt_password_verify(const char *pw, const char *hash);
/* Spend the time of one verification, so unknown accounts answer as slowly as known ones. */
void	 pt_password_dummy(const char *pw);
#define PT_PASSWORD_MIN_CHARS 10
#define PT_PASSWORD_MAX_CHARS 1024
/* Longer is refused before it costs a hash: the most PT_PASSWORD_MAX_CHARS can take. */
#define PT_PASSWORD_MAX_BYTES (4 * PT_PASSWORD_MAX_CHARS)
/*
 * NULL if pw may become a password (PT_PASSWORD_MIN_CHARS..MAX_CHARS, not
 * email in any case), else the message key of what is wrong: a static string.
 */
const char *pt_password_rule(const char *pw, const char *email);

/* ---- validators (validate.c): pcre2 patterns compiled once ----------- */

enum pt_valid {
	PT_V_EMAIL,		/* an address a person can type: local@domain.tld */
	PT_V_LANG,		/* two lowercase letters */
	PT_V_LOCAL_PATH,	/* a path on this site: /..., no scheme, no // */
	PT_V_TOKEN,		/* 64 lowercase hex digits */
	PT_V_ID,		/* a positive decimal integer, at most 18 digits */
	PT_V_NAME,		/* printable text without control characters, 1..PT_NAME_MAX_CHARS */
	PT_V_TAG,		/* a KB tag: letters, digits, single spaces and hyphens, 1..PT_TAG_MAX_CHARS */
	PT_V__MAX
};
int	 pt_valid_init(void);
void	 pt_valid_free(void);
/* 1 if s (len bytes) matches the whole pattern, else 0. */
int	 pt_valid(enum pt_valid, const char *s, size_t len);
const char *pt_valid_name(enum pt_valid);
#define PT_EMAIL_MAX_BYTES 254	/* the longest address we store */
/* A name (of a person, an org) in characters: PT_V_NAME's bound, and the forms' maxlength. */
#define PT_NAME_MAX_CHARS 200
/* A knowledge base tag in characters: PT_V_TAG's bound, the editor's and the search's. */
#define PT_TAG_MAX_CHARS 60

/* ---- requests (req.c) ------------------------------------------------ */

/* PT_OTHER: a well-formed method no route answers (PUT, DELETE, OPTIONS, ...): 405 or 404. */
enum pt_method { PT_GET, PT_HEAD, PT_POST, PT_OTHER, PT_METHOD__MAX };

struct pt_param {
	const char	*name;
	const char	*value;		/* NUL-terminated, may contain no NUL */
	size_t		 len;
};

struct pt_params {
	struct pt_param	*v;
	size_t		 n;
};

/* Bounds on everything that comes from outside; see pt_limits_default(). */
struct pt_limits {
	size_t	 body_bytes;		/* urlencoded and other bodies */
	size_t	 upload_bytes;		/* multipart/form-data bodies, files included */
	size_t	 files;			/* files in one multipart body */
	size_t	 query_bytes;
	size_t	 cookie_bytes;
	size_t	 fields;
	size_t	 name_bytes;
	size_t	 value_bytes;
	size_t	 rich_value_bytes;	/* a text field of a multipart form (article bodies) */
	size_t	 path_bytes;
};
void	 pt_limits_default(struct pt_limits *);

struct pt_user {
	int64_t		 id;
	int64_t		 org_id;
	const char	*name;
	const char	*email;
	const char	*lang;		/* profile language or NULL */
	const char	*time_zone;
	const char	*org_name;
	const char	*org_kind;	/* provider, customer, partner */
	const char	*home;		/* customer, partner, agent, admin */
	const char	*last_login;	/* ISO 8601 UTC or NULL on first login */
	const char	**roles;
	size_t		 nroles;
	const char	**perms;
	size_t		 nperms;
};

struct pt_session {
	int64_t		 id;		/* 0 when anonymous */
	char		 csrf[65];	/* session token or anonymous double-submit token */
	int		 csrf_is_new;	/* anonymous token minted on this request */
	struct pt_user	*user;		/* NULL when anonymous */
};

struct pt_header {
	const char	*name;
	const char	*value;
};

/*
 * A file from a multipart/form-data body (RFC 7578); data points into the
 * request body and may hold any bytes, NUL included.  A file input left
 * empty (filename="") is no upload.
 */
struct pt_upload {
	const char	*field;
	const char	*filename;	/* as sent, without any directory part: UTF-8, no
					 * control characters, 1..255 bytes, not "." or ".." */
	const char	*content_type;	/* as sent, lower case, no parameters;
					 * application/octet-stream when absent */
	const char	*data;
	size_t		 len;
};

#define PT_MAX_CAPS 8
#define PT_MAX_HEADERS 24

/* The values a kept page may carry that differ per request (pagecache.c). */
#define PT_PAGECACHE_VALUES	4

struct pt_req {
	struct pt_arena	*arena;
	char		 id[33];	/* request id: nginx's $request_id, in logs and X-Request-Id */
	const char	*worker;
	enum pt_method	 method;
	const char	*path;
	const char	*remote_addr;
	const char	*user_agent;
	const char	*accept;
	const char	*accept_language;
	const char	*content_type;
	const char	*authorization;	/* the Authorization header as sent, or NULL */
	int		 api;		/* the path is under PT_API_PREFIX (api.c) */
	const char	*api_body;	/* an API request's body as sent: NUL-terminated, may hold NULs; NULL: none */
	size_t		 api_body_len;
	const struct pt_integration *integration;	/* an API request's caller, once its token checked */
	struct pt_params query;
	struct pt_params form;		/* urlencoded fields, or the text parts of a multipart body */
	struct pt_params cookies;
	struct pt_upload *uploads;	/* the file parts of a multipart body */
	size_t		 nuploads;
	const char	*caps[PT_MAX_CAPS];	/* route captures, caps[0] = whole match */
	size_t		 ncaps;
	int		 want_xml;	/* ?format=xml or Accept: application/xml */
	const char	*lang;		/* language of the answer */
	const char	*time_zone;	/* the reader's when no one is signed in (a mail's recipient), or NULL */
	struct pt_session session;

	/* the answer */
	int		 status;
	const char	*view;
	xmlDocPtr	 doc;		/* the page; owned by the arena */
	xmlNodePtr	 page;
	xmlNodePtr	 messages;
	xmlNodePtr	 limits;	/* <limits>: text fields' lengths, see pt_limit */
	struct pt_header headers[PT_MAX_HEADERS];
	size_t		 nheaders;
	const char	*location;	/* redirect target */
	const char	*body;		/* set by pt_render() */
	size_t		 body_len;
	const char	*content_type_out;

	/* the page cache's state (pagecache.c) */
	int		 cache_checked;	/* pt_pagecache_find() looked */
	int		 cache_keep;	/* pt_pagecache_keep(): render with holes and keep */
	int		 cache_everyone;	/* pt_pagecache_everyone(): signed-in readers too */
	int		 cache_personal;	/* pt_pagecache_personal(): one reader's own */
	long long	 cache_stamp;	/* and the digest of what their page was made of */
	unsigned long long cache_generation;	/* the generation when it looked */
	const char	*cache_variant;
	const char	*cache_found;	/* the entry found, for pt_pagecache_send() */
	const char	*cache_values[PT_PAGECACHE_VALUES];	/* pt_pagecache_value_at()s */
	long long	 cache_number;
	time_t		 cache_until;	/* pt_pagecache_until(): 0, or when the page turns */
};

/* A request with its own arena, not yet parsed.  For the loop and for tests. */
struct pt_req *pt_req_new(const char *worker);
void	 pt_req_reset(struct pt_req *);
void	 pt_req_free(struct pt_req *);

/*
 * Fill req from CGI-style variables (NULL-terminated "NAME=value" array) and
 * the request body.  Returns PT_OK, PT_ELIMIT (answer 413) or PT_EINVAL (400).
 * A multipart/form-data body (bounded by upload_bytes instead of body_bytes)
 * fills req->form with its text parts and req->uploads with its files.
 */
int	 pt_req_parse(struct pt_req *, char *const *env, const char *body,
	    size_t body_len, const struct pt_limits *);
int	 pt_parse_urlencoded(struct pt_arena *, const char *s, size_t len,
	    struct pt_params *out, const struct pt_limits *);
int	 pt_parse_cookies(struct pt_arena *, const char *s, struct pt_params *out,
	    const struct pt_limits *);
const char *pt_params_get(const struct pt_params *, const char *name);
#define pt_form(req, name)	pt_params_get(&(req)->form, (name))
#define pt_query(req, name)	pt_params_get(&(req)->query, (name))
#define pt_cookie(req, name)	pt_params_get(&(req)->cookies, (name))

/* Arena helpers bound to the request. */
void	*pt_alloc(struct pt_req *, size_t);
char	*pt_strdup(struct pt_req *, const char *);
char	*pt_printf(struct pt_req *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* ---- typed values (form.c): what a handler does before it checks one ---- */

/* The field without surrounding white space, in the arena; "" when absent, NULL only on OOM. */
const char *pt_form_trim(struct pt_req *, const char *name);
const char *pt_query_trim(struct pt_req *, const char *name);
/* s (NULL: "") without surrounding white space, as a form's field is read; arena, NULL only on OOM. */
const char *pt_trim(struct pt_req *, const char *s);
/* s (NULL: "") trimmed and lower-cased (ASCII), in the arena; NULL only on OOM. */
char	*pt_email_normalise(struct pt_req *, const char *s);
/*
 * The characters (code points) of s, which the request parser has checked
 * to be UTF-8; 0 for NULL.  Limits a person sees are in characters: the
 * same number in the form's maxlength (see pt_limit) and here.
 */
size_t	 pt_chars(const char *s);
/*
 * The characters of s if it is valid UTF-8 without control characters
 * (tab, CR and LF allowed with multiline; no C1 controls, surrogates or
 * overlong forms), else -1: text a person typed, for every field checked.
 */
long	 pt_text_chars(const char *s, int multiline);
/*
 * s with its CRLF line ends as LF: browsers send a textarea's lines ended
 * by CRLF, and a text is kept, compared and shown line by line.  s itself
 * when it has no CR, else a copy in the arena; NULL on OOM.
 */
const char *pt_lf_lines(struct pt_req *, const char *s);
/* 1 if s (may be NULL) equals one of v[0..n-1]. */
int	 pt_one_of(const char *s, const char *const *v, size_t n);
/*
 * s for a query string: every byte but letters, digits and - _ . ~ as %XX
 * (RFC 3986); in the arena, NULL on OOM.
 */
const char *pt_url_encode(struct pt_req *, const char *s);
/* s as a LIKE pattern matching it anywhere, its own % _ and backslash escaped; arena, NULL on OOM. */
const char *pt_sql_like(struct pt_req *, const char *s);
/* The same matching what begins with s (an index can find it). */
const char *pt_sql_like_prefix(struct pt_req *, const char *s);
/*
 * A decimal amount as typed ("1000", "1000.5", "1000,50"; at most 2
 * decimals and 13 digits before them, spaces around ignored) into *minor
 * (minor units).  "" or NULL: PT_OK with *minor = -1, "no limit".
 * PT_ELIMIT for a well-formed amount with a minus sign, PT_EINVAL for
 * anything else; *minor is -1 on failure.
 */
int	 pt_parse_amount(const char *s, long long *minor);
/* ---- forms read by a table of inputs (input.c) --------------------------- */

enum pt_input_kind {
	PT_IN_SLUG,	/* [a-z0-9]+(-[a-z0-9]+)*, at most max characters */
	PT_IN_LINE,	/* one line of text, at most max characters */
	PT_IN_TEXT,	/* text with line breaks (kept as LF), at most max characters */
	PT_IN_INT,	/* a whole number from min to max */
	PT_IN_AMOUNT,	/* money as pt_parse_amount reads it, at most max minor units */
	PT_IN_CHOICE,	/* one of choices */
	PT_IN_CHECK	/* a checkbox: "1" when ticked, else "0" */
};

struct pt_input {
	const char		*name;		/* the form's field */
	enum pt_input_kind	 kind;
	int			 required;	/* else "" is accepted (not for PT_IN_CHECK) */
	long long		 min, max;	/* PT_IN_INT: the range; text: characters; amount: max */
	const char *const	*choices;	/* PT_IN_CHOICE */
	size_t			 nchoices;
};
/*
 * Read and check inputs[0..n-1] into v[] (trimmed; a text's line ends as
 * LF; an amount as typed): each bad field gets one message at it
 * (input.required, input.invalid, input.too-long with {max}, input.slug,
 * input.integer with min and max, input.amount, input.amount.negative,
 * input.choose, input.choice).  Returns how many fields are bad, or an
 * error (< 0).  v[i] is never NULL after a return >= 0.
 */
int	 pt_input_read(struct pt_req *, const struct pt_input *, size_t n, const char **v);
/* pt_limit for each text input: the form's maxlength is the check's bound. */
void	 pt_input_limits(struct pt_req *, const struct pt_input *, size_t n);
/* The number in a checked PT_IN_INT value; "" or NULL gives dflt. */
long long pt_input_int(const char *v, long long dflt);
/* An error message at field with attributes min and max, for a text with {min} and {max}. */
void	 pt_message_range(struct pt_req *, const char *key, const char *field, long long min,
	    long long max);
/* A JSON object of names[i]: values[i] (strings, NULL as null) for audit rows; arena, NULL on OOM. */
const char *pt_json_fields(struct pt_req *, const char *const *names, const char *const *values,
	    size_t n);

/* The 1-based ?page= of a list, 1 when absent or malformed (more than 6 digits). */
long long pt_query_page(struct pt_req *);
/* How many pages total rows fill, per_page a page; at least 1. */
long long pt_pages(long long total, long long per_page);

/* The best supported language for an Accept-Language header, or NULL. */
const char *pt_lang_negotiate(const char *accept_language, const char *const *supported,
	    size_t nsupported);

/* ---- responses (resp.c) ------------------------------------------------ */

/*
 * Add a response header (name and value must live until the response is
 * sent).  PT_EINVAL, logged, if either holds CR or LF: never sent.
 */
int	 pt_header_add(struct pt_req *, const char *name, const char *value);
/* Cookie with HttpOnly, SameSite=Lax, Path=/ and Secure unless development. max_age_s < 0: session cookie; 0: delete. */
int	 pt_cookie_set(struct pt_req *, const char *name, const char *value, long max_age_s,
	    int http_only);
/* 303 to a local path (else to /: a foreign URL or a line break is refused); returns 303. */
int	 pt_redirect(struct pt_req *, const char *location);
/* The whole response (status line as CGI Status header, headers, body) into a buffer. */
char	*pt_resp_serialize(struct pt_req *, size_t *len);
const char *pt_status_text(int status);

/* ---- the page tree (page.c) ------------------------------------------- */

/* A new XML document freed with the request (arena); NULL on OOM. */
xmlDocPtr pt_xml_doc(struct pt_req *);
/* Create the envelope: <page worker view lang path theme request-id> + session + messages. */
int	 pt_page_init(struct pt_req *);
void	 pt_page_finish(struct pt_req *);	/* sets status/view attributes */
/* Add a message (i18n key) of kind error, info or success; field may be NULL. */
void	 pt_message(struct pt_req *, const char *kind, const char *key, const char *field);
/*
 * An error message about a field over its limit: the catalogue text's
 * "{max}" becomes max_chars, so the number is said where it is kept.
 */
void	 pt_message_max(struct pt_req *, const char *key, const char *field, long max_chars);
/*
 * Tell the page that the text field name takes at most max_chars
 * characters: <limits><limit name= chars=/></limits>, which the views put
 * into the field's maxlength (layout.xsl pt-maxlength).  A handler calls it
 * with the same constant it checks the field against.
 */
void	 pt_limit(struct pt_req *, const char *name, long max_chars);
/*
 * A knowledge base search in characters: the kb worker's check, and every
 * page's search field (pt_page_init adds the limit "search" to each page,
 * for the search field in the header).
 */
#define PT_SEARCH_MAX_CHARS 200
/*
 * The text filter of a list (users, orgs, articles), in characters; a
 * longer one is dropped and the list shows everything.  The list's page
 * gives it as the limit "q" (pt_limit) for the field's maxlength.
 */
#define PT_FILTER_MAX_CHARS 100
/* Add a child element to parent; text may be NULL.  Text is escaped by libxml2. */
xmlNodePtr pt_node(xmlNodePtr parent, const char *name, const char *text);
void	 pt_attr(xmlNodePtr, const char *name, const char *value);
void	 pt_attr_int(xmlNodePtr, const char *name, long long value);
/* <form name=...> with the given fields echoed back (password fields never). */
xmlNodePtr pt_form_echo(struct pt_req *, const char *form, const char *const *fields, size_t n);
/* <form name=...> holding values[i] (NULL: "") for fields[i]: what the DB says, or what was read. */
xmlNodePtr pt_form_values(struct pt_req *, const char *name, const char *const *fields,
	    const char *const *values, size_t n);
/* <pager page pages total> under parent for a list of total rows, per_page a page. */
xmlNodePtr pt_pager(xmlNodePtr parent, long long page, long long total, long long per_page);

/*
 * 1 when requests are queued on the worker's socket: the process is busy,
 * and work that can wait (a batch of log rows) should wait (loop.c).
 */
int	 pt_requests_waiting(void);
/* Milliseconds on the monotonic clock, for "due after" in housekeeping. */
long long pt_clock_ms(void);

/* ---- navigation (nav.c): the site's sections and pages, one table ---- */

/*
 * <nav> under parent with the sections and pages the signed-in user may
 * open: <section name key href [current="1"]><link key href [current="1"]/>
 * ...</section>, in the order of the main navigation; current marks the
 * section and page the request's path belongs to.  Nothing for anonymous
 * visitors (their pages are kept by the page cache and must not differ).
 * pt_page_init() calls it.  PT_OK or PT_ENOMEM.
 */
int	 pt_nav_append(struct pt_req *, xmlNodePtr parent);
/*
 * The start page's tiles: one <element key href section> under parent per
 * page of the table the user may open that is meant as a tile; key.desc is
 * its text in the catalogue.  PT_OK or PT_ENOMEM.
 */
int	 pt_nav_tiles(struct pt_req *, xmlNodePtr parent, const char *element);
/*
 * Put count (a short text, e.g. "3" or a kept page's hole) on the nav's
 * section named section as its count attribute, which the navigation
 * shows next to its name: the tasks waiting for the reader.  Nothing when
 * the page has no such section.
 */
void	 pt_nav_count(struct pt_req *, const char *section, const char *count);

/* ---- the page cache (pagecache.c) --------------------------------------- */

/*
 * Rendered pages for anonymous visitors, shared by the worker's processes
 * on this host; see pagecache.c for when an entry is used.  A handler of a
 * public page calls pt_pagecache_serve() before it reads anything: 1 means
 * req->body holds the page (with this visitor's CSRF token) and the handler
 * returns 200 with no further work.  Otherwise it builds the page and calls
 * pt_pagecache_keep(), and the renderer keeps what it renders.  Whoever
 * changes what such pages show calls pt_pagecache_changed() after the
 * commit: every host's kept pages are outdated within a second
 * (pt_pagecache_invalidate() outdates this host's only: a stylesheet
 * reloaded in development).  pt_main() calls init and free.
 *
 * A page with a query string (a search) names its variant: a string that
 * holds everything the page depends on besides path and language.  It may
 * also carry one value that differs per request (the search's log id):
 * the handler puts pt_pagecache_value(req, v) where v goes, keeps a number
 * with the page (the result count), and on a later find sends the kept page
 * with its own value.  A page may carry up to PT_PAGECACHE_VALUES values
 * (pt_pagecache_value_at, pt_pagecache_send_values): short texts such as
 * counts, put in escaped.
 *
 * A handler whose page shows signed-in readers nothing of their own but
 * the header (name, organisation, e-mail, token), and nothing that does
 * not follow from their permissions, roles, home, time zone and language,
 * calls pt_pagecache_everyone() before serve or find: their pages are then
 * kept too, one per such "persona", never per person.
 */
int	 pt_pagecache_init(const char *worker);
void	 pt_pagecache_free(void);
int	 pt_pagecache_serve(struct pt_req *);
int	 pt_pagecache_find(struct pt_req *, const char *variant, long long *number);
int	 pt_pagecache_send(struct pt_req *, const char *value);
void	 pt_pagecache_keep(struct pt_req *, long long number);
const char *pt_pagecache_value(struct pt_req *, const char *value);
const char *pt_pagecache_value_at(struct pt_req *, size_t i, const char *value);
int	 pt_pagecache_send_values(struct pt_req *, const char *const *values, size_t n);
void	 pt_pagecache_everyone(struct pt_req *);
/*
 * A page of the signed-in reader's own (their ticket, their list) is kept
 * for them alone: the key holds their user id as well as their persona,
 * and the entry is used only while stamp (what the page was built from, as
 * the handler reads it in one cheap statement) is the same, and for at most
 * PT_PAGECACHE_PERSONAL_S seconds.  Call before serve or find.
 */
#define PT_PAGECACHE_PERSONAL_S 30
void	 pt_pagecache_personal(struct pt_req *, const char *stamp);
/*
 * The variant of a kept list page: its query's parameters, as they came,
 * each with its length (one entry per way of asking).  NULL when one is
 * not among params (not worth an entry: the page does not read it) or out
 * of memory.
 */
const char *pt_pagecache_variant(struct pt_req *, const char *const *params, size_t nparams);
/*
 * The page being kept reads differently from instant at on (a deadline on
 * it passes, "today" turns "yesterday"): its entry is not used from then.
 * The earliest of several calls counts.  Relative times on a personal
 * page say so themselves (the renderer calls it); a handler calls it for
 * what its page computed from the time.
 */
void	 pt_pagecache_until(struct pt_req *, time_t at);
/*
 * Remove this process's personal entries that are too old to be used, and
 * walk a few more names of the directory for any entry too old (every
 * [cache] pages_s); 1 while some remain or a walk goes on.  After each request.
 */
int	 pt_pagecache_sweep(void);
/* The signed-in reader's last sign-in for the tree: a placeholder when the page is kept. */
const char *pt_pagecache_last_login(struct pt_req *);
void	 pt_pagecache_invalidate(void);
void	 pt_pagecache_changed(struct pt_req *);
/* The statement that raises the database's page counter; its new value is the insert id. */
#define PT_PAGES_CHANGED_SQL "UPDATE auth_generation SET n = LAST_INSERT_ID(n + 1) WHERE id = 2"
/* This host outdated its pages for the database's page counter at n (portico-admin). */
void	 pt_pagecache_seen(unsigned long long n);

/* ---- dates (datetime.c) ------------------------------------------------ */

/*
 * "YYYY-MM-DD" (*date_only = 1) or "YYYY-MM-DD[T ]hh:mm[:ss[.f]][Z]" in
 * UTC to t; PT_EINVAL for anything else, impossible dates included.
 * (portico-flowd's timers read ISO 8601 offsets on top of it.)
 */
int	 pt_time_parse(const char *s, time_t *t, int *date_only);

/*
 * The UTC instant, as "YYYY-MM-DD hh:mm:ss" in out, at which the day
 * ("YYYY-MM-DD") plus days_later begins for the reader: in the signed-in
 * user's time zone, else the site's.  So a filter by day means the days
 * the reader sees on the page.  PT_EINVAL for a day that is not a date.
 */
int	 pt_day_start_utc(const struct pt_req *, const char *day, int days_later, char out[20]);
/*
 * The reader's calendar day ("YYYY-MM-DD" in out) that holds the instant
 * t: in the zone pt_day_start_utc uses.  pt_local_day(req, time(NULL), d)
 * is their today, what a date field offers first.
 */
void	 pt_local_day(const struct pt_req *, time_t t, char out[11]);
/*
 * The instant (UTC) at which the calendar month that holds t, plus
 * months_later months (may be negative), begins on the wall clock of zone
 * (NULL or unknown: the site's zone, else UTC): a budget's month is the
 * buyer's.  PT_OK.
 */
int	 pt_month_start(const char *zone, time_t t, int months_later, time_t *start);
/*
 * The reader's date ("YYYY-MM-DD") at t: in the signed-in user's time
 * zone, else the site's, as pt_day_start_utc counts days.  A date that
 * has "passed" (an offer's validity) is one before this.  PT_OK.
 */
int	 pt_local_date(const struct pt_req *, time_t t, char out[11]);
/*
 * A calendar date plus months (may be negative), clamped to the end of
 * the month (2026-01-31 + 1 month = 2026-02-28), plus days: what
 * DATE_ADD does.  PT_EINVAL for a day that is not a date.
 */
int	 pt_date_add(const char *day, int months, int days, char out[11]);
/*
 * The calendar day ("YYYY-MM-DD") of instant t on the wall clock of zone
 * (NULL or unknown: the site's zone, else UTC), whoever reads: the day
 * the provider dates an invoice.  PT_OK, or PT_EINVAL (out is "").
 */
int	 pt_zone_date(const char *zone, time_t t, char out[11]);
/*
 * The UTC stamp or date iso as the reader of req reads it (language and
 * zone), in style "datetime", "date", "time" or "iso", as pt:time() writes
 * it on pages: for what is not a page (a PDF).  In the arena; NULL on OOM.
 */
const char *pt_time_text(struct pt_req *, const char *iso, const char *style);

/* ---- business time and SLA clocks (businesstime.c) ---------------------- */

/*
 * A business calendar: weekly hours in an IANA time zone, holidays (whole
 * local days) and one-off closures (local date-time ranges).  An instant
 * is business time when the calendar's local wall clock at it lies within
 * an interval of that local day's weekday, the day is no holiday and no
 * closure covers that wall-clock time.  That definition is applied to
 * every instant, so across a DST change exactly the instants whose wall
 * clock is in business hours count: a 24x7 calendar's local day of
 * spring-forward has 23 business hours, the autumn one 25; hours of a
 * wall-clock range that occurs twice count twice, hours skipped never.
 *
 * The caller owns the arrays and fills them; pt_bt_prepare() checks and
 * sorts them in place, and must succeed before any other pt_bt_ or
 * pt_clock_ function gets the calendar.  Nothing here allocates or
 * touches TZ after a zone's first use (datetime.c builds each zone's
 * offset table once per process).
 */
#define PT_TIME_MAX	((time_t)253402300799LL)	/* 9999-12-31T23:59:59Z */
#define PT_DAY_S	86400L

struct pt_bt_hours {
	int		 weekday;	/* ISO 8601: 1 Monday .. 7 Sunday */
	long		 from_s;	/* local seconds after midnight, 0 <= from_s < to_s */
	long		 to_s;		/* ... <= PT_DAY_S (24:00, the end of the day) */
};

/* Local wall-clock instants: seconds since 1970-01-01 00:00 of the calendar's clock. */
struct pt_bt_closure {
	long long	 from_local;	/* first closed second */
	long long	 to_local;	/* first open second again; > from_local */
};

struct pt_bt_calendar {
	const char		*zone;		/* a zone of the tz database, e.g. "Europe/Berlin" */
	struct pt_bt_hours	*hours;
	size_t			 nhours;
	long			*holidays;	/* local dates as days since 1970-01-01 (pt_bt_date) */
	size_t			 nholidays;
	struct pt_bt_closure	*closures;
	size_t			 nclosures;
};

/*
 * Check cal (a known zone, hours within their day, closures not empty)
 * and sort its arrays.  Hours may overlap and closures may overlap each
 * other.  PT_OK or PT_EINVAL.
 */
int	 pt_bt_prepare(struct pt_bt_calendar *cal);
/* "YYYY-MM-DD" as days since 1970-01-01; PT_EINVAL for anything else. */
int	 pt_bt_date(const char *ymd, long *day);
/* A local "YYYY-MM-DD hh:mm[:ss]" (or with 'T') as wall-clock seconds; PT_EINVAL otherwise. */
int	 pt_bt_local(const char *s, long long *local);
/* A UTC stamp "YYYY-MM-DD hh:mm:ss[.f]" (as MariaDB sends DATETIME) or ISO 8601 with Z. */
int	 pt_utc_parse(const char *s, time_t *t);
/* t as "YYYY-MM-DD hh:mm:ss" (UTC), for binding to a DATETIME column. */
void	 pt_utc_format(time_t t, char out[20]);

/*
 * A calendar read by one query as rows (kind, a, b, c): its zone ('z',
 * name), hours ('h', ISO weekday, from and to in local seconds of the
 * day), holidays ('d', days since 1970) and closures ('c', local seconds
 * since 1970 from and to), prepared; zone (size bytes) keeps the zone's
 * name.  The arrays come from calloc: pt_bt_rows_free.  PT_OK, PT_ENOMEM
 * or PT_EINVAL (the calendar is refused).  ticket-sla.c reads a policy's,
 * portico-flowd an org's.
 */
struct pt_rows;
int	 pt_bt_from_rows(struct pt_bt_calendar *, char *zone, size_t size,
	    const struct pt_rows *rows);
void	 pt_bt_rows_free(struct pt_bt_calendar *);

/* 1 if t is business time, 0 if not. */
int	 pt_bt_is_business(const struct pt_bt_calendar *, time_t t);
/*
 * The first stretch of business time at or after t: [*from, *to) with
 * *from >= t, as long as the zone's offset stays the same (a stretch
 * across a DST change comes in two).  PT_ENOTFOUND when the calendar has
 * no business time in the next PT_BT_HORIZON_DAYS days.
 */
#define PT_BT_HORIZON_DAYS 1000
int	 pt_bt_next(const struct pt_bt_calendar *, time_t t, time_t *from, time_t *to);
/*
 * The earliest instant *due >= from by which business_s business seconds
 * have passed since from: from itself for 0, the end of a business
 * interval when the time runs out exactly there (18:00 on Friday, not
 * Monday morning).  PT_OK; PT_EINVAL for a negative amount; PT_ENOTFOUND
 * when the calendar's business time ends for good (see pt_bt_next).
 */
int	 pt_bt_add(const struct pt_bt_calendar *, time_t from, long long business_s,
	    time_t *due);
/* Business seconds in [from, to) into *business_s; 0 when to <= from.  PT_OK or PT_EINVAL. */
int	 pt_bt_between(const struct pt_bt_calendar *, time_t from, time_t to,
	    long long *business_s);

/*
 * An SLA clock: target_s business seconds to do something (answer,
 * update, resolve).  It runs in the calendar's business time only, is
 * paused (all clocks of a ticket, while it waits for the customer) and
 * resumed, and stopped when the thing is done.  The struct is what a
 * clock's database row holds; the functions move it from one state to the
 * next at the instant now, which must never go backwards for one clock.
 *
 * Due: while running, the instant the target is used up if it keeps
 * running; once that instant has passed (the clock breached) it is kept
 * for good, through pauses and the stop.  A paused clock that has not
 * breached has no due (has_due 0): it will only be known at resume.  A
 * clock breaches when it is still running after its due: an answer at
 * the due second itself is in time.
 */
enum pt_clock_state { PT_CLOCK_RUNNING, PT_CLOCK_PAUSED, PT_CLOCK_STOPPED };

struct pt_clock {
	enum pt_clock_state state;
	long long	 target_s;	/* business seconds allowed, >= 0 */
	long long	 consumed_s;	/* business seconds used up to since */
	time_t		 since;		/* when it last started, resumed, paused or stopped */
	int		 has_due;
	time_t		 due;
};

/* Start a running clock at now with target_s (>= 0).  PT_OK, PT_EINVAL, PT_ENOTFOUND. */
int	 pt_clock_start(struct pt_clock *, const struct pt_bt_calendar *, long long target_s,
	    time_t now);
/* Running: paused at now, its business time so far counted.  Otherwise nothing changes. */
int	 pt_clock_pause(struct pt_clock *, const struct pt_bt_calendar *, time_t now);
/* Paused: running again from now, with a new due unless it breached before.  Else nothing. */
int	 pt_clock_resume(struct pt_clock *, const struct pt_bt_calendar *, time_t now);
/* Running or paused: stopped (done) at now, or at the pause.  Only reopen runs it again. */
int	 pt_clock_stop(struct pt_clock *, const struct pt_bt_calendar *, time_t now);
/*
 * Stopped: running again from now with the business time it had (the
 * resolution clock of a reopened ticket); its due as at resume.  Else nothing.
 */
int	 pt_clock_reopen(struct pt_clock *, const struct pt_bt_calendar *, time_t now);
/* Start again from zero with the same target (the update clock after each public reply). */
int	 pt_clock_restart(struct pt_clock *, const struct pt_bt_calendar *, time_t now);
/* Business seconds used by now (a running clock counts on; the others stand still). */
int	 pt_clock_consumed(const struct pt_clock *, const struct pt_bt_calendar *, time_t now,
	    long long *consumed_s);
/*
 * The share of the target used by now, in percent: rounded down, past 100
 * once overdue (at most PT_CLOCK_PERCENT_MAX), 100 for a zero target.
 */
#define PT_CLOCK_PERCENT_MAX 10000
int	 pt_clock_percent(const struct pt_clock *, const struct pt_bt_calendar *, time_t now,
	    int *percent);
/*
 * A running clock: the instant its share reaches percent (1..100), or
 * since when it reached it before it last (re)started.  PT_ENOTFOUND for a
 * clock that is not running or a calendar without more business time.
 */
int	 pt_clock_warn_at(const struct pt_clock *, const struct pt_bt_calendar *, int percent,
	    time_t *at);
/* 1 if the clock breached by now (it ran past its due), with that due in *at; else 0. */
int	 pt_clock_breached(const struct pt_clock *, time_t now, time_t *at);

/* ---- rendering (render.c, i18n.c) -------------------------------------- */

int	 pt_render_init(const char *xslt_dir, const char *theme, int development);
void	 pt_render_free(void);
/* Turn req->doc into req->body: XML if req->want_xml, else HTML via worker/view.xsl. */
int	 pt_render(struct pt_req *);
/* Render a stylesheet path (relative to the xslt dir) with a theme, for tests. */
int	 pt_render_view(struct pt_req *, const char *view_path);
/* Parse the worker's views now, so a broken stylesheet shows at start-up. */
int	 pt_render_preload(const char *worker, const char *const *views, size_t n);
/*
 * 1 unless pt_render_mark_broken() was called because a preloaded view
 * failed; in development 1 again once every view compiles.
 */
int	 pt_render_ready(void);
void	 pt_render_mark_broken(void);
/*
 * Transform in (not a page: e.g. a mail) with the stylesheet rel, a path
 * under the xslt dir ("mail/invite.xsl"), with the theme's theme.xsl
 * imported after it as for pages; pt:t() speaks req->lang.  *out is owned by the request's arena.
 * PT_ESYS if the stylesheet is there but it, its layout or the theme does
 * not compile (an operator's fix makes it work); PT_EINVAL if it is missing
 * or the transform fails on this document.
 */
int	 pt_render_doc(struct pt_req *, const char *rel, xmlDocPtr in, xmlDocPtr *out);
int	 pt_i18n_load(const char *xslt_dir, const char *const *langs, size_t nlangs);
/* pt_i18n_load of the valid codes in [site] languages (default "en de"), at most 8. */
int	 pt_i18n_load_site(const char *xslt_dir);
/*
 * Merge the theme's catalogues (xslt/themes/<theme>/i18n/<lang>.xml, each
 * optional) over the main ones, now and on every later load or refresh.
 * pt_render_init calls it.
 */
int	 pt_i18n_theme(const char *xslt_dir, const char *theme);
void	 pt_i18n_free(void);
/* The catalogue text for key in lang, or NULL. */
const char *pt_i18n_get(const char *lang, const char *key);
const char *const *pt_languages(size_t *n);
/* The site language equal to code (the catalogue's own string), or NULL. */
const char *pt_language(const char *code);

/* ---- database (db.c) --------------------------------------------------- */

/*
 * A statement of a worker's table.  Prepared once per connection.
 *
 * A write (INSERT, UPDATE, DELETE, REPLACE) that names one of the tables a
 * signed-in session is read from (sessions, users, orgs, roles,
 * user_roles, role_permissions, permissions) outdates every session the
 * worker processes keep once the request is done (session.c): nothing
 * else needs to be done by a handler that changes them.  A write that
 * changes nothing a session already kept must show starts its text with
 * PT_SQL_KEEPS_SESSIONS (the sign-in's stamp of last_login_at: the sessions
 * already open keep the "last sign-in" they showed, and every sign-in would
 * otherwise empty every process's kept sessions and lists).
 */
#define PT_SQL_KEEPS_SESSIONS "/* keeps sessions */ "
struct pt_sql {
	const char	*name;
	const char	*text;
};

enum pt_bind_type { PT_B_NULL, PT_B_INT, PT_B_STR, PT_B_BLOB };
struct pt_bind {
	enum pt_bind_type type;
	long long	 i;
	const void	*p;
	size_t		 len;
};
struct pt_bind pt_int(long long);
struct pt_bind pt_str(const char *);		/* NULL binds SQL NULL */
struct pt_bind pt_blob(const void *, size_t);
#define PT_BINDS(...) (const struct pt_bind[]){ __VA_ARGS__ }, \
	(sizeof((const struct pt_bind[]){ __VA_ARGS__ }) / sizeof(struct pt_bind))
#define PT_NOBINDS NULL, 0

/* Rows of a result, every cell as a NUL-terminated string (NULL for SQL NULL), in the arena. */
struct pt_rows {
	size_t		 nrows;
	size_t		 ncols;
	char		**cell;		/* nrows * ncols */
	size_t		*len;
};
#define pt_cell(rows, r, c)	((rows)->cell[(r) * (rows)->ncols + (c)])
long long pt_cell_int(const struct pt_rows *, size_t r, size_t c);

/* Register a worker's statements; call before the first request. */
int	 pt_db_register(const struct pt_sql *, size_t n);
int	 pt_db_init(void);
void	 pt_db_close(void);
int	 pt_db_query(struct pt_req *, const struct pt_sql *, struct pt_rows *,
	    const struct pt_bind *, size_t nbinds);
/*
 * pt_db_query for a statement that reads rarely changing lists (the
 * agents, ticket groups, canned responses): its rows for the same binds
 * are kept by the process and used again, copied into the arena, until a
 * write to any table they may be read from, by any process, outdates them
 * (kept.c; on this host at the next request, on others within half a
 * second, as kept sessions).  The statement may read only tables named in
 * the runtime's list of those (db.c); any other is refused, PT_EINVAL.
 */
int	 pt_kept_query(struct pt_req *, const struct pt_sql *, struct pt_rows *,
	    const struct pt_bind *, size_t nbinds);
/*
 * How many writes to those tables (auth_generation) the process knows of,
 * current as kept rows are (on this host at once, from others within half
 * a second): a kept page that shows names read from them carries it in
 * its stamp.  -1 when it cannot be read.
 */
long long pt_kept_generation(struct pt_req *);
/* Execute; *affected (may be NULL) gets the affected rows, insert id via pt_db_insert_id. */
int	 pt_db_exec(struct pt_req *, const struct pt_sql *, const struct pt_bind *,
	    size_t nbinds, unsigned long long *affected);
/*
 * pt_db_exec for nrows rows of nbinds binds each (b: row after row), in
 * one round trip: for an INSERT of several rows.  A column's binds are of
 * one kind (pt_int, pt_str or pt_blob) or SQL NULL; *affected gets the
 * sum.  The insert id is not told.
 */
int	 pt_db_exec_rows(struct pt_req *, const struct pt_sql *, const struct pt_bind *,
	    size_t nbinds, size_t nrows, unsigned long long *affected);
unsigned long long pt_db_insert_id(void);
/*
 * A write that a unique key refuses returns PT_EDUP (not PT_EDB): the
 * statement did nothing, an open transaction stays open for the caller to
 * roll back, and the caller answers 422 with a message at the field.
 * pt_db_dup_key() names the key (its name in the schema, e.g. "orgs_name")
 * until the next duplicate; "" if the server did not say.
 */
const char *pt_db_dup_key(void);
int	 pt_db_begin(struct pt_req *);
int	 pt_db_commit(struct pt_req *);
void	 pt_db_rollback(struct pt_req *);
int	 pt_db_ping(void);	/* PT_OK if the database answers now (one round trip) */
/*
 * The server's (or client library's) error number of the last statement
 * that failed: 1213 a deadlock, 1205 a lock wait timeout (roll back and
 * run the transaction again), 2006/2013 a lost connection.
 */
unsigned int pt_db_errno(void);
/* Did the last failure lose the connection (the database is away)? */
int	 pt_db_lost(void);
/*
 * A daemon's view of a database outage (portico-mailer, portico-flowd):
 * pt_db_outage(o, 1) after a failure logs when the outage begins and once
 * a minute while it lasts, and returns how long to wait before trying
 * again (1 s, doubling up to 8 s); pt_db_outage(o, 0) after a success logs
 * the end of one and returns 0.  Start from a zeroed struct.
 */
struct pt_db_outage {
	time_t		 since, noted;
	long		 wait_ms;
};
long	 pt_db_outage(struct pt_db_outage *, int down);
/*
 * A statement every new connection of the workers' account runs first,
 * after the runtime's own settings: a daemon's session settings
 * (portico-flowd: READ COMMITTED).  Call before the first statement.
 */
void	 pt_db_session(const char *sql);
/* PT_OK if the connection is open and not closed by the server; no round trip. */
int	 pt_db_alive(void);
/*
 * The database accounts: the workers' (data rights only) and the one
 * portico-admin migrate uses (DDL rights; [database] migrate_user, or the
 * workers' account when that is empty).
 */
enum pt_db_account { PT_DB_WORKERS, PT_DB_MIGRATE };
void	 pt_db_account(enum pt_db_account, const char **user, const char **password);
/*
 * A separate connection, as account, that accepts several statements per
 * query: for portico-admin only.  NULL when it fails; then
 * pt_db_connect_error() has the server's message.
 */
struct st_mysql *pt_db_connect_admin(enum pt_db_account);
const char *pt_db_connect_error(void);

/* ---- one-time tokens (token.c): reset, invitation, email confirmation ---- */

/*
 * Mint a token for user and purpose ("reset", "invite", "email"), valid for
 * ttl_s seconds; data (may be NULL) is kept with it, e.g. a new address.
 * The raw token (64 hex digits) goes to out; only its SHA-256 is stored.
 * Call inside the transaction of the change that sends it.
 */
int	 pt_token_create(struct pt_req *, int64_t user_id, const char *purpose,
	    const char *data, long ttl_s, char out[65]);
/*
 * Look a token up: PT_OK with the user and data (arena) if it is known,
 * unused and unexpired for purpose, else PT_ENOTFOUND.  With consume, mark
 * it used (call inside the transaction of the change it authorises).
 */
int	 pt_token_check(struct pt_req *, const char *purpose, const char *token,
	    int consume, int64_t *user_id, const char **data);
/*
 * Void the user's outstanding tokens of purposes (comma-separated, e.g.
 * "reset,email"; NULL for every purpose): they answer like used ones.
 * Call inside the transaction of the change that makes them stale.
 */
int	 pt_token_void(struct pt_req *, int64_t user_id, const char *purposes);
/*
 * Invite user_id (status invited) to org_name: a link (token "invite")
 * valid for PT_INVITE_TTL_DAYS and the mail "invite" in lang, saying that
 * inviter invites them.  Call inside the transaction of the invitation.
 */
#define PT_INVITE_TTL_DAYS 7
int	 pt_invite_send(struct pt_req *, int64_t user_id, const char *email, const char *name,
	    const char *org_name, const char *lang, const char *inviter);

/* ---- email (mail.c): queued in the outbox, sent by portico-mailer ------ */

/* A <data> element for pt_mail_queue, freed with the request (arena); NULL on OOM. */
xmlNodePtr pt_mail_data(struct pt_req *);
/*
 * Queue a mail: template names xslt/mail/<template>.xsl, rendered by
 * portico-mailer in lang with data (an element, copied) as /mail/data.
 * data NULL (a failed pt_mail_data) answers PT_ENOMEM, so the caller need
 * not check it.  Call inside the transaction of the change it reports.
 */
int	 pt_mail_queue(struct pt_req *, const char *template, const char *to_email,
	    const char *to_name, const char *lang, xmlNodePtr data);
/*
 * What threads a mail of a conversation and where its answers go; each
 * member may be NULL.  message_id ("<local@domain>") is its Message-ID
 * (NULL: the mailer makes one), in_reply_to and references
 * (space-separated Message-IDs) thread it, reply_to is the address its
 * Reply-To names (a ticket's reply address, see pt_reply_address).
 */
struct pt_mail_thread {
	const char	*message_id;
	const char	*in_reply_to;
	const char	*references;
	const char	*reply_to;
};
/* pt_mail_queue for a mail of a conversation (th NULL: as pt_mail_queue). */
int	 pt_mail_queue_thread(struct pt_req *, const char *template, const char *to_email,
	    const char *to_name, const char *lang, xmlNodePtr data, const struct pt_mail_thread *th);
/* One mail of several queued at once: what pt_mail_queue_thread takes. */
struct pt_mail {
	const char			*template;
	const char			*to_email;
	const char			*to_name;
	const char			*lang;
	xmlNodePtr			 data;
	const struct pt_mail_thread	*th;	/* NULL: none */
};
/* Queue n mails with one statement (a round trip for them all). */
int	 pt_mail_queue_all(struct pt_req *, const struct pt_mail *, size_t n);
/* The site's public base URL for links in mails, without a trailing slash. */
const char *pt_base_url(void);
/* A mail's language: lang if it is a site language, else the first site language. */
const char *pt_mail_lang(const char *lang);

/* ---- invoices and credit notes (invoice.c) ------------------------------ */

/* Its statements: listed by the programs that issue (portico-orders, portico-flowd). */
extern const struct pt_group pt_invoice_group;

/* An invoice's number: INV-<year>-<six digits or more>; a credit note's CN-<year>-... */
#define PT_INVOICE_NUMBER_ROUTE	"((?:INV|CN)-[0-9]{4}-[0-9]{6,9})"
int	 pt_invoice_number_ok(const char *s);
/* "/orders/invoices/<number>" in the arena. */
const char *pt_invoice_href(struct pt_req *, const char *number);

/*
 * What an issuing did: with refusal NULL, the invoice (or credit note) id,
 * number (arena) and gross total; else refusal is the message key of why
 * nothing was written (the caller rolls back and says it):
 * orders.invoice.refused.status (the order is not confirmed yet, or
 * cancelled), .nothing (every line is billed), .billed (the shipment's
 * quantities are billed already), .credit (more than billed and not yet
 * credited), .paid (not open).
 */
struct pt_invoice_out {
	long long	 id;
	const char	*number;
	long long	 gross_minor;
	const char	*refusal;
};
/*
 * Issue an invoice for the order: for the shipment's quantities
 * (shipment_id, a shipment of that order), or with shipment_id 0 for
 * every quantity not billed yet.  Inside the caller's transaction, by the
 * session's user or (none) an integration; with its audit row, and a mail
 * to the order's buyer (unless they want none about orders).  The
 * buyer's address is their organisation's billing address, else the
 * order's delivery address; the due date follows the organisation's
 * payment terms.  PT_OK (see out->refusal), PT_ENOTFOUND (no such order,
 * or shipment of it), or an error.
 */
int	 pt_invoice_issue(struct pt_req *, long long order_id, long long shipment_id,
	    struct pt_invoice_out *out);
/* A line of a credit note: a quantity of the order's line order_line_no. */
struct pt_credit_line {
	long long	 order_line_no;
	long long	 quantity;
};
/*
 * Issue a credit note for the order (a return's refund; return_id 0:
 * none): the lines' quantities at the prices they were ordered at, as
 * negative amounts, at most what invoices billed minus what credit notes
 * gave back.  As pt_invoice_issue; PT_EINVAL for a line the order lacks.
 */
int	 pt_invoice_credit(struct pt_req *, long long order_id, long long return_id,
	    const struct pt_credit_line *lines, size_t n, struct pt_invoice_out *out);
/* Mark the invoice paid (a credit note: refunded), with its audit row.  As above. */
int	 pt_invoice_mark_paid(struct pt_req *, long long invoice_id, struct pt_invoice_out *out);

/* ---- an order's approval (order-approval.c) and a return's steps (return.c) ---- */

/* Their statements: listed by portico-orders and portico-flowd. */
extern const struct pt_group pt_order_group;
extern const struct pt_group pt_return_group;
/*
 * Lock the buyer's cart row, which is also the lock of their monthly
 * budget: the first statement of a checkout and of a decision on their
 * order, so the month they are checked or counted against never changes
 * under them.  Inside a transaction.
 */
int	 pt_order_budget_lock(struct pt_req *, long long buyer_id, long long org_id);
/* A row of an order's timeline: the status it entered, by user_id (0: by the rules), comment (NULL: none). */
int	 pt_order_event(struct pt_req *, long long order_id, long long user_id, const char *status,
	    const char *comment);
/* The facts the mails about an order's approval say: one row of these columns, or PT_ENOTFOUND. */
enum {
	PT_OF_NUMBER, PT_OF_CURRENCY, PT_OF_NET, PT_OF_GROSS, PT_OF_REASON, PT_OF_CREATED, PT_OF_PO,
	PT_OF_ORG, PT_OF_ORG_ID, PT_OF_BUYER_ID, PT_OF_BUYER_EMAIL, PT_OF_BUYER, PT_OF_BUYER_LANG,
	PT_OF_BUYER_MAILS	/* 1 if the buyer is active and wants mails about orders */
};
int	 pt_order_facts(struct pt_req *, long long order_id, struct pt_rows *facts);
/* A mail's <data> of those facts (number, buyer, org, po, created, net, gross, reason, link); NULL on OOM. */
xmlNodePtr pt_order_mail_data(struct pt_req *, const struct pt_rows *facts);
/*
 * Decide an order that awaits approval: decision "approved" or
 * "rejected", by decided_by (0: nobody in person), with a comment (NULL:
 * none), and the timeline row, audit row and the buyer's mail.  PT_OK
 * with *refusal NULL; PT_OK with *refusal "orders.approval.not-waiting"
 * (nothing written: it does not await approval); PT_ENOTFOUND (no such
 * order or person); PT_EINVAL (another decision); or an error.
 */
int	 pt_order_decide(struct pt_req *, long long order_id, const char *decision,
	    long long decided_by, const char *comment, const char **refusal);
/*
 * A return's step to status to: approved or rejected (from requested;
 * rejected also from received, after an inspection), received (from
 * approved), refunded (with a credit note of its lines) or replaced (from
 * received).  text: the instructions, the reason or a note ("" or NULL:
 * none).  By req->session.user (NULL: nobody in person), with its
 * timeline row, the mail to who asked and the audit row.  PT_OK with
 * *refusal NULL, or a message key of why nothing was written
 * (orders.return.not-waiting, or a credit note's refusal); PT_ENOTFOUND;
 * PT_EINVAL for another status; or an error.
 */
int	 pt_return_step(struct pt_req *, long long return_id, const char *to, const char *text,
	    const char **refusal);
/* A row of a return's timeline: the status it entered, by req->session.user, comment (NULL: none). */
int	 pt_return_event(struct pt_req *, long long return_id, const char *status, const char *comment);
/* 1 if a return in status may step to to (status NULL: if to is a step at all). */
int	 pt_return_step_from(const char *to, const char *status);
/* The name of a step's text (instructions, reason, receive_note, ...), NULL for no step. */
const char *pt_return_step_field(const char *to);

/* ---- tickets (ticket.c, ticket-mail.c) ----------------------------------- */

/*
 * What changes a ticket, for every program that changes one (the tickets
 * worker, portico-mailin).  The actor is req->session.user; every write
 * belongs inside the caller's transaction, after the ticket's row was
 * locked.  The statements are the groups pt_ticket_group and
 * pt_ticket_mail_group: list them among the worker's groups (or
 * pt_db_register them).
 */
extern const struct pt_group pt_ticket_group;
extern const struct pt_group pt_ticket_mail_group;

/* The services an organisation may use: binds its id; aliases s (service), o (org). */
#define PT_TICKET_AUDIENCE_JOIN " JOIN orgs o ON o.id = ?"
#define PT_TICKET_AUDIENCE_SQL \
	" (o.kind = 'provider' OR FIND_IN_SET(o.kind, s.audience) > 0)" \
	" AND (NOT EXISTS (SELECT 1 FROM ticket_service_tiers x WHERE x.service_id = s.id)" \
	"   OR EXISTS (SELECT 1 FROM ticket_service_tiers x WHERE x.service_id = s.id" \
	"     AND x.tier = o.tier))"

/* A ticket's subject and a message's text in characters, however they come in. */
#define PT_TICKET_SUBJECT_MAX_CHARS	200
#define PT_TICKET_BODY_MAX_CHARS	20000

/* One row of the ticket's history: field went from old to new (either may be NULL). */
int	 pt_ticket_history(struct pt_req *, long long ticket_id, const char *field,
	    const char *old, const char *new_value);
/*
 * Whether a person of the provider's staff touched the ticket in this
 * request (an answer, a note, a new status, priority, group or assignee):
 * what ends its escalation (ticket-escalation.bpmn).
 */
int	 pt_ticket_touched_here(const struct pt_req *, long long ticket_id);
/* Mark the ticket as changed now (updated_at). */
int	 pt_ticket_touch(struct pt_req *, long long ticket_id);
/*
 * A status change with its history rows and the times it sets (resolved,
 * closed); reason only for pending (customer, third_party).
 */
int	 pt_ticket_set_status(struct pt_req *, long long ticket_id, const char *old_status,
	    const char *old_reason, const char *status, const char *reason);
/*
 * A new priority (1..5) with its history row; the SLA clocks get the
 * policy's targets for it (pt_ticket_sla_priority).  Nothing when it is
 * the old one.
 */
int	 pt_ticket_set_priority(struct pt_req *, long long ticket_id, long long old_priority,
	    long long priority);
/* [tickets] reopen_days: a customer's reply within them reopens a resolved ticket. */
long	 pt_ticket_reopen_days(void);
/*
 * 1 if the ticket's customers may still reply: not closed, and not
 * resolved longer ago than the reopen window (resolved_ago_s: seconds
 * since resolved_at as text, NULL when unknown).
 */
int	 pt_ticket_customer_may_reply(const char *status, const char *resolved_ago_s);
/* The status a customer's reply leaves: pending and resolved become open. */
const char *pt_ticket_status_after_customer_reply(const char *status);
/* A Message-ID "<local@domain>" of the sender's domain ([smtp] from), in the arena. */
const char *pt_ticket_message_id(struct pt_req *, const char *local);
/*
 * Add a message to the conversation: kind public, internal or system, via
 * web or mail.  *id gets its id.  *message_id is its Message-ID (of the
 * mail it came in, or that its mails carry): when NULL, a new one is made.
 */
int	 pt_ticket_message_add(struct pt_req *, long long ticket_id, const char *kind,
	    const char *via, const char *body, long long *id, const char **message_id);

/* Files of a message: at most PT_TICKET_FILES_MAX of PT_TICKET_FILE_MAX_BYTES each. */
#define PT_TICKET_FILE_MAX_BYTES	(10LL * 1024 * 1024)
#define PT_TICKET_FILES_MAX		8
struct pt_ticket_file {
	const struct pt_upload	*up;		/* the bytes and the name as sent */
	const struct pt_file_type *type;	/* by its first bytes (pt_file_sniff) */
	const char	*name;		/* the name people see (after pt_ticket_files_save) */
	const char	*path;		/* where it is stored (after pt_ticket_files_save) */
	char		 storage[65];
	long long	 id;		/* its row (after pt_ticket_files_store) */
};
struct pt_ticket_files {
	struct pt_ticket_file	 f[PT_TICKET_FILES_MAX];
	size_t			 n;
};
/* Write them under [paths] files/tickets/ (before the transaction). */
int	 pt_ticket_files_save(struct pt_req *, struct pt_ticket_files *);
/* Their rows, of the message (and of a form field when field_id is not 0). */
int	 pt_ticket_files_store(struct pt_req *, long long ticket_id, long long message_id,
	    long long field_id, struct pt_ticket_files *);
/* Remove what pt_ticket_files_save wrote (the transaction failed). */
void	 pt_ticket_files_forget(struct pt_req *, const struct pt_ticket_files *);
/* [{"filename":...,"storage_name":...}] for the audit row; NULL on OOM. */
const char *pt_ticket_files_json(struct pt_req *, const struct pt_ticket_files *);

/* A new ticket of the actor's organisation, the actor its requester. */
struct pt_ticket_new {
	long long	 service_id;
	const char	*type;		/* incident, request, question: the service's */
	const char	*group_id;	/* the service's group, NULL for none */
	long long	 impact, urgency;
	const char	*subject;
	const char	*body;		/* the first message */
	const char	*via;		/* web or mail */
	const char	*message_id;	/* of the first message; NULL: the thread's */
};
struct pt_ticket_made {
	long long	 id;
	const char	*number;	/* T-<year>-<seq> */
	const char	*thread;	/* the Message-ID its mails refer to */
	long long	 priority;
	long long	 message;	/* the first message's id */
	const char	*message_id;
};
/*
 * Create it with its number, priority, first message and history row.  The
 * caller adds answers and files, the audit row and pt_ticket_mail_new.
 */
int	 pt_ticket_create(struct pt_req *, const struct pt_ticket_new *, struct pt_ticket_made *);

/*
 * Mails about a ticket (ticket-mail.c), each recipient in their language,
 * threaded on the ticket's thread: a new ticket to its group's members;
 * an agent's public reply and change of status to the requester and CC,
 * with the ticket's reply address as Reply-To; a customer's reply to the
 * assignee, else the group.  message_id is the Message-ID the mails carry (NULL: the
 * mailer makes one).  Never to the actor.
 */
int	 pt_ticket_mail_new(struct pt_req *, const struct pt_ticket_new *,
	    const struct pt_ticket_made *);
int	 pt_ticket_mail_reply(struct pt_req *, long long ticket_id, const char *message_id,
	    const char *body);
int	 pt_ticket_mail_update(struct pt_req *, long long ticket_id, const char *message_id,
	    const char *body);
/* An agent's change of status to the requester and CC (reason for pending, else NULL). */
int	 pt_ticket_mail_status(struct pt_req *, long long ticket_id, const char *status,
	    const char *reason);

/*
 * SLA clocks (ticket-sla.c).  pt_ticket_create starts a new ticket's
 * clocks and pt_ticket_set_status pauses, resumes, stops and reopens
 * them; their statements are the group pt_ticket_sla_group, which every
 * program that changes tickets lists or registers with the other two.
 */
extern const struct pt_group pt_ticket_sla_group;
/* An agent's public reply: first response stops, the update clock starts again. */
int	 pt_ticket_sla_replied(struct pt_req *, long long ticket_id);
/*
 * A new priority: each clock not yet stopped gets its policy's target for
 * it, the business time used kept (pt_ticket_set_priority calls it).
 */
int	 pt_ticket_sla_priority(struct pt_req *, long long ticket_id, long long priority);
/*
 * Record the warnings and breaches the ticket's clocks reached by now,
 * each once, in a transaction of its own (call outside one).
 */
int	 pt_ticket_sla_check(struct pt_req *, long long ticket_id);
/*
 * The breach mail of the ticket's clock (first_response, update,
 * resolution) to the leads of its group, saying that the ticket will be
 * theirs if nobody touches it: the escalation process's first step
 * (flowd's action ticket.sla_alert), in the caller's transaction.  PT_OK;
 * PT_ENOTFOUND when the ticket has no such clock; PT_EINVAL for a clock
 * that is none; PT_EDB.
 */
int	 pt_ticket_sla_alert(struct pt_req *, long long ticket_id, const char *clock);
/* pt_ticket_sla_housekeeping: below, after enum pt_housekeeping. */
/*
 * What a customer is told of the clocks, as two columns of a query of the
 * ticket aliased t: the due of the next answer they are promised (ISO
 * 8601, NULL when none runs in time) and 1 while the clocks wait for them.
 */
#define PT_TICKET_SLA_COLUMNS \
	"(SELECT DATE_FORMAT(MIN(c.due_at), '%Y-%m-%dT%H:%i:%sZ') FROM ticket_sla_clocks c" \
	"   WHERE c.ticket_id = t.id AND c.kind IN ('first_response', 'update')" \
	"   AND c.state = 'running' AND c.due_at >= UTC_TIMESTAMP(6))," \
	" EXISTS (SELECT 1 FROM ticket_sla_clocks c WHERE c.ticket_id = t.id AND c.state = 'paused')"

/*
 * What the agent desk counts (the tickets worker's /tickets/desk and the
 * start page's box in the auth worker, which reads the tickets tables
 * with its own statement): columns of a SELECT, each the tickets still
 * being worked on (new, open, pending) of one view, counted up to
 * PT_DESK_COUNT_CAP, so that a count reads at most that many rows of an
 * index (migration 0030).
 *   mine         assigned to the agent (binds: agent)
 *   unassigned   nobody's, of the agent's groups or of no group; all of
 *                them for an agent in no group (binds: agent x2; up to
 *                twice the cap: the groups' and the group-less ones)
 *   breaching    a running clock at its warning share or past its due
 *                (tickets.sla_warn_at); paused clocks do not count
 */
#define PT_DESK_COUNT_CAP	100
#define PT_DESK_COUNT_LIMIT	" LIMIT 100"	/* PT_DESK_COUNT_CAP in SQL */
#define PT_DESK_COUNT_MINE \
	"(SELECT COUNT(*) FROM (SELECT 1 FROM tickets t WHERE t.assignee_id = ? AND t.desk_active = 1" \
	PT_DESK_COUNT_LIMIT ") x)"
#define PT_DESK_COUNT_UNASSIGNED \
	"IF(EXISTS (SELECT 1 FROM ticket_group_members m WHERE m.user_id = ?)," \
	" (SELECT COUNT(*) FROM ((SELECT STRAIGHT_JOIN t.id FROM ticket_group_members m" \
	"   JOIN tickets t ON t.group_id = m.group_id AND t.assignee_id IS NULL AND t.desk_active = 1" \
	"   WHERE m.user_id = ?" PT_DESK_COUNT_LIMIT ")" \
	"   UNION ALL (SELECT t.id FROM tickets t WHERE t.group_id IS NULL AND t.assignee_id IS NULL" \
	"   AND t.desk_active = 1" PT_DESK_COUNT_LIMIT ")) x)," \
	" (SELECT COUNT(*) FROM (SELECT 1 FROM tickets t WHERE t.assignee_id IS NULL" \
	"   AND t.desk_active = 1" PT_DESK_COUNT_LIMIT ") x))"
#define PT_DESK_COUNT_BREACHING \
	"(SELECT COUNT(*) FROM (SELECT 1 FROM tickets t WHERE t.desk_active = 1" \
	" AND t.sla_warn_at <= UTC_TIMESTAMP(6)" PT_DESK_COUNT_LIMIT ") x)"

/* ---- budgets (budget.c) -------------------------------------------------- */

/* Limits in the org's currency, minor units; -1 means no limit. */
struct pt_budget {
	long long	 order_limit_minor;
	long long	 monthly_limit_minor;
	const char	*currency;
};
/* The logged-in user's effective limits: the most generous of their roles, capped by the org's. */
int	 pt_budget_of(struct pt_req *, struct pt_budget *);
/*
 * The same for any user of org_id (an administrator's view of someone
 * else's limits); a user_id outside org_id has no roles there: limits 0.
 */
int	 pt_budget_of_user(struct pt_req *, int64_t user_id, int64_t org_id,
	    struct pt_budget *);
/*
 * May the user place an order of amount_minor, having spent
 * month_spent_minor this calendar month?  PT_OK, PT_ELIMIT when a limit is
 * exceeded (*which is "order" or "month"), or an error.
 */
int	 pt_budget_check(struct pt_req *, long long amount_minor, long long month_spent_minor,
	    const char **which);

/* ---- money (money.c): integer minor units, tax rounded per line ---------- */

/* Every amount, sum and line stays within this (10^15 major units). */
#define PT_MONEY_MAX_MINOR	100000000000000000LL
/* A tax rate in basis points: 1900 is 19 %, 810 is 8.1 %; at most 100 %. */
#define PT_TAX_RATE_MAX_BP	10000
/* Net, tax and gross of a line or of the sum of lines, in minor units. */
struct pt_money {
	long long	 net_minor;
	long long	 tax_minor;
	long long	 gross_minor;
};
/*
 * The tax on net_minor at rate_bp, rounded to the minor unit half away
 * from zero.  PT_OK; PT_EINVAL for a rate outside 0..PT_TAX_RATE_MAX_BP;
 * PT_ELIMIT for an amount past PT_MONEY_MAX_MINOR.  *tax_minor is 0 on failure.
 */
int	 pt_money_tax(long long net_minor, int rate_bp, long long *tax_minor);
/*
 * An order line: net = unit_minor x quantity, its tax rounded on the line
 * (pt_money_tax), gross = net + tax.  PT_OK; PT_EINVAL for a negative
 * quantity or a bad rate; PT_ELIMIT when an amount would pass
 * PT_MONEY_MAX_MINOR.  *line is all 0 on failure.
 */
int	 pt_money_line(long long unit_minor, long long quantity, int rate_bp, struct pt_money *line);
/* *total += *line, each amount; PT_ELIMIT (total unchanged) past PT_MONEY_MAX_MINOR. */
int	 pt_money_add(struct pt_money *total, const struct pt_money *line);
/* minor as a decimal with two places and a '.', "-12.05": every currency kept has two. */
#define PT_MONEY_TEXT_MAX	32
void	 pt_money_text(long long minor, char out[PT_MONEY_TEXT_MAX]);
/*
 * minor and its currency as a reader of lang writes money, as the pages'
 * or-money does: "12,345.67 EUR" in English, "12.345,67 EUR" in German
 * (a no-break space before the currency).  For what is not a page (a PDF).
 */
#define PT_MONEY_SHOWN_MAX	48
void	 pt_money_shown(long long minor, const char *currency, const char *lang,
	    char out[PT_MONEY_SHOWN_MAX]);

/* ---- CSV for downloads (csv.c) --------------------------------------------- */

/*
 * A CSV file (RFC 4180: comma-separated, CRLF line ends, fields in double
 * quotes when they hold a comma, quote, CR or LF, quotes doubled) built
 * in the request's arena.  A text field that a spreadsheet would run as a
 * formula (its first character one of = + - @, tab or CR) gets a leading
 * apostrophe, so a PO number typed as "=HYPERLINK(...)" stays text.  On
 * OOM the file is marked failed and later calls do nothing.
 */
struct pt_csv {
	struct pt_req	*req;
	char		*data;
	size_t		 len, cap;
	int		 fields;	/* of the current line */
	int		 failed;
};
void	 pt_csv_init(struct pt_csv *, struct pt_req *);
/* A field of text typed by people: quoted as needed, formulas defused. */
void	 pt_csv_text(struct pt_csv *, const char *s);
/* A field the program made (a number, a code, a date): quoted as needed, never altered. */
void	 pt_csv_value(struct pt_csv *, const char *s);
/* The end of the line. */
void	 pt_csv_end(struct pt_csv *);
/*
 * Send the file as the answer: text/csv in UTF-8 with a byte-order mark
 * (spreadsheets read it as UTF-8 then), as an attachment named filename
 * (ASCII letters, digits, '.', '-', '_').  Returns 200, or PT_ENOMEM.
 */
int	 pt_csv_send(struct pt_csv *, const char *filename);

/* ---- rich text (sanitize.c) ------------------------------------------------ */

/*
 * Keep only the allow-listed part of rich text typed by an editor (an
 * XHTML or HTML fragment, parsed as forgivingly as a browser would):
 * headings h2-h4 (h1 becomes h2, h5/h6 h4), p, br, hr, strong (also from
 * b), em (from i), code (from kbd, tt), pre, blockquote, ul, ol, li, dl,
 * dt, dd, table, caption, thead, tbody (also from tfoot), tr, th (scope,
 * colspan, rowspan), td (colspan, rowspan), a (href: http, https, mailto
 * or a local path "/..." but not "//"; title; rel="noopener noreferrer"
 * added to http(s) links), img (src: a local path or https; alt, always
 * present; title, width, height), and video links (a with class "video"
 * to an https YouTube/Vimeo address or a local path; no other class).
 * Dropped with their content: script, style, iframe, object, embed, form
 * and its controls, svg, math, template, meta, link, base, frames, audio,
 * video...; every other element is unwrapped (its content kept), every
 * other attribute dropped, comments dropped.  A link or image whose URL is
 * refused loses the link (text kept) or the image.  Loose text and inline
 * elements at the top get a <p>, loose list content an <li>.
 * *xhtml gets the well-formed result (UTF-8, XHTML serialisation, one top
 * block a line), *text its plain text (blocks on their own lines, runs of
 * white space as one space); both in the arena, NULL on failure.  The
 * result sanitises to itself.  PT_OK, PT_ELIMIT when len or the result is
 * over max_bytes or the input nests deeper than 64 elements, PT_EINVAL for
 * invalid UTF-8 or NULL.
 */
int	 pt_sanitize(struct pt_req *, const char *html, size_t len, size_t max_bytes,
	    const char **xhtml, const char **text);
/*
 * Parse sanitised XHTML (from pt_sanitize, as stored) and append copies of
 * its nodes under parent (in parent's document).  NULL or "" appends
 * nothing.  PT_EINVAL if it is not well-formed XML (nothing appended).
 */
int	 pt_xhtml_append(struct pt_req *, xmlNodePtr parent, const char *xhtml);

/* ---- Markdown (markdown.c) -------------------------------------------------- */

/* How much larger than its source the XHTML of a Markdown body may be. */
#define PT_MARKDOWN_GROWTH	4
/*
 * An article body written in Markdown (CommonMark with GFM tables and
 * autolinks), len bytes of md, as the XHTML and plain text pt_sanitize
 * gives: cmark-gfm renders it without passing raw HTML through, then the
 * allow-list decides as for any body, so raw HTML, scripts and event
 * handlers never survive and links keep only the schemes pt_sanitize
 * allows.  *xhtml and *text are in the arena, NULL on failure.  PT_OK;
 * PT_ELIMIT when len is over max_bytes, the result over
 * PT_MARKDOWN_GROWTH * max_bytes or nested deeper than pt_sanitize takes;
 * PT_EINVAL for NULL, a NUL byte or invalid UTF-8; PT_ENOMEM.
 */
int	 pt_markdown(struct pt_req *, const char *md, size_t len, size_t max_bytes,
	    const char **xhtml, const char **text);

/* ---- uploads and downloads (multipart.c, resp.c) ------------------------------ */

/* The first file sent in field, or NULL. */
const struct pt_upload *pt_upload(const struct pt_req *, const char *field);
/*
 * Answer with a file nginx sends: X-Accel-Redirect to /protected/<path>,
 * with content type and a Content-Disposition (attachment unless inline).
 * path is relative to [paths] files ("kb/<storage name>"): only
 * [A-Za-z0-9/_.-], no leading '/', no "..", no empty segment.  filename
 * (UTF-8) is what the browser saves it as; it goes into the header both as
 * a quoted ASCII fallback and RFC 5987-encoded.  Sets status 200 and an
 * empty body, so nothing is rendered; return 200 from the handler.  PT_OK,
 * PT_EINVAL for a bad path or content type, PT_ENOMEM.
 */
int	 pt_send_file(struct pt_req *, const char *path, const char *content_type,
	    const char *filename, int inline_disposition);
/*
 * What an uploaded file is, by its first bytes, never by what the client
 * claims (files.c): PDF, PNG, JPEG, GIF, WebP or UTF-8 plain text; NULL
 * for anything else, which is refused.
 */
struct pt_file_type {
	const char	*type;		/* the content type it is stored and sent with */
	const char	*ext;		/* the extension a name without one gets */
	int		 inline_ok;	/* shown in the browser rather than downloaded */
};
const struct pt_file_type *pt_file_sniff(const void *data, size_t len);
/* 1 if a stored content type is shown inline (images, PDF). */
int	 pt_file_inline(const char *type);
/*
 * The name a person sees: the client's name without any directory part,
 * only ASCII letters, digits, dot, dash and underscore (runs of anything
 * else become one "_"), no leading dots, at most 100 bytes; "file" when
 * nothing is left, with the type's extension when it has none.  Arena;
 * NULL on OOM.
 */
const char *pt_file_name(struct pt_req *, const char *name, const struct pt_file_type *);
/*
 * Write len bytes to a new file under [paths] files/<subdir>/ (made when
 * missing) with a random name (64 hex digits, into storage), created
 * exclusively with mode 0640 and synced; *path (arena) is its path, for
 * unlink when the transaction that records it fails.  PT_OK, PT_ESYS
 * (logged), PT_ENOMEM.
 */
int	 pt_file_store(struct pt_req *, const char *subdir, const void *data, size_t len,
	    char storage[65], const char **path);
/* [paths] files: where uploads live (nginx's /protected/), without a trailing slash. */
const char *pt_files_dir(void);
/*
 * dir exists, is a directory, and this process (its effective user) may
 * create files in it: PT_OK, else PT_ESYS with the reason, naming dir, in
 * why (always terminated).  (dirs.c)
 */
int	 pt_dir_writable(const char *dir, char *why, size_t size);
/*
 * The files directory and its subdirectory subdir (the worker's, e.g.
 * "kb"; it need not exist yet) are usable by this process, as
 * pt_dir_writable says.
 */
int	 pt_files_usable(const char *subdir, char *why, size_t size);
/* The name of the effective user (or "uid N"), in a static buffer. */
const char *pt_user_name(void);

/* ---- JSON for audit rows and exports (json.c) ---------------------------- */

/* s as a JSON string literal, quotes included, in the arena; NULL gives null. */
const char *pt_json_str(struct pt_req *, const char *s);

/* ---- asking the BPMN engine, portico-flowd (flow.c) ----------------------- */

/*
 * Each of these writes one row in flow_commands in the caller's open
 * transaction (pt_db_begin ... pt_db_commit): flowd acts on it once the
 * caller commits, within 100 ms, and never if the caller rolls back.
 * user_id: who asked (0: the system); org_id 0: none.  PT_OK, PT_EDB, or
 * PT_EINVAL for a variable that cannot be written (a NaN).
 */
enum pt_flow_type { PT_FLOW_NULL, PT_FLOW_NUMBER, PT_FLOW_STRING, PT_FLOW_BOOLEAN, PT_FLOW_DATE };
struct pt_flow_var {
	const char	*name;		/* a variable name of flowd/expr.h */
	enum pt_flow_type type;
	double		 number;
	const char	*string;
	int		 boolean;
	time_t		 date;
};
#define PT_FLOW_NUM(n, v)	{ .name = (n), .type = PT_FLOW_NUMBER, .number = (v) }
#define PT_FLOW_STR(n, v)	{ .name = (n), .type = PT_FLOW_STRING, .string = (v) }
#define PT_FLOW_BOOL(n, v)	{ .name = (n), .type = PT_FLOW_BOOLEAN, .boolean = (v) }
#define PT_FLOW_DATE_(n, v)	{ .name = (n), .type = PT_FLOW_DATE, .date = (v) }

/* Start the newest deployed version of process_key. */
int	 pt_flow_start(struct pt_req *, const char *process_key, const char *business_key,
	    long long org_id, long long user_id, const struct pt_flow_var *, size_t n);
/* Correlate a message: the instance waiting for it on business_key, else a message start event. */
int	 pt_flow_message(struct pt_req *, const char *message, const char *business_key,
	    long long user_id, const struct pt_flow_var *, size_t n);
/*
 * Complete user task task_id with the form's variables: the task becomes
 * "completing" (completed_by user_id) and flowd moves its token on.
 * PT_ENOTFOUND when the task is not open.  The caller checks that the
 * user may (the task's assignee, or a candidate while it is offered).
 */
int	 pt_flow_complete(struct pt_req *, long long task_id, long long user_id,
	    const struct pt_flow_var *, size_t n);
/* What an admin (or portico-admin) asks: id is the definition, instance or incident. */
enum pt_flow_control { PT_FLOW_DEPLOYED, PT_FLOW_SUSPEND, PT_FLOW_RESUME, PT_FLOW_CANCEL,
	PT_FLOW_RETRY };
int	 pt_flow_control(struct pt_req *, enum pt_flow_control, long long id, long long user_id);
/* The variables as the JSON object flow_commands.variables holds; arena, NULL if one cannot be. */
const char *pt_flow_vars_json(struct pt_req *, const struct pt_flow_var *, size_t n);

/*
 * Mail about user task task_id (task-mail.c), queued in the caller's open
 * transaction: to its assignee, else to the active people of the task's
 * organisation who hold one of its candidate roles, each in their
 * language, linking to /tasks/<id>, never to the session's user (the
 * actor; flowd has none).  ASSIGNED when flowd creates the
 * task; DUE before its due time, which also sets its reminded_at.  A task
 * that is no longer open sends nothing.  PT_OK, PT_ENOTFOUND (no such
 * task), PT_EINVAL, or a database error.
 */
enum pt_task_mail { PT_TASK_MAIL_ASSIGNED, PT_TASK_MAIL_DUE };
int	 pt_task_mail(struct pt_req *, long long task_id, enum pt_task_mail);
/*
 * The user tasks that wait for a reader, for the task inbox (/tasks/, the
 * tasks worker) and the start page's count (the auth worker, which reads
 * the engine's tables with a statement of its own): the open tasks of
 * their organisation assigned to them, and those offered to one of their
 * roles there that nobody has taken.  inbox_due (migration
 * 0053-flow-tasks-inbox-order) is not NULL while a task is in an inbox;
 * the index flow_tasks_inbox walks an organisation's in the inbox's order,
 * flow_tasks_inbox_mine a person's.
 *
 * PT_TASKS_OFFERED is the condition on a task t of flow_tasks that it is
 * offered to the reader (binds: org, org, reader, reader): first whether
 * any task of the organisation is offered to one of their roles, which
 * MariaDB reads once, so that a reader offered nothing walks nothing; then
 * a probe of t's candidates (a correlated count: as EXISTS it was turned
 * into a table of every candidate of the reader's roles on each run).
 * PT_TASKS_WAITING counts a reader's open tasks, each part up to
 * PT_TASKS_COUNT_CAP (binds: reader, org; PT_TASKS_OFFERED's), as a column
 * of a SELECT.
 */
#define PT_TASKS_OFFERED \
	" t.org_id = ? AND t.inbox_due IS NOT NULL AND EXISTS (SELECT 1 FROM user_roles hr" \
	"   JOIN flow_task_candidates hc ON hc.org_id = ? AND hc.role_id = hr.role_id" \
	"   WHERE hr.user_id = ?) AND t.assignee_id IS NULL AND t.state = 'open'" \
	" AND (SELECT COUNT(*) FROM flow_task_candidates c JOIN user_roles ur ON ur.role_id = c.role_id" \
	"   AND ur.user_id = ? WHERE c.task_id = t.id AND c.org_id = t.org_id) > 0"
#define PT_TASKS_COUNT_CAP	100
#define PT_TASKS_WAITING \
	"((SELECT COUNT(*) FROM (SELECT 1 FROM flow_tasks t WHERE t.assignee_id = ? AND t.org_id = ?" \
	" AND t.state = 'open' LIMIT 100) m)" \
	" + (SELECT COUNT(*) FROM (SELECT 1 FROM flow_tasks t WHERE" PT_TASKS_OFFERED " LIMIT 100) o))"
/*
 * PT_TASKS_WAITING for the signed-in reader into *count (0 for nobody),
 * kept by the process for PT_TASKS_COUNT_KEEP_MS (task-count.c): the
 * start page's count.  PT_OK or a database error.  pt_tasks_changed()
 * forgets every count the host's processes keep: call it after committing
 * a change of a task.
 */
#define PT_TASKS_COUNT_KEEP_MS	2000
int	 pt_tasks_waiting(struct pt_req *, long long *count);
void	 pt_tasks_changed(void);

/* ---- the integration API (api.c) ------------------------------------------ */

/*
 * A request whose path is under PT_API_PREFIX is one of the integration
 * API (DESIGN.md §3): a program sends it, not a browser.  The runtime
 * reads no cookies for it (no session, no CSRF), keeps its body as sent
 * (req->api_body) for the handler to parse, and answers every refusal of
 * its own in JSON (pt_api_error): 400 and 413 for a request it cannot
 * read, 404 and 405 for a path or method no route has, 401 without a
 * valid bearer token, 403 when the token lacks the route's scope, 503
 * when the database fails.  The route's permission is that scope: the
 * token ("Authorization: Bearer <token>") must name an integration that
 * holds it and is not revoked; then req->integration is it, and
 * pt_audit's rows name it.  A handler answers with pt_api_json or
 * pt_api_error and never renders a page.
 */
#define PT_API_PREFIX		"/api/"
/* An integration's token: "pti_" and 64 hex digits (256 random bits). */
#define PT_API_TOKEN_PREFIX	"pti_"
#define PT_API_TOKEN_CHARS	68
struct pt_integration {
	int64_t		 id;
	const char	*name;
	const char	*scopes;	/* comma-separated, as integrations.scopes */
};
/* 1 if path is under PT_API_PREFIX. */
int	 pt_api_path(const char *path);
/*
 * Mint a token into out (PT_API_TOKEN_CHARS + NUL) and its SHA-256, the
 * only thing stored (integrations.token_hash).  PT_OK or PT_ESYS.
 */
int	 pt_api_token_new(char out[PT_API_TOKEN_CHARS + 1], unsigned char hash[32]);
/* 1 if the comma-separated list scopes holds scope. */
int	 pt_api_scope_in(const char *scopes, const char *scope);
/* Answer with json (UTF-8 text, kept until the answer is sent) and status; returns status. */
int	 pt_api_json(struct pt_req *, int status, const char *json);
/*
 * Answer {"error": {"status", "code", "message"}} with status: code is a
 * word a program tests ("malformed_json"), message a sentence for people.
 * Returns status (PT_ENOMEM when even that fails).
 */
int	 pt_api_error(struct pt_req *, int status, const char *code, const char *message);

/* ---- sessions, CSRF, permissions (session.c) --------------------------- */

/* Load the session of the cookie (one query) or set up an anonymous CSRF token. */
int	 pt_session_load(struct pt_req *);
/* Start a session for user_id, replacing the request's current one. Sets the cookie. */
int	 pt_session_start(struct pt_req *, int64_t user_id);
int	 pt_session_end(struct pt_req *);
/* 1 if the POSTed csrf field matches the session's or the anonymous token. */
int	 pt_csrf_ok(const struct pt_req *);
/* 1 if the logged-in user holds perm ("a.b" or a granted "a.*"). */
int	 pt_can(const struct pt_req *, const char *perm);
/* 1 if perm reaches across organisations: it counts for the provider's people only. */
int	 pt_perm_provider_only(const char *perm);
/*
 * Write an audit row; call inside the transaction of the change.  Its
 * actor is the session's user, and in an API request the integration
 * (req->integration, audit_log.integration_id), which pt_audit_as names too.
 */
int	 pt_audit(struct pt_req *, const char *action, const char *object_type,
	    const char *object_id, const char *before_json, const char *after_json);
/* The same for an actor who is not (yet) the session's user, e.g. at login. */
int	 pt_audit_as(struct pt_req *, int64_t user_id, int64_t org_id, const char *action,
	    const char *object_type, const char *object_id, const char *before_json,
	    const char *after_json);

/* ---- throttling (throttle.c) ------------------------------------------- */

/*
 * Has email, or the request's client IP, been tried too often lately?
 * count is the caller's statement: binds (email, window_s, ip, window_s),
 * one row of two counts within the window ([throttle] window_min).  PT_OK,
 * PT_ELIMIT past per_address or per_ip (answer 429), or a database error.
 */
int	 pt_throttled(struct pt_req *, const struct pt_sql *count, const char *email,
	    long per_address, long per_ip);

/* ---- routing and the worker (route.c, dispatch.c, loop.c) -------------- */

typedef int (*pt_handler)(struct pt_req *);

enum pt_route_flags {
	PT_R_LOGIN = 1 << 0,	/* anonymous users are sent to the login page */
	PT_R_NOCSRF = 1 << 1	/* a POST that needs no CSRF token (none so far) */
};

struct pt_route {
	enum pt_method	 method;
	const char	*pattern;	/* pcre2, anchored by the runtime */
	pt_handler	 handler;
	unsigned	 flags;
	const char	*permission;	/* NULL: none needed */
};

struct pt_router;
struct pt_router *pt_router_new(const struct pt_route *, size_t n);
void	 pt_router_free(struct pt_router *);
/*
 * The route for method and path, captures into req->caps; NULL if none.
 * When none, *path_known is the mask (1 << pt_method) of the methods the
 * path does answer: 0 for an unknown path (404), else 405 with Allow.
 */
const struct pt_route *pt_router_match(const struct pt_router *, struct pt_req *,
	    int *path_known);

/*
 * A page group: one file's routes, statements and views.  A worker is a
 * list of groups; adding a page is adding a row to its group's tables.
 */
struct pt_group {
	const struct pt_route	*routes;
	size_t			 nroutes;
	const struct pt_sql	*sql;
	size_t			 nsql;
	const char *const	*views;		/* parsed at start-up; /<worker>/health reports them */
	size_t			 nviews;
};
#define PT_NELEM(a)	(sizeof(a) / sizeof((a)[0]))
/* A group from three arrays; PT_GROUP_NOSQL for a group without statements. */
#define PT_GROUP(routes, sql, views) \
	{ (routes), PT_NELEM(routes), (sql), PT_NELEM(sql), (views), PT_NELEM(views) }
#define PT_GROUP_NOSQL(routes, views) \
	{ (routes), PT_NELEM(routes), NULL, 0, (views), PT_NELEM(views) }

/*
 * When pt_main runs a worker's housekeeping: after a response has gone out
 * (the client no longer waits), after a second without requests when the
 * last call said work is left, and once before the process exits.
 */
enum pt_housekeeping { PT_HK_AFTER, PT_HK_IDLE, PT_HK_STOP };
/*
 * pt_ticket_sla_check for every ticket with a mark due, every [tickets]
 * sla_check_s seconds in an idle second (it asks for every one): the
 * housekeeping of the worker that changes tickets.  (ticket-sla.c)
 */
int	 pt_ticket_sla_housekeeping(struct pt_req *, enum pt_housekeeping);

struct pt_worker {
	const char			*name;	/* "auth": logs, xslt/<name>/ views */
	const struct pt_group *const	*groups;
	size_t				 ngroups;
	/*
	 * NULL, or work done outside requests (e.g. writing counters in
	 * batches).  req is a clean request context (arena, database) with no
	 * HTTP request behind it.  Returns 1 when work is left that an idle
	 * second should finish, else 0.
	 */
	int				(*housekeeping)(struct pt_req *, enum pt_housekeeping);
	/*
	 * NULL, or the subdirectory of [paths] files the worker keeps uploads
	 * in ("kb"): then the runtime checks at start and in /<worker>/health
	 * that it can write there.
	 */
	const char			*files_subdir;
};

/* Process one parsed request: session, CSRF, route, handler, render. */
void	 pt_dispatch(const struct pt_worker *, const struct pt_router *, struct pt_req *);
/* The FastCGI accept loop; returns the process exit status. */
int	 pt_main(const struct pt_worker *);
/* on_stop for SIGTERM and SIGINT (without SA_RESTART), SIGPIPE ignored.  PT_OK or PT_ESYS. */
int	 pt_signals_init(void (*on_stop)(int));
/*
 * For a daemon (portico-mailer, portico-flowd): pt_stopping becomes 1 on
 * SIGTERM or SIGINT (pt_signals_init), so it ends after the work in hand;
 * pt_daemon_sleep_ms sleeps unless stopping, and a signal cuts it short.
 */
extern volatile sig_atomic_t pt_stopping;
int	 pt_daemon_signals(void);
void	 pt_daemon_sleep_ms(long ms);
/* Release what start-up loaded: database, stylesheets, catalogues, validators, config, libxml2. */
void	 pt_runtime_free(void);
/* GET /<worker>/health, which the runtime adds to every worker's routes. */
int	 pt_health(struct pt_req *);
/*
 * The error page for status: the views not-found (404, a worker may have
 * its own: xslt/<worker>/not-found.xsl), forbidden (403), unavailable
 * (503), and error for every other status, which names it in plain words.
 * key (may be NULL) adds an error message saying more.
 */
int	 pt_error_page(struct pt_req *, int status, const char *key);
int	 pt_development(void);

#endif /* PORTICO_H */
