/*
 * The INI reader: sections, comments, last assignment wins, typed getters,
 * errors, and reading one value from a file without touching the loaded
 * config (how development follows an edited [site] theme).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "portico.h"
#include "tap.h"

int
main(void)
{
	static const char ini[] =
	    "; comment\n# another\n[database]\nsocket = /tmp/x.sock ; trailing comment\n"
	    "name=portico\nport = 3307\n\n[site]\n development = yes \ntheme = a;b\n"
	    "theme = nordlicht\nempty =\n";

	is_int(pt_conf_parse(ini, sizeof(ini) - 1), PT_OK, "parses");
	is_str(pt_conf_str("database", "socket", NULL), "/tmp/x.sock", "inline comment stripped");
	is_str(pt_conf_str("database", "name", NULL), "portico", "no spaces around =");
	is_int(pt_conf_int("database", "port", 0), 3307, "integer");
	is_int(pt_conf_int("database", "name", 42), 42, "non-integer gives the default");
	is_int(pt_conf_bool("site", "development", 0), 1, "boolean yes");
	is_str(pt_conf_str("site", "theme", NULL), "nordlicht", "last assignment wins");
	is_str(pt_conf_str("site", "empty", "dflt"), "dflt", "empty value gives the default");
	is_str(pt_conf_str("nosuch", "theme", "dflt"), "dflt", "section matters");
	is_int(pt_conf_parse("[broken\nx=1\n", 12), PT_EINVAL, "unclosed section is an error");
	is_int(pt_conf_parse("novalue\n", 8), PT_EINVAL, "line without = is an error");
	pt_conf_clear();

	{
		char path[] = "/tmp/pt-conf-XXXXXX", out[16];
		int fd = mkstemp(path);
		FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

		if (f == NULL)
			return 99;
		fputs("[site]\ntheme = default\n[site]\ntheme = nordlicht ; the designer's\n"
		    "[smtp]\ntheme = other\nlong = 0123456789abcdefghij\n", f);
		fclose(f);
		is_int(pt_conf_parse("[site]\ntheme = loaded\n", 22), PT_OK, "a config is loaded");
		is_int(pt_conf_peek(path, "site", "theme", out, sizeof(out)), PT_OK, "peek finds it");
		is_str(out, "nordlicht", "the last assignment in the section, comment stripped");
		is_str(pt_conf_str("site", "theme", NULL), "loaded", "the loaded config is untouched");
		is_int(pt_conf_peek(path, "site", "none", out, sizeof(out)), PT_ENOTFOUND,
		    "a missing key");
		is_int(pt_conf_peek(path, "smtp", "long", out, sizeof(out)), PT_ENOTFOUND,
		    "a value longer than the buffer is not cut");
		unlink(path);
		is_int(pt_conf_peek(path, "site", "theme", out, sizeof(out)), PT_ESYS, "no file");
		pt_conf_clear();
	}
	return done_testing();
}
