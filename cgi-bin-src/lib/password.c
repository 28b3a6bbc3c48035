/*
 * Passwords: crypt(3) from libxcrypt with yescrypt.  The crypt_data is
 * large (tens of KB), so one lives per process rather than on the stack.
 */
#include <crypt.h>
#include <string.h>
#include <strings.h>

#include "portico.h"

static struct crypt_data crypt_state;

/* A valid hash of a random string: verifying against it costs what a real verification costs. */
static const char dummy_hash[] =
    "$y$j9T$BkJuVoeyn4xNIICI8aPjO.$HwAowkPcXztNTDwVWwkcPF8gxhuD6E/s.9NQUtd9oY2";

int
pt_password_hash(const char *pw, char *out, size_t outsz)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	const char *h;

	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof(salt)) == NULL)
		return PT_ESYS;
	h = crypt_r(pw, salt, &crypt_state);
	if (h == NULL || h[0] == '*' || strlen(h) >= outsz)
		return PT_ESYS;
	memcpy(out, h, strlen(h) + 1);
	return PT_OK;
}

int
pt_password_verify(const char *pw, const char *hash)
{
	const char *h;
	size_t len;

	if (pw == NULL || hash == NULL || hash[0] != '$')
		return 0;
	h = crypt_r(pw, hash, &crypt_state);
	if (h == NULL || h[0] == '*')
		return 0;
	len = strlen(hash);
	return strlen(h) == len && pt_memeq_ct(h, hash, len);
}

void
pt_password_dummy(const char *pw)
{
	(void)pt_password_verify(pw != NULL ? pw : "", dummy_hash);
}

/*
 * The password rule of SPEC3, in the order a person fixes things: present,
 * long enough, not absurdly long, and not the address itself (in any case).
 */
const char *
pt_password_rule(const char *pw, const char *email)
{
	size_t len = pt_chars(pw);	/* as the person counts them: characters */

	if (len == 0)
		return "password.required";
	if (len < PT_PASSWORD_MIN_CHARS)
		return "password.too-short";
	if (len > PT_PASSWORD_MAX_CHARS)
		return "password.too-long";
	if (email != NULL && strcasecmp(pw, email) == 0)
		return "password.same-as-email";
	return NULL;
}
