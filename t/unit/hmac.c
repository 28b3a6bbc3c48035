/*
 * HMAC-SHA-256 against RFC 4231, signed tokens (purpose, id, expiry, bind)
 * and reply addresses: made and checked, and refused when edited, forged,
 * expired, for another purpose, or without a key.
 */
#include <stdlib.h>
#include <string.h>

#include "portico.h"
#include "tap.h"

static const char *
hex(const unsigned char *d, size_t n)
{
	static char out[65];
	size_t i;

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	return out;
}

static void
conf(const char *text)
{
	if (pt_conf_parse(text, strlen(text)) != PT_OK)
		abort();
}

#define KEY "[secrets]\nhmac_key = 0123456789abcdef0123456789abcdef0123456789abcdef\n"

static void
rfc4231(void)
{
	unsigned char key[131], mac[32];
	const char *d6 = "Test Using Larger Than Block-Size Key - Hash Key First";

	memset(key, 0x0b, 20);
	pt_hmac_sha256(key, 20, "Hi There", 8, mac);
	is_str(hex(mac, 32), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
	    "RFC 4231 case 1");
	pt_hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, mac);
	is_str(hex(mac, 32), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
	    "RFC 4231 case 2: a key shorter than the block");
	memset(key, 0xaa, 131);
	pt_hmac_sha256(key, 131, d6, strlen(d6), mac);
	is_str(hex(mac, 32), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
	    "RFC 4231 case 6: a key longer than the block is hashed first");
	ok(pt_hmac_sha256_verify(key, 131, d6, strlen(d6), mac, 32), "verify: the whole MAC");
	ok(pt_hmac_sha256_verify(key, 131, d6, strlen(d6), mac, 16), "verify: a truncated MAC");
	mac[15] ^= 1;
	ok(!pt_hmac_sha256_verify(key, 131, d6, strlen(d6), mac, 16), "verify: one bit off");
	ok(!pt_hmac_sha256_verify(key, 131, d6, strlen(d6), mac, 0), "verify: no MAC is no match");
	ok(pt_memeq_ct("abc", "abc", 3) && !pt_memeq_ct("abc", "abd", 3), "pt_memeq_ct");
}

static void
tokens(void)
{
	char t[PT_SIGNED_MAX + 1], edited[PT_SIGNED_MAX + 8];
	int64_t id = 0;
	long long exp = 0;
	char *mac;

	conf(KEY);
	is_int(pt_sign("survey", 42, 2000000000LL, "resolved 2026-01-01", t, sizeof(t)), PT_OK,
	    "sign");
	ok(strncmp(t, "42.2000000000.", 14) == 0 && strlen(t) == 14 + 22, "id.expires.mac");
	ok(strspn(t, "0123456789.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_") ==
	    strlen(t), "url-safe characters only");
	is_int(pt_sign_check("survey", t, "resolved 2026-01-01", 1900000000LL, &id, &exp), PT_OK,
	    "checks before expiry");
	is_int(id, 42, "the id");
	is_int(exp, 2000000000LL, "the expiry");
	is_int(pt_sign_check("survey", t, "resolved 2026-01-01", 2000000000LL, NULL, NULL),
	    PT_ELIMIT, "expired at the second it names");
	is_int(pt_sign_check("reset", t, "resolved 2026-01-01", 1900000000LL, NULL, NULL),
	    PT_EINVAL, "another purpose does not check");
	is_int(pt_sign_check("survey", t, "resolved 2026-02-01", 1900000000LL, NULL, NULL),
	    PT_EINVAL, "another bind (what it protects changed) does not check");
	is_int(pt_sign_check("survey", t, NULL, 1900000000LL, NULL, NULL), PT_EINVAL,
	    "no bind does not check either");
	snprintf(edited, sizeof(edited), "43%s", t + 2);
	is_int(pt_sign_check("survey", edited, "resolved 2026-01-01", 1900000000LL, NULL, NULL),
	    PT_EINVAL, "an edited id does not check");
	snprintf(edited, sizeof(edited), "42.2000000001%s", t + 13);
	is_int(pt_sign_check("survey", edited, "resolved 2026-01-01", 1900000000LL, NULL, NULL),
	    PT_EINVAL, "an extended expiry does not check");
	snprintf(edited, sizeof(edited), "%s", t);
	mac = strrchr(edited, '.') + 1;
	mac[0] = mac[0] == 'A' ? 'B' : 'A';
	is_int(pt_sign_check("survey", edited, "resolved 2026-01-01", 1900000000LL, NULL, NULL),
	    PT_EINVAL, "an edited MAC does not check");
	snprintf(edited, sizeof(edited), "%s", t);
	edited[strlen(edited) - 1] = '\0';
	is_int(pt_sign_check("survey", edited, "resolved 2026-01-01", 1900000000LL, NULL, NULL),
	    PT_EINVAL, "a cut MAC does not check");
	is_int(pt_sign_check("survey", "042.2000000000.AAAAAAAAAAAAAAAAAAAAAA", NULL, 0, NULL, NULL),
	    PT_EINVAL, "leading zeros are malformed");
	is_int(pt_sign_check("survey", "", NULL, 0, NULL, NULL), PT_EINVAL, "empty");
	is_int(pt_sign_check("survey", NULL, NULL, 0, NULL, NULL), PT_EINVAL, "NULL");
	is_int(pt_sign_check("survey", "1.2", NULL, 0, NULL, NULL), PT_EINVAL, "two fields");
	conf("[secrets]\nhmac_key = another key of at least thirty-two bytes\n");
	is_int(pt_sign_check("survey", t, "resolved 2026-01-01", 1900000000LL, NULL, NULL),
	    PT_EINVAL, "another key does not check");
	conf("[secrets]\nhmac_key = short\n");
	is_int(pt_sign("survey", 1, 1, NULL, t, sizeof(t)), PT_ESYS, "a short key signs nothing");
	conf("");
	is_int(pt_sign_check("survey", t, "resolved 2026-01-01", 0, NULL, NULL), PT_ESYS,
	    "without a key nothing checks");
}

static void
reply_addresses(void)
{
	char a[PT_REPLY_ADDRESS_MAX], b[PT_REPLY_ADDRESS_MAX];
	int64_t id = 0;
	char *dash;
	size_t i;

	conf(KEY "[mailin]\naddress = support@portico.example\n");
	is_int(pt_mailin_address(a, sizeof(a)), PT_OK, "support address");
	is_str(a, "support@portico.example", "from [mailin] address");
	is_int(pt_reply_address(123, a, sizeof(a)), PT_OK, "reply address");
	ok(strncmp(a, "support+t123-", 13) == 0 && strlen(a) == 13 + 16 + 16 &&
	    strcmp(a + 29, "@portico.example") == 0, "support+t123-<16 base32>@portico.example");
	ok(strspn(a + 13, "abcdefghijklmnopqrstuvwxyz234567") == 16, "base32, lower case");
	is_int(pt_reply_address_check(a, &id), PT_OK, "checks");
	is_int(id, 123, "the ticket");
	for (i = 0; a[i] != '\0'; i++)
		b[i] = (char)(a[i] >= 'a' && a[i] <= 'z' ? a[i] - 32 : a[i]);
	b[i] = '\0';
	id = 0;
	is_int(pt_reply_address_check(b, &id), PT_OK, "in capitals too");
	is_int(id, 123, "the same ticket");
	snprintf(b, sizeof(b), "support+t124-%s", a + 13);
	is_int(pt_reply_address_check(b, &id), PT_EINVAL, "another number with this MAC: forged");
	snprintf(b, sizeof(b), "%s", a);
	dash = strchr(b, '-') + 1;
	dash[5] = dash[5] == 'a' ? 'b' : 'a';
	is_int(pt_reply_address_check(b, &id), PT_EINVAL, "one letter of the MAC changed: forged");
	is_int(pt_reply_address_check("support+t123@portico.example", &id), PT_ENOTFOUND,
	    "a number alone is no reply address");
	is_int(pt_reply_address_check("support+t123-abc@portico.example", &id), PT_EINVAL,
	    "a short MAC: forged");
	is_int(pt_reply_address_check("support@portico.example", &id), PT_ENOTFOUND,
	    "the support address is none");
	is_int(pt_reply_address_check("carl@acme.example", &id), PT_ENOTFOUND, "nor is another");
	snprintf(b, sizeof(b), "other+t123-%s", a + 13);
	is_int(pt_reply_address_check(b, &id), PT_ENOTFOUND, "another local part is none");
	conf(KEY "[smtp]\nfrom = Portico Support <help@example.com>\n");
	is_int(pt_reply_address(7, a, sizeof(a)), PT_OK, "without [mailin] address ...");
	ok(strncmp(a, "help+t7-", 8) == 0 && strstr(a, "@example.com") != NULL,
	    "... the address of [smtp] from");
	is_int(pt_reply_address(7, a, 20), PT_ELIMIT, "too small a buffer");
	conf("[mailin]\naddress = support@portico.example\n");
	is_int(pt_reply_address(7, a, sizeof(a)), PT_ESYS, "no key: no reply address");
	pt_conf_clear();
}

int
main(void)
{
	rfc4231();
	tokens();
	reply_addresses();
	return done_testing();
}
