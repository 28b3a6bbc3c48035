/*
 * portico-admin migrate splits a migration into statements, so that one
 * that fails halfway continues with the failed statement: a ';' ends a
 * statement only outside quotes and comments, comments and white space
 * before a statement are not part of it, and empty statements are skipped.
 * A DELIMITER line, as in the mariadb client, names what ends the
 * statements after it, so that a trigger's body may hold ';'.
 */
#include "admin.h"
#include "tap.h"

/* The statements of sql joined by '|'. */
static const char *
split(const char *sql)
{
	static char out[1024];
	size_t pos = 0, start, end, len = strlen(sql), o = 0;
	char delim[ADMIN_DELIM_MAX] = ";";

	out[0] = '\0';
	while (admin_sql_next(sql, len, &pos, &start, &end, delim)) {
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%.*s", o > 0 ? "|" : "",
		    (int)(end - start), sql + start);
		if (o >= sizeof(out))
			break;
	}
	return out;
}

int
main(void)
{
	is_str(split("CREATE TABLE a (x INT);\nINSERT INTO a VALUES (1);\n"),
	    "CREATE TABLE a (x INT)|INSERT INTO a VALUES (1)", "two statements");
	is_str(split("SELECT 1"), "SELECT 1", "the last needs no ';'");
	is_str(split("-- a comment; with a semicolon\nSELECT 1;\n# another; one\nSELECT 2;"),
	    "SELECT 1|SELECT 2", "comments before a statement are not part of it");
	is_str(split("/* block; comment */ SELECT 1; SELECT 2"), "SELECT 1|SELECT 2",
	    "a block comment before a statement");
	is_str(split("INSERT INTO a VALUES ('x;y', \"p;q\", `c;d`);SELECT 2"),
	    "INSERT INTO a VALUES ('x;y', \"p;q\", `c;d`)|SELECT 2", "';' inside quotes");
	is_str(split("SELECT 'it''s;', 'a\\';b';SELECT 2"),
	    "SELECT 'it''s;', 'a\\';b'|SELECT 2", "doubled and escaped quotes");
	is_str(split("SELECT 1 -- trailing; comment\n, 2;SELECT 3"),
	    "SELECT 1 -- trailing; comment\n, 2|SELECT 3", "a comment inside a statement");
	is_str(split("SELECT 1 /* x; y */ + 1;SELECT 3"), "SELECT 1 /* x; y */ + 1|SELECT 3",
	    "a block comment inside a statement");
	is_str(split("SELECT 1;;\n;SELECT 2;\n\n-- the end\n"), "SELECT 1|SELECT 2",
	    "empty statements and a trailing comment");
	is_str(split("SELECT 10--1;SELECT 2"), "SELECT 10--1|SELECT 2",
	    "-- without a space is an operator");
	is_str(split(""), "", "nothing");
	is_str(split("SELECT 'unterminated;"), "SELECT 'unterminated;", "an open quote runs to the end");
	is_str(split("SELECT 1;\nDELIMITER //\nCREATE TRIGGER t AFTER UPDATE ON a FOR EACH ROW\n"
	    "IF NEW.x <> OLD.x THEN INSERT INTO b VALUES (NEW.id); END IF //\n"
	    "DELIMITER ;\nSELECT 2;"),
	    "SELECT 1|CREATE TRIGGER t AFTER UPDATE ON a FOR EACH ROW\n"
	    "IF NEW.x <> OLD.x THEN INSERT INTO b VALUES (NEW.id); END IF|SELECT 2",
	    "a DELIMITER line: the trigger's ';' stays in it, and ';' ends statements again after");
	is_str(split("delimiter $$\nSELECT ';$$'$$SELECT 2 $$"), "SELECT ';$$'|SELECT 2",
	    "any case, any string; quotes may hold it");
	is_str(split("DELIMITER\nSELECT 1;"), "DELIMITER\nSELECT 1",
	    "DELIMITER without a string is no DELIMITER line");
	is_str(split("-- the delimiter changes\nDELIMITER //\n-- a comment\nSELECT 1//"),
	    "SELECT 1", "comments around a DELIMITER line");
	return done_testing();
}
