/*
 * [log] file: the log goes to the file, and so does anything else written
 * to stderr; after logrotate renames the file (no copytruncate), the next
 * line a second later lands in a new file at the path, and the moved file
 * keeps what was written before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "portico.h"
#include "tap.h"

static char *
slurp(const char *path)
{
	static char buf[8192];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

int
main(void)
{
	char dir[] = "/tmp/portico-log-XXXXXX", path[256], moved[256];
	const char *text;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/portico.log", dir);
	snprintf(moved, sizeof(moved), "%s/portico.log.1", dir);
	pt_log_init("unit");

	static const char ini[] = "[log]\nfile = /nonexistent-dir/x.log\n";

	is_int(pt_conf_parse(ini, sizeof(ini) - 1), PT_OK, "config parses");
	ok(pt_log_configure() != PT_OK, "an unwritable [log] file is an error at start");

	is_int(pt_log_open(path), PT_OK, "opens the log file");
	pt_log(NULL, PT_LOG_INFO, "first line %d", 1);
	fputs("something else on stderr\n", stderr);
	text = slurp(path);
	ok(text != NULL && strstr(text, " unit[") != NULL &&
	    strstr(text, "] info req=- first line 1\n") != NULL, "the line is in the file");
	ok(text != NULL && strstr(text, "something else on stderr\n") != NULL,
	    "stderr is the file too");

	ok(rename(path, moved) == 0, "logrotate moves the file");
	sleep(1);
	usleep(100 * 1000);
	pt_log(NULL, PT_LOG_WARN, "second line");
	text = slurp(path);
	ok(text != NULL && strstr(text, "] warn req=- second line\n") != NULL,
	    "the next line is in a new file at the path");
	ok(text != NULL && strstr(text, "first line") == NULL, "which holds only the new lines");
	text = slurp(moved);
	ok(text != NULL && strstr(text, "first line 1\n") != NULL &&
	    strstr(text, "second line") == NULL, "the moved file keeps the old lines");

	ok(unlink(path) == 0, "logrotate removes the file");
	sleep(1);
	usleep(100 * 1000);
	pt_log(NULL, PT_LOG_ERROR, "third line");
	text = slurp(path);
	ok(text != NULL && strstr(text, "] error req=- third line\n") != NULL, "it is created again");

	unlink(path);
	unlink(moved);
	rmdir(dir);
	pt_conf_clear();
	return done_testing();
}
