"""The database of a Portico stack for the data generators (script/*-generate).

The database is the one named by $PORTICO_CONF (or $PORTICO_VAR/portico.conf,
or var/portico.conf): the [database] section's socket or host/port, name,
user and password, through the mariadb client.  Rows go in as tab-separated
files with LOAD DATA LOCAL INFILE (tsv() writes one line, infile() the
statement).
"""

import configparser
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROG = os.path.basename(sys.argv[0])


def fail(msg, code=1):
    print(PROG + ": " + msg, file=sys.stderr)
    sys.exit(code)


def conf_path():
    if os.environ.get("PORTICO_CONF"):
        return os.environ["PORTICO_CONF"]
    var = os.environ.get("PORTICO_VAR") or os.path.join(REPO, "var")
    return os.path.join(var, "portico.conf")


def read_db_conf():
    path = conf_path()
    if not os.path.exists(path):
        fail("no configuration file %s (set PORTICO_CONF or PORTICO_VAR)" % path)
    cp = configparser.ConfigParser(inline_comment_prefixes=(";", "#"),
                                   comment_prefixes=(";", "#"), interpolation=None)
    with open(path, encoding="utf-8") as f:
        cp.read_file(f)
    if not cp.has_section("database"):
        fail("%s has no [database] section" % path)
    db = {k: v.strip() for k, v in cp.items("database")}
    return db


class DB:
    def __init__(self, conf):
        # It may alter tables (keys): the migration account when there is one.
        user, password = conf.get("user", "portico"), conf.get("password", "")
        if conf.get("migrate_user"):
            user, password = conf["migrate_user"], conf.get("migrate_password", "")
        self.args = ["mariadb", "--no-defaults", "--default-character-set=utf8mb4",
                     "--batch", "--skip-column-names", "--local-infile=1",
                     "--user=" + user]
        if conf.get("socket"):
            self.args.append("--socket=" + conf["socket"])
        else:
            self.args += ["--host=" + (conf.get("host") or "127.0.0.1"),
                          "--port=" + (conf.get("port") or "3306"), "--protocol=tcp"]
        self.args.append(conf.get("name") or "portico")
        self.env = dict(os.environ, MYSQL_PWD=password)

    def run(self, sql):
        """Runs SQL (one or more statements); returns the rows of the output."""
        p = subprocess.run(self.args, input=sql.encode("utf-8"), env=self.env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            fail("SQL failed: %s\n  in: %s" % (p.stderr.decode("utf-8", "replace").strip(),
                                               sql.strip()[:300]))
        out = p.stdout.decode("utf-8")
        # Rows end in LF only (--batch escapes LF and tab inside values);
        # str.splitlines() would also split inside a value at U+2028,
        # U+0085 and other line separators, as tags could hold before
        # the editor refused them.
        return [line.split("\t") for line in out.split("\n") if line != ""]

    def value(self, sql):
        rows = self.run(sql)
        return rows[0][0] if rows and rows[0] else None


def tsv(*fields):
    out = []
    for f in fields:
        if f is None:
            out.append("\\N")
        else:
            out.append(str(f).replace("\\", "\\\\").replace("\t", " ").replace("\n", "\\n"))
    return "\t".join(out) + "\n"


def infile(path, table, cols):
    """The LOAD DATA statement for a file written with tsv()."""
    path = path.replace("\\", "\\\\").replace("'", "\\'")
    return ("LOAD DATA LOCAL INFILE '%s' INTO TABLE %s CHARACTER SET utf8mb4 "
            "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (%s);"
            % (path, table, cols))
