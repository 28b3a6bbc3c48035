/*
 * The check of the directories the workers write to (worker start,
 * /kb/health, portico-admin check): a missing directory, a file in its
 * place and one the process may not write are told with the path and the
 * reason; the worker's subdirectory need not exist yet.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "portico.h"
#include "tap.h"

int
main(void)
{
	char tmpl[] = "/tmp/pt-dirs-XXXXXX", path[256], conf[512], why[2300];
	const char *dir = mkdtemp(tmpl);
	FILE *f;

	if (dir == NULL)
		return 1;
	is_int(pt_dir_writable(dir, why, sizeof(why)), PT_OK, "a writable directory");
	is_str(why, "", "no reason");
	snprintf(path, sizeof(path), "%s/nope", dir);
	is_int(pt_dir_writable(path, why, sizeof(why)), PT_ESYS, "a missing one");
	ok(strstr(why, "/nope does not exist") != NULL, "says it does not exist, with the path");
	snprintf(path, sizeof(path), "%s/plain", dir);
	if ((f = fopen(path, "w")) != NULL)
		fclose(f);
	is_int(pt_dir_writable(path, why, sizeof(why)), PT_ESYS, "a file");
	ok(strstr(why, "/plain is not a directory") != NULL, "says it is not a directory");
	snprintf(path, sizeof(path), "%s/ro", dir);
	mkdir(path, 0500);
	if (geteuid() != 0) {
		is_int(pt_dir_writable(path, why, sizeof(why)), PT_ESYS, "a read-only one");
		ok(strstr(why, "/ro is not writable by ") != NULL, "says by whom");
	} else {
		is_int(pt_dir_writable(path, why, sizeof(why)), PT_OK, "root writes anywhere");
	}

	/* [paths] files with the worker's subdirectory. */
	snprintf(conf, sizeof(conf), "[paths]\nfiles = %s/\n", dir);
	is_int(pt_conf_parse(conf, strlen(conf)), PT_OK, "config");
	is_int(pt_files_usable("kb", why, sizeof(why)), PT_OK, "kb/ need not exist yet");
	snprintf(path, sizeof(path), "%s/kb", dir);
	if ((f = fopen(path, "w")) != NULL)
		fclose(f);
	is_int(pt_files_usable("kb", why, sizeof(why)), PT_ESYS, "kb a file");
	ok(strstr(why, "/kb is not a directory") != NULL, "names the subdirectory");
	unlink(path);
	rmdir(strcat(strcpy(path, dir), "/ro"));
	unlink(strcat(strcpy(path, dir), "/plain"));
	rmdir(dir);
	is_int(pt_files_usable("kb", why, sizeof(why)), PT_ESYS, "the files directory gone");
	ok(strstr(why, " does not exist") != NULL, "says so");
	pt_conf_clear();
	return done_testing();
}
