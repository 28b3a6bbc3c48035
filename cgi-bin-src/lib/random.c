/*
 * Randomness from the kernel (getrandom), for session tokens, CSRF tokens
 * and request ids.
 */
#include <errno.h>
#include <sys/random.h>

#include "portico.h"

int
pt_random(void *buf, size_t len)
{
	unsigned char *p = buf;

	while (len > 0) {
		ssize_t n = getrandom(p, len, 0);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return PT_ESYS;
		}
		p += n;
		len -= (size_t)n;
	}
	return PT_OK;
}

int
pt_random_hex(char *out, size_t nbytes)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[64];
	size_t i;

	if (nbytes > sizeof(raw) || pt_random(raw, nbytes) != PT_OK)
		return PT_ESYS;
	for (i = 0; i < nbytes; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 0xf];
	}
	out[2 * nbytes] = '\0';
	return PT_OK;
}
