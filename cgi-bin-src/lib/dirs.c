/*
 * Directories the workers write to ([paths] files): usable when they
 * exist, are directories, and this process may create files in them.
 * Checked when a worker starts and by /<worker>/health, so a broken upload
 * store is told before the first upload fails; portico-admin check uses
 * the same test.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extern.h"

const char *
pt_user_name(void)
{
	static char name[64];
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL)
		snprintf(name, sizeof(name), "%s", pw->pw_name);
	else
		snprintf(name, sizeof(name), "uid %ld", (long)geteuid());
	return name;
}

int
pt_dir_writable(const char *dir, char *why, size_t size)
{
	struct stat st;

	why[0] = '\0';
	if (stat(dir, &st) != 0) {
		snprintf(why, size, "%s %s", dir, errno == ENOENT ? "does not exist" :
		    strerror(errno));
		return PT_ESYS;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(why, size, "%s is not a directory", dir);
		return PT_ESYS;
	}
	/* The effective user, the one that writes the files. */
	if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0) {
		if (errno == EROFS)
			snprintf(why, size, "%s is on a read-only file system", dir);
		else
			snprintf(why, size, "%s is not writable by %s", dir, pt_user_name());
		return PT_ESYS;
	}
	return PT_OK;
}

int
pt_files_usable(const char *subdir, char *why, size_t size)
{
	char sub[2048];
	struct stat st;

	if (pt_dir_writable(pt_files_dir(), why, size) != PT_OK)
		return PT_ESYS;
	/* The worker makes its own subdirectory at the first upload. */
	snprintf(sub, sizeof(sub), "%s/%s", pt_files_dir(), subdir);
	if (lstat(sub, &st) != 0 && errno == ENOENT)
		return PT_OK;
	return pt_dir_writable(sub, why, size);
}

/* The worker's subdirectory of [paths] files, when it keeps uploads. */
static const char *files_subdir;

int
pt_files_watch(const char *subdir)
{
	char why[2300];

	if ((files_subdir = subdir) == NULL)
		return PT_OK;
	if (pt_files_usable(subdir, why, sizeof(why)) == PT_OK)
		return PT_OK;
	pt_log(NULL, PT_LOG_ERROR, "[paths] files: %s; uploads will fail and /%s/health says"
	    " failing until it is fixed (portico-admin check says how)", why, subdir);
	return PT_ESYS;
}

int
pt_files_health(void)
{
	char why[2300];

	if (files_subdir == NULL)
		return -1;
	return pt_files_usable(files_subdir, why, sizeof(why)) == PT_OK;
}
