/*
 * portico-admin user add: create a user with a role, for the first admin
 * of a new installation and for scripts.  The password comes from standard
 * input so it never appears in a process list or shell history.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"

enum user_sql { USQL_INSERT, USQL_ROLE, USQL__MAX };

static const struct pt_sql user_sql[USQL__MAX] = {
	[USQL_INSERT] = { "user_insert",
	    "INSERT INTO users (org_id, email, name, password_hash, language, status, created_at)"
	    " VALUES (?, ?, ?, ?, ?, 'active', UTC_TIMESTAMP(6))" },
	[USQL_ROLE] = { "user_role",
	    "INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = ?" },
};

static int
read_password(char *buf, size_t size)
{
	size_t len;

	if (fgets(buf, (int)size, stdin) == NULL)
		return PT_EINVAL;
	len = strcspn(buf, "\r\n");
	buf[len] = '\0';
	return len >= 10 ? PT_OK : PT_EINVAL;
}

int
admin_user_add(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' }, { "email", required_argument, NULL, 'e' },
		{ "name", required_argument, NULL, 'n' }, { "role", required_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' }, { NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *email = NULL, *name = NULL, *role = NULL, *lang = "en";
	char password[1024], hash[256];
	unsigned long long affected = 0;
	struct pt_req *req;
	long long user_id;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc + 1, argv - 1, "", opts, NULL)) != -1) {
		switch (c) {
		case 'o': org = optarg; break;
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'r': role = optarg; break;
		case 'l': lang = optarg; break;
		default: return PT_EINVAL;
		}
	}
	if (org == NULL || !pt_valid(PT_V_ID, org, strlen(org)) || email == NULL ||
	    !pt_valid(PT_V_EMAIL, email, strlen(email)) || name == NULL ||
	    !pt_valid(PT_V_NAME, name, strlen(name)) || role == NULL ||
	    !pt_valid(PT_V_LANG, lang, strlen(lang))) {
		fprintf(stderr, "portico-admin: user add needs --org ID --email ADDRESS --name NAME"
		    " --role ROLE [--lang xx]\n");
		return PT_EINVAL;
	}
	if (read_password(password, sizeof(password)) != PT_OK) {
		fprintf(stderr, "portico-admin: give a password of at least 10 characters on stdin\n");
		return PT_EINVAL;
	}
	if (pt_password_hash(password, hash, sizeof(hash)) != PT_OK)
		return PT_ESYS;
	if ((req = pt_req_new("admin")) == NULL)
		return PT_ENOMEM;
	req->remote_addr = "cli";
	if ((rc = pt_db_init()) != PT_OK || (rc = pt_db_register(user_sql, USQL__MAX)) != PT_OK ||
	    (rc = pt_db_begin(req)) != PT_OK)
		goto out;
	if ((rc = pt_db_exec(req, &user_sql[USQL_INSERT], PT_BINDS(pt_int(atoll(org)),
	    pt_str(email), pt_str(name), pt_str(hash), pt_str(lang)), NULL)) != PT_OK)
		goto rollback;
	user_id = (long long)pt_db_insert_id();
	if ((rc = pt_db_exec(req, &user_sql[USQL_ROLE], PT_BINDS(pt_int(user_id), pt_str(role)),
	    &affected)) != PT_OK)
		goto rollback;
	if (affected != 1) {
		fprintf(stderr, "portico-admin: no role named %s\n", role);
		rc = PT_EINVAL;
		goto rollback;
	}
	if ((rc = pt_audit_as(req, 0, atoll(org), "user.create", "user",
	    pt_printf(req, "%lld", user_id), NULL,
	    pt_printf(req, "{\"email\":\"%s\",\"role\":\"%s\",\"via\":\"portico-admin\"}",
	    email, role))) != PT_OK || (rc = pt_db_commit(req)) != PT_OK)
		goto rollback;
	printf("user %lld created\n", user_id);
	goto out;
rollback:
	pt_db_rollback(req);
out:
	pt_db_close();
	pt_req_free(req);
	return rc;
}
