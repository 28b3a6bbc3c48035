/*
 * Hashing, message authentication and signed claims, on libsodium.
 *
 * SHA-256 stores session, reset and page-cache keys hashed; HMAC-SHA-256
 * with [secrets] hmac_key signs what travels by mail and must not be
 * guessed or edited: reply-by-mail addresses (a ticket number alone could
 * be) and links such as the satisfaction survey's, which carry their own
 * expiry and are checked without a database row.  Every comparison of a
 * MAC takes the same time wherever the two differ.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sodium.h>

#include "portico.h"

/* The shortest [secrets] hmac_key accepted: 256 bits of a random key in hex or base64 need more. */
#define KEY_MIN_BYTES	32
/* The MAC in a signed token: 128 bits, 22 base64url characters. */
#define TOKEN_MAC_BYTES	16
#define TOKEN_MAC_CHARS	22
/* The MAC in a reply address: 80 bits, 16 base32 characters. */
#define REPLY_MAC_BYTES	10
#define REPLY_MAC_CHARS	16

/*
 * libsodium wants sodium_init() before its first use; it picks the fastest
 * implementations for this CPU and may be called again at no cost.  The
 * primitives used here work without it, so a failure (no entropy source,
 * which they do not need) does not stop them.
 */
static void
sodium_ready(void)
{
	static int done;

	if (!done) {
		if (sodium_init() < 0)
			pt_log(NULL, PT_LOG_WARN, "sodium_init failed; hashing goes on without it");
		done = 1;
	}
}

void
pt_sha256(const void *data, size_t len, unsigned char out[32])
{
	sodium_ready();
	crypto_hash_sha256(out, data, len);
}

int
pt_memeq_ct(const void *a, const void *b, size_t len)
{
	sodium_ready();
	return len == 0 || sodium_memcmp(a, b, len) == 0;
}

void
pt_hmac_sha256(const void *key, size_t keylen, const void *data, size_t len,
    unsigned char out[32])
{
	crypto_auth_hmacsha256_state st;

	sodium_ready();
	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, data, len);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}

int
pt_hmac_sha256_verify(const void *key, size_t keylen, const void *data, size_t len,
    const unsigned char *mac, size_t maclen)
{
	unsigned char want[32];
	int same;

	if (maclen == 0 || maclen > sizeof(want))
		return 0;
	pt_hmac_sha256(key, keylen, data, len, want);
	same = pt_memeq_ct(want, mac, maclen);
	sodium_memzero(want, sizeof(want));
	return same;
}

int
pt_hmac_key(const unsigned char **key, size_t *len)
{
	static int said;
	const char *k = pt_conf_str("secrets", "hmac_key", NULL);

	if (k == NULL || strlen(k) < KEY_MIN_BYTES) {
		if (!said)
			pt_log(NULL, PT_LOG_ERROR, "[secrets] hmac_key is %s: signed links and reply"
			    " addresses cannot be made or checked (set at least %d random characters,"
			    " e.g. the output of: openssl rand -hex 32)", k == NULL ? "not set" :
			    "too short", KEY_MIN_BYTES);
		said = 1;
		return PT_ESYS;
	}
	*key = (const unsigned char *)k;
	*len = strlen(k);
	return PT_OK;
}

/*
 * The MAC of a claim: HMAC-SHA-256 over "portico" NUL purpose NUL id NUL
 * expires NUL bind.  The NULs keep the fields apart (none may hold one),
 * and the purpose keeps a token of one kind from passing as another.
 */
static int
claim_mac(const char *purpose, int64_t id, long long expires, const char *bind,
    unsigned char out[32])
{
	crypto_auth_hmacsha256_state st;
	const unsigned char *key;
	char num[2][24];
	size_t keylen;

	if (pt_hmac_key(&key, &keylen) != PT_OK)
		return PT_ESYS;
	snprintf(num[0], sizeof(num[0]), "%" PRId64, id);
	snprintf(num[1], sizeof(num[1]), "%lld", expires);
	sodium_ready();
	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"portico", 8);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)num[0], strlen(num[0]) + 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)num[1], strlen(num[1]) + 1);
	if (bind != NULL)
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)bind, strlen(bind));
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
	return PT_OK;
}

/* Digits only, 1..maxlen of them, no leading zero: into *v.  1 on success. */
static int
parse_decimal(const char *s, size_t len, size_t maxlen, long long *v)
{
	size_t i;

	if (len == 0 || len > maxlen || (s[0] == '0' && len > 1))
		return 0;
	*v = 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

int
pt_sign(const char *purpose, int64_t id, long long expires, const char *bind, char *out,
    size_t size)
{
	unsigned char mac[32];
	char b64[TOKEN_MAC_CHARS + 1];
	int n;

	if (purpose == NULL || id < 0 || expires < 0)
		return PT_EINVAL;
	if (claim_mac(purpose, id, expires, bind, mac) != PT_OK)
		return PT_ESYS;
	sodium_bin2base64(b64, sizeof(b64), mac, TOKEN_MAC_BYTES,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	n = snprintf(out, size, "%" PRId64 ".%lld.%s", id, expires, b64);
	return n > 0 && (size_t)n < size ? PT_OK : PT_ELIMIT;
}

int
pt_sign_check(const char *purpose, const char *token, const char *bind, long long now,
    int64_t *id, long long *expires)
{
	const char *dot1, *dot2;
	unsigned char mac[32];
	char b64[TOKEN_MAC_CHARS + 1];
	long long v_id, v_exp;
	int same;

	if (purpose == NULL || token == NULL || strlen(token) > PT_SIGNED_MAX ||
	    (dot1 = strchr(token, '.')) == NULL || (dot2 = strchr(dot1 + 1, '.')) == NULL ||
	    !parse_decimal(token, (size_t)(dot1 - token), 18, &v_id) ||
	    !parse_decimal(dot1 + 1, (size_t)(dot2 - dot1 - 1), 18, &v_exp) ||
	    strlen(dot2 + 1) != TOKEN_MAC_CHARS)
		return PT_EINVAL;
	if (claim_mac(purpose, v_id, v_exp, bind, mac) != PT_OK)
		return PT_ESYS;
	sodium_bin2base64(b64, sizeof(b64), mac, TOKEN_MAC_BYTES,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	same = pt_memeq_ct(b64, dot2 + 1, TOKEN_MAC_CHARS);
	sodium_memzero(mac, sizeof(mac));
	if (!same)
		return PT_EINVAL;
	if (id != NULL)
		*id = v_id;
	if (expires != NULL)
		*expires = v_exp;
	return v_exp > now ? PT_OK : PT_ELIMIT;
}

/* ---- reply addresses ------------------------------------------------------ */

/* RFC 4648 base32 in lower case (mail systems may fold the case of local parts), no padding. */
static void
base32(const unsigned char *in, size_t len, char *out)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
	unsigned buf = 0;
	int bits = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		buf = (buf << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			*out++ = alphabet[(buf >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		*out++ = alphabet[(buf << (5 - bits)) & 31];
	*out = '\0';
}

/*
 * The address portico-mailin is reached at ([mailin] address), else the
 * one of [smtp] from ("Name <addr>" or addr); its local part and domain
 * into the buffers.  PT_OK, or PT_EINVAL when neither holds an address.
 */
static int
support_address(char *local, size_t lsize, char *domain, size_t dsize)
{
	const char *a = pt_conf_str("mailin", "address", NULL), *lt, *at, *end;

	if (a == NULL) {
		a = pt_conf_str("smtp", "from", "");
		if ((lt = strrchr(a, '<')) != NULL)
			a = lt + 1;
	}
	while (*a == ' ')
		a++;
	if ((at = strrchr(a, '@')) == NULL || at == a)
		return PT_EINVAL;
	end = at + strcspn(at, "> \t");
	if (end == at + 1 || (size_t)(at - a) >= lsize || (size_t)(end - at - 1) >= dsize)
		return PT_EINVAL;
	memcpy(local, a, (size_t)(at - a));
	local[at - a] = '\0';
	memcpy(domain, at + 1, (size_t)(end - at - 1));
	domain[end - at - 1] = '\0';
	return PT_OK;
}

int
pt_mailin_address(char *out, size_t size)
{
	char local[128], domain[256];
	int n;

	if (support_address(local, sizeof(local), domain, sizeof(domain)) != PT_OK)
		return PT_EINVAL;
	n = snprintf(out, size, "%s@%s", local, domain);
	return n > 0 && (size_t)n < size ? PT_OK : PT_ELIMIT;
}

/* The 16 base32 characters of ticket id's reply MAC into out (size 17). */
static int
reply_mac(int64_t ticket_id, char out[REPLY_MAC_CHARS + 1])
{
	unsigned char mac[32];

	if (claim_mac("reply", ticket_id, 0, NULL, mac) != PT_OK)
		return PT_ESYS;
	base32(mac, REPLY_MAC_BYTES, out);
	sodium_memzero(mac, sizeof(mac));
	return PT_OK;
}

int
pt_reply_address(int64_t ticket_id, char *out, size_t size)
{
	char local[128], domain[256], mac[REPLY_MAC_CHARS + 1];
	int n;

	if (ticket_id <= 0)
		return PT_EINVAL;
	if (support_address(local, sizeof(local), domain, sizeof(domain)) != PT_OK)
		return PT_EINVAL;
	if (reply_mac(ticket_id, mac) != PT_OK)
		return PT_ESYS;
	n = snprintf(out, size, "%s+t%" PRId64 "-%s@%s", local, ticket_id, mac, domain);
	return n > 0 && (size_t)n < size ? PT_OK : PT_ELIMIT;
}

int
pt_reply_address_check(const char *addr, int64_t *ticket_id)
{
	char local[128], domain[256], want[REPLY_MAC_CHARS + 1], got[REPLY_MAC_CHARS + 1];
	const char *p, *dash, *at;
	size_t llen, i;
	long long id;

	if (addr == NULL || support_address(local, sizeof(local), domain, sizeof(domain)) != PT_OK)
		return PT_ENOTFOUND;
	llen = strlen(local);
	/* local+t<id>-<mac>@any domain: the MTA decides which domains reach us. */
	if (strncasecmp(addr, local, llen) != 0 || addr[llen] != '+' ||
	    tolower((unsigned char)addr[llen + 1]) != 't')
		return PT_ENOTFOUND;
	p = addr + llen + 2;
	if ((at = strchr(p, '@')) == NULL || (dash = memchr(p, '-', (size_t)(at - p))) == NULL ||
	    !parse_decimal(p, (size_t)(dash - p), 18, &id) || id <= 0)
		return PT_ENOTFOUND;
	/* From here on it claims to be a reply address: a wrong MAC is a forgery. */
	if ((size_t)(at - dash - 1) != REPLY_MAC_CHARS)
		return PT_EINVAL;
	for (i = 0; i < REPLY_MAC_CHARS; i++)
		got[i] = (char)tolower((unsigned char)dash[1 + i]);
	got[REPLY_MAC_CHARS] = '\0';
	if (reply_mac(id, want) != PT_OK)
		return PT_ESYS;
	if (!pt_memeq_ct(want, got, REPLY_MAC_CHARS))
		return PT_EINVAL;
	*ticket_id = id;
	return PT_OK;
}
