/*
 * Uploaded files: what a file is by its first bytes (never what the
 * client claims), the harmless name a person sees, and storing the bytes
 * under [paths] files/<worker>/ with a random name no client chooses,
 * created exclusively with mode 0640, for nginx to send once a worker has
 * checked access (pt_send_file).  The kb and tickets workers keep their
 * attachments this way.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extern.h"

#define NAME_MAX_BYTES	100	/* a name a person sees, before its extension */

/* 1 if d is UTF-8 text: no NUL, no control characters but tab, LF, CR, FF. */
static int
is_text(const unsigned char *d, size_t n)
{
	size_t i = 0, k, len;

	if (n >= 3 && d[0] == 0xef && d[1] == 0xbb && d[2] == 0xbf)
		i = 3;
	while (i < n) {
		unsigned char c = d[i];

		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			len = 2;
		else if (c >= 0xe0 && c <= 0xef)
			len = 3;
		else if (c >= 0xf0 && c <= 0xf4)
			len = 4;
		else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++)
			if ((d[i + k] & 0xc0) != 0x80)
				return 0;
		/* Overlong three- and four-byte forms, surrogates, past U+10FFFF. */
		if ((c == 0xe0 && d[i + 1] < 0xa0) || (c == 0xed && d[i + 1] >= 0xa0) ||
		    (c == 0xf0 && d[i + 1] < 0x90) || (c == 0xf4 && d[i + 1] >= 0x90))
			return 0;
		i += len;
	}
	return 1;
}

static const struct pt_file_type type_pdf = { "application/pdf", "pdf", 1 };
static const struct pt_file_type type_png = { "image/png", "png", 1 };
static const struct pt_file_type type_jpeg = { "image/jpeg", "jpg", 1 };
static const struct pt_file_type type_gif = { "image/gif", "gif", 1 };
static const struct pt_file_type type_webp = { "image/webp", "webp", 1 };
static const struct pt_file_type type_text = { "text/plain; charset=utf-8", "txt", 0 };

const struct pt_file_type *
pt_file_sniff(const void *data, size_t n)
{
	const unsigned char *d = data;

	if (n >= 5 && memcmp(d, "%PDF-", 5) == 0)
		return &type_pdf;
	if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return &type_png;
	if (n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
		return &type_jpeg;
	if (n >= 6 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0))
		return &type_gif;
	if (n >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
		return &type_webp;
	if (n > 0 && is_text(d, n))
		return &type_text;
	return NULL;
}

int
pt_file_inline(const char *type)
{
	return strncmp(type, "image/", 6) == 0 || strcmp(type, "application/pdf") == 0;
}

const char *
pt_file_name(struct pt_req *req, const char *name, const struct pt_file_type *ft)
{
	const char *p, *base = name != NULL ? name : "";
	char *out, *o;
	size_t n = 0;

	for (p = base; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	if ((out = pt_alloc(req, NAME_MAX_BYTES + 16)) == NULL)
		return NULL;
	o = out;
	for (p = base; *p != '\0' && n < NAME_MAX_BYTES; p++) {
		char c = *p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.') {
			if (n == 0 && (c == '.' || c == '-'))
				continue;
			if (c == '.' && n > 0 && o[-1] == '.')
				continue;
			*o++ = c;
			n++;
		} else if (n > 0 && o[-1] != '_') {
			*o++ = '_';
			n++;
		}
	}
	while (n > 0 && (o[-1] == '.' || o[-1] == '_')) {
		o--;
		n--;
	}
	*o = '\0';
	if (n == 0)
		strcpy(out, "file");
	if (strchr(out, '.') == NULL)
		strcat(strcat(out, "."), ft->ext);
	return out;
}

int
pt_file_store(struct pt_req *req, const char *subdir, const void *bytes, size_t len,
    char storage[65], const char **path)
{
	const char *dir = pt_printf(req, "%s/%s", pt_files_dir(), subdir), *data = bytes;
	size_t off = 0;
	int fd, rc;

	if ((rc = pt_random_hex(storage, 32)) != PT_OK)
		return rc;
	if (dir == NULL || (*path = pt_printf(req, "%s/%s", dir, storage)) == NULL)
		return PT_ENOMEM;
	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		pt_log(req, PT_LOG_ERROR, "mkdir %s: %s", dir, strerror(errno));
		return PT_ESYS;
	}
	if ((fd = open(*path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640)) < 0) {
		pt_log(req, PT_LOG_ERROR, "open %s: %s", *path, strerror(errno));
		return PT_ESYS;
	}
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			pt_log(req, PT_LOG_ERROR, "write %s: %s", *path, strerror(errno));
			close(fd);
			unlink(*path);
			return PT_ESYS;
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		pt_log(req, PT_LOG_ERROR, "close %s: %s", *path, strerror(errno));
		unlink(*path);
		return PT_ESYS;
	}
	return PT_OK;
}
