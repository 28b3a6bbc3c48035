/*
 * The integration API's handlers (/api/v1/, api-*.c), on top of the
 * runtime's side of it (api.c in the runtime: no cookies, the bearer
 * token and its scope checked before the handler runs, errors in JSON).
 * Bodies are JSON objects read with jansson; answers are JSON built with
 * it.  Every jansson value a handler gets from here belongs to the
 * request and is freed with it.
 *
 * The rules every write follows: the body is read and every field checked
 * before anything is written (400 for JSON that does not parse or is not an
 * object, 415 for another content type, 422 listing every bad field by its
 * path, such as "lines[2].quantity"); then one transaction does all of it
 * or none (404 for an order or product that is not there, 409 when the
 * order's state refuses the change).
 */
#ifndef OR_API_H
#define OR_API_H

#include <jansson.h>

#include "orders.h"

#define OR_API_V1	"/api/v1/"

/*
 * The request's body as a JSON object, owned by the request: PT_OK; or the
 * status of the error answered (415 unless the content type is
 * application/json, 400 for malformed JSON or another value than an
 * object); or PT_ENOMEM.  With allow_empty, no body reads as {}.
 */
int	 or_api_body(struct pt_req *, int allow_empty, json_t **obj);
/* v (a new reference) handed to the request, which frees it at its end; NULL stays NULL. */
json_t	*or_api_own(struct pt_req *, json_t *v);
/* Answer with v (owned by the request, or NULL: PT_ENOMEM) as the JSON body. */
int	 or_api_send(struct pt_req *, int status, json_t *v);

/* The bad fields of a body, each by its path and a reason, answered together as 422. */
struct or_api_fields {
	struct pt_req	*req;
	json_t		*list;		/* owned by the request */
	size_t		 n;
};
void	 or_api_fields_init(struct or_api_fields *, struct pt_req *);
void	 or_api_field(struct or_api_fields *, const char *path, const char *key,
	    const char *reason);
/* 422 {"error": {..., "fields": [{"field", "reason"}]}}. */
int	 or_api_fields_send(struct or_api_fields *);
/* The path of obj's member key: "key", or "<path>.key" under path (NULL: the top). */
const char *or_api_path(struct pt_req *, const char *path, const char *key);
/* An error for each member of obj not named in known[0..n-1]. */
void	 or_api_unknown(struct or_api_fields *, json_t *obj, const char *path,
	    const char *const *known, size_t n);
/*
 * The body of a request that takes no fields: none, or {}.  PT_OK, or the
 * status of the answer given (400, 415, 422 naming each member sent).
 */
int	 or_api_empty_body(struct pt_req *);
/* obj's member key as a list of 1 to max items: the list, or NULL (an error in f). */
json_t	*or_api_list(struct or_api_fields *, json_t *obj, const char *key, size_t max);
/*
 * Item i of the list key: its path ("key[i]", arena) when it is an object,
 * each member not in known[0..n-1] an error; else NULL (an error in f).
 */
const char *or_api_item(struct or_api_fields *, const char *key, size_t i, json_t *item,
	    const char *const *known, size_t n);
/*
 * obj's member key as a whole number from min to max into *out: 1 when it
 * is there and good, 0 when it is absent (an error when required) or bad
 * (an error).
 */
int	 or_api_int(struct or_api_fields *, json_t *obj, const char *path, const char *key,
	    int required, long long min, long long max, long long *out);
/*
 * obj's member key as a line of text (no control characters) of up to
 * max_chars characters into *out (arena), without surrounding white space
 * as a form's field: 1 when there and good ("" only unless required), 0
 * when absent or bad; an error as for or_api_int.
 */
int	 or_api_str(struct or_api_fields *, json_t *obj, const char *path, const char *key,
	    int required, long max_chars, const char **out);

/*
 * Answer with the order of this number as GET /api/v1/orders/<number>
 * does (404 when there is none): its facts, lines with what is shipped of
 * each, shipments and timeline (api-orders.c).
 */
int	 or_api_order_answer(struct pt_req *, int status, const char *number);

/*
 * An invoice as the API shows it, from the columns OR_API_INVOICE_COLUMNS
 * of invoices i joined to their shipment s (api-orders.c).
 */
#define OR_API_INVOICE_COLUMNS \
	"i.number, i.kind, s.no, i.currency, i.net_minor, i.tax_minor, i.gross_minor," \
	" DATE_FORMAT(i.issue_date, '%Y-%m-%d'), DATE_FORMAT(i.due_date, '%Y-%m-%d'), i.status"
json_t	*or_api_invoice_json(const struct pt_rows *, size_t r);

/* A database cell as JSON: its text, a number, or null for NULL. */
json_t	*or_api_cell_str(const struct pt_rows *, size_t r, size_t c);
json_t	*or_api_cell_int(const struct pt_rows *, size_t r, size_t c);

#endif
