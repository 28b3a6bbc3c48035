/* The INI reader: sections, comments, last assignment wins, typed getters, errors. */
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
	return done_testing();
}
