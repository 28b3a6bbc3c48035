/* Accept-Language negotiation: q-values, primary subtags, refusals. */
#include "portico.h"
#include "tap.h"

int
main(void)
{
	static const char *const langs[] = { "en", "de" };

	is_str(pt_lang_negotiate("de-DE,de;q=0.9,en;q=0.8", langs, 2), "de", "German browser");
	is_str(pt_lang_negotiate("en-US,en;q=0.9", langs, 2), "en", "US English");
	is_str(pt_lang_negotiate("fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4", langs, 2), "de",
	    "unsupported first choice: next best by q");
	is_str(pt_lang_negotiate("en;q=0.5, de;q=0.7", langs, 2), "de", "higher q wins over order");
	is_str(pt_lang_negotiate("DE", langs, 2), "de", "case-insensitive");
	ok(pt_lang_negotiate("fr, it", langs, 2) == NULL, "nothing supported: NULL");
	ok(pt_lang_negotiate("de;q=0", langs, 2) == NULL, "q=0 refuses");
	ok(pt_lang_negotiate(NULL, langs, 2) == NULL, "no header: NULL");
	ok(pt_lang_negotiate(";;;,,,=q", langs, 2) == NULL, "garbage: NULL, no crash");
	ok(pt_lang_negotiate("deutsch", langs, 2) == NULL, "a longer tag is not a prefix match");
	return done_testing();
}
