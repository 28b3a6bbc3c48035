/* SHA-256 against the FIPS 180-4 example vectors, including the two-block padding case. */
#include <stdlib.h>

#include "portico.h"
#include "tap.h"

static const char *
hex(const unsigned char d[32])
{
	static char out[65];
	int i;

	for (i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	return out;
}

int
main(void)
{
	unsigned char d[32];
	char *million = malloc(1000000);

	pt_sha256("", 0, d);
	is_str(hex(d), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty");
	pt_sha256("abc", 3, d);
	is_str(hex(d), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "abc");
	pt_sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, d);
	is_str(hex(d), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "56 bytes: padding spills into a second block");
	memset(million, 'a', 1000000);
	pt_sha256(million, 1000000, d);
	is_str(hex(d), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	    "one million 'a'");
	free(million);
	return done_testing();
}
