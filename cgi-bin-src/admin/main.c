/*
 * portico-admin COMMAND: the operator's tool.  Reads the same config as the
 * workers ($PORTICO_CONF).
 */
#include <stdio.h>
#include <string.h>

#include "admin.h"

static const char usage[] =
    "usage: portico-admin --help           this text (needs no configuration)\n"
    "       portico-admin migrate          apply new migrations from <sql>/migrations\n"
    "       portico-admin demo             load the demo data from <sql>/demo\n"
    "       portico-admin user add --org ID --email E --name N --role R [--lang L]\n"
    "                                      (the password is read from standard input)\n"
    "       portico-admin check [--nginx-user USER]\n"
    "                                      one line per check (configuration, database,\n"
    "                                      migrations, directories, theme); exit 0 when\n"
    "                                      all are fine.  Run it as the workers' user;\n"
    "                                      nginx's user is www-data unless named\n"
    "       portico-admin pages forget [WORKER]\n"
    "                                      outdate the pages WORKER (kb) keeps for anonymous\n"
    "                                      visitors, after changing its data in the database\n"
    "       portico-admin process check FILE...\n"
    "                                      validate BPMN models as a deploy will (needs no\n"
    "                                      configuration); exit 0 when all are accepted\n"
    "       portico-admin process draw [--lang LANG] FILE\n"
    "                                      a model's diagram as SVG on standard output\n"
    "       portico-admin process deploy FILE...\n"
    "                                      each model as a new version of its process, one\n"
    "                                      line per file (deployed, unchanged or refused);\n"
    "                                      exit 0 when none is refused\n";

/* The commands, so that a mistyped one is told before the config is read. */
static const char *const commands[] = { "migrate", "demo", "user", "check", "pages", "process" };

int
main(int argc, char **argv)
{
	const char *sql_dir;
	int conf_rc;

	pt_log_init("admin");
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	/* Help needs no configuration: it is what one asks before there is one. */
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	if (!pt_one_of(argv[1], commands, PT_NELEM(commands))) {
		fputs(usage, stderr);
		return 2;
	}
	/* BPMN models are checked and drawn without configuration or database. */
	if (strcmp(argv[1], "process") == 0 && !(argc >= 3 && strcmp(argv[2], "deploy") == 0))
		return admin_process(argc - 2, argv + 2) == PT_OK ? 0 : 1;
	conf_rc = pt_conf_load(NULL);
	/* check reports a missing or malformed configuration as its first line. */
	if (strcmp(argv[1], "check") == 0)
		return admin_check(argc - 2, argv + 2, conf_rc) == PT_OK ? 0 : 1;
	if (conf_rc != PT_OK)
		return 1;
	sql_dir = pt_conf_str("paths", "sql", PT_PKGDATADIR "/sql");
	if (strcmp(argv[1], "migrate") == 0)
		return admin_migrate(sql_dir, "migrations") == PT_OK ? 0 : 1;
	if (strcmp(argv[1], "demo") == 0)
		return admin_migrate(sql_dir, "demo") == PT_OK ? 0 : 1;
	if (strcmp(argv[1], "user") == 0 && argc >= 3 && strcmp(argv[2], "add") == 0)
		return admin_user_add(argc - 3, argv + 3) == PT_OK ? 0 : 1;
	if (strcmp(argv[1], "process") == 0)
		return admin_process_deploy(argc - 3, argv + 3) == PT_OK ? 0 : 1;
	if (strcmp(argv[1], "pages") == 0 && argc >= 3 && argc <= 4 && strcmp(argv[2], "forget") == 0)
		return admin_pages_forget(argc == 4 ? argv[3] : NULL) == PT_OK ? 0 : 1;
	fputs(usage, stderr);
	return 2;
}
