# shellcheck shell=bash
# Shared functions of script/server, script/test, script/db-start and
# script/db-stop: install the Debian packages, build, and run the private
# development stack (MariaDB, supervised FastCGI workers, nginx) with
# every file it writes under one state directory ($PORTICO_VAR).
#
# Source this file from a bash script that runs under `set -euo pipefail`,
# then call stack_init VAR [PORT] before anything else.  Every daemon is
# started with a pid file under $VAR, so stop_all (and a later run) can find
# and stop exactly what this state directory started, and nothing else.

PORTICO_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
BUILD=$PORTICO_REPO/build
JOBS=${PORTICO_JOBS:-2}
# FastCGI workers the stack runs: name → socket $RUN/<name>.sock, binary
# $BUILD/cgi-bin-src/<name>/portico-<name>, stderr to $LOGDIR/<name>.log.
WORKERS=(auth kb tickets orders tasks hello)
WORKER_PROCS=${PORTICO_WORKER_PROCS:-2}

# Debian 12 package names.  nginx (not nginx-light): in Debian 12 the
# flavours are small add-ons to the nginx package, which holds the binary.
PKGS_SERVER=(build-essential autoconf automake libtool pkg-config
	libfcgi-dev spawn-fcgi libmariadb-dev mariadb-server mariadb-client
	libxml2-dev libxslt1-dev libpcre2-dev libcrypt-dev libcurl4-openssl-dev nginx curl
	libcmark-gfm-dev libcmark-gfm-extensions-dev libxapian-dev tzdata
	libsodium-dev libgmime-3.0-dev libcsv-dev ca-certificates python3-aiosmtpd
	libcairo2-dev libpango1.0-dev fonts-dejavu-core libjansson-dev)
PKGS_TEST=(perl libwww-perl libtest-simple-perl libhttp-cookies-perl
	libxml-libxml-perl chromium chromium-driver python3-aiosmtpd wrk
	multiwatch openssl poppler-utils)

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# stack_init VAR [PORT]: the state directory and, for the HTTP front, the
# port.  Exports what the programs and the tests read.
stack_init() {
	VAR=$(realpath -m -- "$1")
	PORT=${2:-}
	RUN=$VAR/run
	LOGDIR=$VAR/log
	NGINX_DIR=$VAR/nginx
	DB_DATA=$VAR/mysql
	DB_SOCK=$RUN/mysqld.sock
	DB_PID=$RUN/mysqld.pid
	export PORTICO_REPO PORTICO_VAR=$VAR PORTICO_CONF=$VAR/portico.conf PORTICO_BUILD=$BUILD
	if [ -n "$PORT" ]; then
		export PORTICO_PORT=$PORT PORTICO_URL=http://127.0.0.1:$PORT
	fi
	# A unix socket path has room for 107 bytes (sun_path).
	[ "${#DB_SOCK}" -le 107 ] ||
		die "state directory path too long for unix sockets: $VAR (set PORTICO_VAR to a shorter path)"
	mkdir -p "$RUN" "$LOGDIR"
}

# ---------------------------------------------------------------- processes

# pid_alive PID: the process exists and is not a zombie.
pid_alive() {
	local stat
	case ${1:-} in '' | *[!0-9]*) return 1 ;; esac
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[ "${stat%% *}" != Z ]
}

# proc_has PID TEXT: the process is alive and its command line contains
# TEXT.  Guards every kill against a pid file whose pid was reused.
proc_has() {
	local cmd
	pid_alive "$1" || return 1
	cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
	case $cmd in *"$2"*) return 0 ;; esac
	return 1
}

# proc_started PID: the start time of the process (clock ticks since boot).
# With the pid it names one process; a pid alone may be reused.
proc_started() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	# shellcheck disable=SC2086 # the fields after the command name
	set -- ${stat##*) }
	echo "${20}"
}

# wait_for SECONDS COMMAND...: poll COMMAND every 0.1 s until it succeeds.
wait_for() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}

pid_gone() { ! pid_alive "$1"; }

# stop_pid PID NAME [SIGNAL]: signal, wait up to 30 s, then SIGKILL.
stop_pid() {
	kill "-${3:-TERM}" "$1" 2>/dev/null || true
	if ! wait_for 30 pid_gone "$1"; then
		warn "$2 (pid $1) did not stop in 30 s; killing it"
		kill -KILL "$1" 2>/dev/null || true
		wait_for 5 pid_gone "$1" || true
	fi
}

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_check() {
	! port_in_use "$PORT" ||
		die "port $PORT on 127.0.0.1 is in use by another program (choose another with ${PORT_ENV:-PORTICO_PORT})"
}

# ----------------------------------------------------------------- packages

pkg_installed() {
	[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" = "ii " ]
}

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		die "need root to run: $* (run as root, or install sudo)"
	fi
}

# install_packages PKG...: install the Debian packages that are missing,
# with one apt-get update first, and only when something is missing.
# PORTICO_SKIP_INSTALL=1 skips this (for machines set up by other means).
install_packages() {
	local missing=() p
	[ "${PORTICO_SKIP_INSTALL:-0}" != 1 ] || return 0
	if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
		warn "no dpkg/apt-get (not Debian): make sure these are installed: $*"
		return 0
	fi
	for p in "$@"; do
		pkg_installed "$p" || missing+=("$p")
	done
	[ "${#missing[@]}" -gt 0 ] || return 0
	say "installing Debian packages: ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
		die "apt-get update failed"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
		"${missing[@]}" || die "apt-get install failed: ${missing[*]}"
}

# node_packages: the Debian packages for Node.js, only where node or npm is
# missing (the machines usually have a node of their own; keep it).
node_packages() {
	if ! command -v node >/dev/null; then
		echo nodejs npm
	elif ! command -v npm >/dev/null; then
		echo npm
	fi
}

# -------------------------------------------------------------------- build

# automake does not copy tap-driver.sh by itself: when Makefile.am names it
# and it is missing, take it from automake's own copy.
provide_tap_driver() {
	local want src
	want=$(grep -o '[^ =]*tap-driver\.sh' Makefile.am 2>/dev/null | head -n 1) || true
	[ -n "$want" ] || return 0
	want=${want#'$(top_srcdir)/'}
	want=${want#'$(srcdir)/'}
	[ ! -f "$want" ] || return 0
	src=$(ls /usr/share/automake-*/tap-driver.sh 2>/dev/null | tail -n 1) || true
	[ -n "$src" ] || die "$want is missing and automake's tap-driver.sh was not found"
	mkdir -p "$(dirname "$want")"
	cp "$src" "$want"
	chmod +x "$want"
}

# build [DIR [CONFIGURE-ARGS...]]: out-of-tree build in DIR (default build/).
# Runs autoreconf when there is no configure script, configure when DIR has
# never been configured (later changes to configure.ac or Makefile.am are
# picked up by automake's rebuild rules), then make.
build() {
	local dir=${1:-$BUILD}
	[ $# -eq 0 ] || shift
	(
		cd "$PORTICO_REPO" || exit
		[ -f configure.ac ] || die "no configure.ac in $PORTICO_REPO: nothing to build"
		# An in-place ./configure (the README's way to install) makes
		# automake refuse builds elsewhere ("source directory already
		# configured"): undo it, as its own make distclean does.  What
		# make install put in place stays where it is.
		if [ -f config.status ]; then
			say "the source tree is configured in place (./configure at the top); make distclean there, the scripts build in ${dir#"$PORTICO_REPO"/}"
			if [ -f Makefile ]; then
				make distclean >/dev/null || die "make distclean in $PORTICO_REPO failed; remove its config.status and Makefile"
			fi
			rm -f config.status config.log
		fi
		if [ ! -x configure ]; then
			say "autoreconf -fi"
			autoreconf -fi || die "autoreconf failed"
		fi
		provide_tap_driver
		mkdir -p "$dir"
		cd "$dir" || exit
		if [ ! -f config.status ]; then
			say "configuring in ${dir#"$PORTICO_REPO"/} $*"
			"$PORTICO_REPO/configure" "$@" >config.out 2>&1 ||
				{ tail -n 30 config.out >&2; die "configure failed (see $dir/config.log)"; }
		fi
		say "make -j$JOBS in ${dir#"$PORTICO_REPO"/}"
		make -j"$JOBS" || die "build failed in $dir"
	)
}

# ----------------------------------------------------------------- MariaDB

# db_client [ARGS...]: the mariadb client as the database superuser, which
# mariadb-install-db made the current system user (unix_socket auth).
db_client() {
	mariadb --no-defaults --socket="$DB_SOCK" --user="$(id -un)" --connect-timeout=2 "$@"
}

db_answers() { db_client -e 'SELECT 1' >/dev/null 2>&1; }

# db_pid: print the pid of this state directory's mariadbd, if it runs.
db_pid() {
	local pid
	[ -s "$DB_PID" ] || return 1
	read -r pid <"$DB_PID" || true
	proc_has "$pid" "--datadir=$DB_DATA " || return 1
	echo "$pid"
}

# Create the datadir.  Into a temporary name first, so an interrupted
# install never looks like a finished one.
db_install() {
	local tmp=$DB_DATA.new args
	args=(--no-defaults --datadir="$tmp" --auth-root-authentication-method=socket --skip-test-db)
	if [ "$(id -u)" = 0 ]; then
		args+=(--user=root)
	else
		args+=(--auth-root-socket-user="$(id -un)")
	fi
	say "creating the MariaDB datadir ${DB_DATA#"$PORTICO_REPO"/}"
	rm -rf "$tmp"
	mariadb-install-db "${args[@]}" >"$LOGDIR/mariadb-install-db.log" 2>&1 ||
		{ tail -n 20 "$LOGDIR/mariadb-install-db.log" >&2; die "mariadb-install-db failed (see $LOGDIR/mariadb-install-db.log)"; }
	mv "$tmp" "$DB_DATA"
}

# db_start: start the private mariadbd (unix socket only) unless it runs,
# and wait until it answers queries.
db_start() {
	local pid args deadline
	if pid=$(db_pid); then
		wait_for 60 db_answers || die "MariaDB (pid $pid) runs but does not answer; see $LOGDIR/mysqld.log"
		return 0
	fi
	rm -f "$DB_SOCK" "$DB_SOCK.lock" "$DB_PID"
	[ -d "$DB_DATA" ] || db_install
	# --datadir first: db_pid matches it followed by a space.
	args=(--no-defaults --datadir="$DB_DATA" --socket="$DB_SOCK" --pid-file="$DB_PID"
		--log-error="$LOGDIR/mysqld.log" --skip-networking
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
		--innodb-flush-log-at-trx-commit=2
		# The knowledge base's texts (100 000 articles in the benchmark)
		# must fit in memory for search to be measured, not the disk.
		--innodb-buffer-pool-size="${PORTICO_DB_POOL:-768M}")
	[ "$(id -u)" != 0 ] || args+=(--user=root)
	say "starting MariaDB (socket ${DB_SOCK#"$PORTICO_REPO"/})"
	# A background job of a script ignores SIGINT, so Ctrl-C reaches only
	# the script, whose trap stops the server in order.
	mariadbd "${args[@]}" </dev/null >>"$LOGDIR/mysqld.log" 2>&1 &
	pid=$!
	deadline=$((SECONDS + 60))
	until db_answers; do
		if ! pid_alive "$pid"; then
			tail -n 20 "$LOGDIR/mysqld.log" >&2
			die "mariadbd exited during start-up (see $LOGDIR/mysqld.log)"
		fi
		[ "$SECONDS" -lt "$deadline" ] || die "MariaDB did not answer within 60 s (see $LOGDIR/mysqld.log)"
		sleep 0.1
	done
}

db_stop() {
	local pid
	if pid=$(db_pid); then
		say "stopping MariaDB (pid $pid)"
		stop_pid "$pid" mariadbd
	fi
	rm -f "$DB_SOCK" "$DB_SOCK.lock" "$DB_PID"
}

# admin ARGS...: the portico-admin tool of the build, on this stack's config.
admin() {
	local bin=$BUILD/cgi-bin-src/admin/portico-admin
	[ -x "$bin" ] || die "$bin is missing (did the build fail?)"
	PORTICO_CONF=$PORTICO_CONF "$bin" "$@"
}

# db_setup [reset]: database and its two accounts, as the sample has them
# (idempotent): portico with data rights only, which the workers and the
# tests use, so the whole suite proves those rights are enough, and
# portico_migrate for portico-admin migrate and demo.  Then the migrations,
# the shipped BPMN models (a new version of a model only when it changed)
# and the demo data.  With "reset" the database is dropped first, so every test
# run starts from the same state (no login throttling left from the last).
db_setup() {
	say "setting up database portico${1:+ (reset)}"
	{
		[ "${1:-}" != reset ] || echo 'DROP DATABASE IF EXISTS portico;'
		cat <<-'SQL'
			CREATE DATABASE IF NOT EXISTS portico CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
			CREATE USER IF NOT EXISTS 'portico'@'localhost' IDENTIFIED BY 'portico';
			REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'portico'@'localhost';
			GRANT SELECT, INSERT, UPDATE, DELETE ON portico.* TO 'portico'@'localhost';
			CREATE USER IF NOT EXISTS 'portico_migrate'@'localhost' IDENTIFIED BY 'portico-migrate';
			GRANT ALL PRIVILEGES ON portico.* TO 'portico_migrate'@'localhost';
		SQL
	} | db_client || die "could not create the database and its user"
	say "portico-admin migrate"
	admin migrate || die "portico-admin migrate failed"
	# The models before the demo data: the demo's cases (rows in
	# flow_commands) come after the "deployed" commands, which flowd takes first.
	say "portico-admin process deploy processes/*.bpmn"
	admin process deploy "$PORTICO_REPO"/processes/*.bpmn >/dev/null ||
		die "portico-admin process deploy failed (portico-admin process check processes/*.bpmn says why)"
	say "portico-admin demo"
	admin demo || die "portico-admin demo failed"
}

# ------------------------------------------------------------ configuration

# conf_theme FILE: the [site] theme FILE names (nothing when it names none).
conf_theme() {
	[ -f "$1" ] || return 0
	awk '/^[ \t]*\[/ { s = $0; gsub(/^[ \t]*\[|\].*$/, "", s); next }
		s == "site" && /^[ \t]*theme[ \t]*=/ {
			v = $0; sub(/^[^=]*=[ \t]*/, "", v); sub(/[ \t]+[;#].*$/, "", v)
			sub(/[ \t]+$/, "", v); t = v
		}
		END { print t }' "$1"
}

# hmac_key: the stack's [secrets] hmac_key, random, made once per state
# directory and kept in $VAR/hmac.key, so reply addresses and signed links
# in mails already sent keep working after a restart.
hmac_key() {
	local f=$VAR/hmac.key
	if [ ! -s "$f" ]; then
		(umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$f.tmp") &&
			mv "$f.tmp" "$f" || die "could not write $f"
	fi
	cat "$f"
}

# write_conf: $PORTICO_CONF from conf/portico.conf.sample with the values of
# this stack.  Regenerated on every start, keeping the [site] theme of the
# file it replaces (a theme designer edits it there; in development the
# workers follow the edit at once); PORTICO_THEME, when set, wins.
write_conf() {
	local sample=$PORTICO_REPO/conf/portico.conf.sample theme
	[ -f "$sample" ] || die "$sample is missing"
	theme=${PORTICO_THEME:-$(conf_theme "$PORTICO_CONF")}
	theme=${theme:-default}
	[ -f "$PORTICO_REPO/xslt/themes/$theme/theme.xsl" ] ||
		warn "theme $theme has no xslt/themes/$theme/theme.xsl: pages will show the error"
	awk -v overrides="database.socket=$DB_SOCK
database.host=
database.name=portico
database.user=portico
database.password=portico
database.migrate_user=portico_migrate
database.migrate_password=portico-migrate
paths.xslt=$PORTICO_REPO/xslt
paths.sql=$PORTICO_REPO/sql
paths.files=$VAR/files
paths.cache=$VAR/cache
site.theme=$theme
kb.search_index=${PORTICO_KB_SEARCH_INDEX:-on}
kb.views_write_s=${PORTICO_KB_VIEWS_WRITE_S:-1}
tickets.close_check_s=${PORTICO_TICKETS_CLOSE_CHECK_S:-2}
site.base_url=http://localhost:${PORT:-8080}
site.development=${PORTICO_DEVELOPMENT:-true}
site.secure_cookies=${PORTICO_SECURE_COOKIES:-false}
smtp.url=smtp://127.0.0.1:$(smtp_port)
smtp.from=Portico <portal@portico.example>
flow.webhook_url=http://127.0.0.1:$(webhook_port)/hook
flow.webhook_timeout_ms=2000
secrets.hmac_key=$(hmac_key)
mailin.address=support@portico.example
mailin.service=other-question" '
		BEGIN {
			n = split(overrides, lines, "\n")
			for (i = 1; i <= n; i++) {
				eq = index(lines[i], "=")
				want[substr(lines[i], 1, eq - 1)] = substr(lines[i], eq + 1)
			}
			print "; Generated by script/lib/stack.sh from conf/portico.conf.sample;"
			print "; edits are lost on the next start, except [site] theme, which is"
			print "; kept (and followed at once by the workers in development)."
		}
		/^[ \t]*\[[^]]+\]/ { section = $0; gsub(/^[ \t]*\[|\].*$/, "", section) }
		/^[ \t]*[A-Za-z_]+[ \t]*=/ {
			key = $0; sub(/^[ \t]*/, "", key); sub(/[ \t]*=.*$/, "", key)
			if ((section "." key) in want) {
				v = want[section "." key]
				print key (v == "" ? " =" : " = " v)
				done[section "." key] = 1
				next
			}
		}
		{ print }
		END {
			for (k in want) if (!(k in done)) {
				print "stack.sh: " k " is not in portico.conf.sample" > "/dev/stderr"
				bad = 1
			}
			exit bad
		}' "$sample" >"$PORTICO_CONF.tmp" || die "could not generate $PORTICO_CONF"
	# It holds the database passwords: readable by this user only, as
	# portico-admin check wants.
	chmod 600 "$PORTICO_CONF.tmp"
	mv "$PORTICO_CONF.tmp" "$PORTICO_CONF"
	# [paths] files: uploads (kb/ for the knowledge base, tickets/ for tickets,
	# orders/ for product images), served by nginx's /protected/.
	mkdir -p "$VAR/files/kb" "$VAR/files/tickets" "$VAR/files/orders"
}

# ------------------------------------------------------------------ workers

worker_bin() { echo "$BUILD/cgi-bin-src/$1/portico-$1"; }

# worker_pids NAME: the pids of the worker's processes that still run.  The
# pid file holds "pid start-time" lines: the binary is the same for every
# stack of a checkout, so only the start time tells that a pid is still ours.
worker_pids() {
	local p started
	[ -f "$RUN/$1.pid" ] || return 0
	while read -r p started; do
		if [ -n "$started" ] && [ "$(proc_started "$p")" = "$started" ]; then
			echo "$p"
		fi
	done <"$RUN/$1.pid"
}

# worker_running NAME: all WORKER_PROCS processes of the worker run.
worker_running() { [ "$(worker_pids "$1" | wc -l)" -ge "$WORKER_PROCS" ]; }

# worker_start NAME: WORKER_PROCS processes of the worker on $RUN/NAME.sock
# (mode 0666: nginx runs as another user), kept running as the systemd
# units keep them: spawn-fcgi makes the socket and, with -n, becomes
# script/lib/worker-supervise, which holds the socket, starts the
# processes, replaces any that exits, and keeps $RUN/NAME.pid current.
# Its own pid is in $RUN/NAME.supervisor.pid.
worker_start() {
	local bin pid
	bin=$(worker_bin "$1")
	[ -x "$bin" ] || die "$bin is missing (did the build fail?)"
	worker_stop "$1"
	spawn-fcgi -n -s "$RUN/$1.sock" -M 0666 -d "$PORTICO_REPO" -- /bin/bash \
		"$PORTICO_REPO/script/lib/worker-supervise" "$1" "$bin" "$WORKER_PROCS" \
		"$LOGDIR/$1.log" "$RUN" </dev/null >/dev/null 2>>"$LOGDIR/$1.log" &
	pid=$!
	daemon_record "$1.supervisor" "$pid"
	until worker_running "$1"; do
		pid_alive "$pid" || die "spawn-fcgi could not start $1 (see $LOGDIR/$1.log)"
		sleep 0.1
	done
}

# worker_stop NAME: the supervisor first (it stops its processes), then
# any process it left (e.g. when it was killed itself).
worker_stop() {
	local p
	if p=$(daemon_pid "$1.supervisor"); then
		stop_pid "$p" "the supervisor of portico-$1"
	fi
	for p in $(worker_pids "$1"); do
		stop_pid "$p" "portico-$1"
	done
	rm -f "$RUN/$1.pid" "$RUN/$1.pid.tmp" "$RUN/$1.supervisor.pid" "$RUN/$1.restarts" "$RUN/$1.sock"
}

workers_start() {
	local w
	say "starting workers: ${WORKERS[*]} ($WORKER_PROCS processes each)"
	for w in "${WORKERS[@]}"; do worker_start "$w"; done
}

workers_stop() {
	local w pids
	for w in "${WORKERS[@]}"; do
		pids=$(worker_pids "$w")
		[ -z "$pids" ] || say "stopping portico-$w (${pids//$'\n'/ })"
		worker_stop "$w"
	done
}

# workers_check: every worker runs all its processes under its supervisor,
# and none had to be replaced since the start; prints the end of the log
# of one that lost or replaced some.
workers_check() {
	local w n r rc=0
	for w in "${WORKERS[@]}"; do
		n=$(worker_pids "$w" | wc -l)
		r=$(cat "$RUN/$w.restarts" 2>/dev/null) || r=0
		if ! daemon_pid "$w.supervisor" >/dev/null; then
			warn "portico-$w: its supervisor is gone ($n of $WORKER_PROCS processes run); end of $LOGDIR/$w.log:"
		elif [ "$n" -lt "$WORKER_PROCS" ] || [ "${r:-0}" -gt 0 ]; then
			warn "portico-$w: $n of $WORKER_PROCS processes run, ${r:-0} replaced after exiting; end of $LOGDIR/$w.log:"
		else
			continue
		fi
		tail -n 15 "$LOGDIR/$w.log" >&2 2>/dev/null || true
		rc=1
	done
	return "$rc"
}

# ------------------------------------------------- mail: SMTP sink, mailer

# The SMTP sink (aiosmtpd's Mailbox handler) keeps every mail it accepts as
# a file in the Maildir $VAR/mail (new/ holds the arrivals); portico-mailer
# delivers the outbox to it.  Both run with "pid start-time" pid files under
# $RUN, like the workers.
MAILDIR_NAME=mail

# smtp_port: the sink's port, PORT + 1000 (8080 -> 9080, 18080 -> 19080);
# without a PORT (script/smtp-start), the one the sink last used.
smtp_port() {
	if [ -n "${PORT:-}" ]; then
		echo $((PORT + 1000))
	elif [ -s "$RUN/smtp.port" ]; then
		cat "$RUN/smtp.port"
	else
		die "no port for the SMTP sink (set PORTICO_PORT)"
	fi
}

# webhook_port: where the development stack's [flow] webhook_url points,
# PORT + 2000 (18080 -> 20080): nothing listens there unless a test does.
webhook_port() { echo $((${PORT:-8080} + 2000)); }

# daemon_pid NAME: the pid in $RUN/NAME.pid ("pid start-time"), if it runs.
daemon_pid() {
	local pid started
	[ -s "$RUN/$1.pid" ] || return 1
	read -r pid started <"$RUN/$1.pid" || true
	[ -n "$started" ] && [ "$(proc_started "$pid")" = "$started" ] || return 1
	echo "$pid"
}

# daemon_record NAME PID: write the pid file of a daemon just started.
daemon_record() { echo "$2 $(proc_started "$2")" >"$RUN/$1.pid"; }

daemon_stop() {
	local pid
	if pid=$(daemon_pid "$1"); then
		say "stopping $2 (pid $pid)"
		stop_pid "$pid" "$2"
	fi
	rm -f "$RUN/$1.pid"
}

# The Debian package installs aiosmtpd for the system's python3, which
# need not be the first python3 on PATH.
smtp_python() {
	if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else echo python3; fi
}

smtp_start() {
	local port pid
	smtp_stop
	port=$(smtp_port)
	! port_in_use "$port" ||
		die "port $port for the SMTP sink is in use by another program (choose another ${PORT_ENV:-PORTICO_PORT})"
	mkdir -p "$VAR/$MAILDIR_NAME/tmp" "$VAR/$MAILDIR_NAME/new" "$VAR/$MAILDIR_NAME/cur"
	say "starting the SMTP sink on 127.0.0.1:$port (mails in ${VAR#"$PORTICO_REPO"/}/$MAILDIR_NAME/new/)"
	"$(smtp_python)" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox \
		"$VAR/$MAILDIR_NAME" </dev/null >>"$LOGDIR/smtp.log" 2>&1 &
	pid=$!
	daemon_record smtp "$pid"
	echo "$port" >"$RUN/smtp.port"
	if ! wait_for 15 port_in_use "$port"; then
		tail -n 15 "$LOGDIR/smtp.log" >&2 2>/dev/null || true
		die "the SMTP sink does not answer on port $port (is python3-aiosmtpd installed? see $LOGDIR/smtp.log)"
	fi
}

smtp_stop() { daemon_stop smtp "the SMTP sink"; }

mailer_start() {
	local bin=$BUILD/cgi-bin-src/mailer/portico-mailer pid
	[ -x "$bin" ] || die "$bin is missing (did the build fail?)"
	mailer_stop
	say "starting portico-mailer"
	PORTICO_CONF=$PORTICO_CONF "$bin" </dev/null >/dev/null 2>>"$LOGDIR/mailer.log" &
	pid=$!
	daemon_record mailer "$pid"
	sleep 0.2
	if ! pid_alive "$pid"; then
		tail -n 15 "$LOGDIR/mailer.log" >&2 2>/dev/null || true
		die "portico-mailer exited during start-up (see $LOGDIR/mailer.log)"
	fi
}

mailer_stop() { daemon_stop mailer portico-mailer; }

# mailer_check: the mailer still runs; prints the end of its log if not.
mailer_check() {
	daemon_pid mailer >/dev/null && return 0
	warn "portico-mailer is not running; end of $LOGDIR/mailer.log:"
	tail -n 15 "$LOGDIR/mailer.log" >&2 2>/dev/null || true
	return 1
}

# flowd_start [NAME]: portico-flowd, the BPMN engine, logging to
# $LOGDIR/NAME.log (NAME: flowd).  Another NAME (flowd2) starts a second
# one beside it, as a second host would run: they share the work.
flowd_start() {
	local bin=$BUILD/cgi-bin-src/flowd/portico-flowd name=${1:-flowd} pid
	[ -x "$bin" ] || die "$bin is missing (did the build fail?)"
	flowd_stop "$name"
	say "starting portico-flowd${1:+ ($name)}"
	PORTICO_CONF=$PORTICO_CONF "$bin" </dev/null >/dev/null 2>>"$LOGDIR/$name.log" &
	pid=$!
	daemon_record "$name" "$pid"
	sleep 0.2
	if ! pid_alive "$pid"; then
		tail -n 15 "$LOGDIR/$name.log" >&2 2>/dev/null || true
		die "portico-flowd exited during start-up (see $LOGDIR/$name.log)"
	fi
}

# flowd_stop [NAME]: that one (NAME: flowd); it ends after the step in hand.
flowd_stop() { daemon_stop "${1:-flowd}" portico-flowd; }

# flowd_check: the engine still runs; prints the end of its log if not.
flowd_check() {
	daemon_pid flowd >/dev/null && return 0
	warn "portico-flowd is not running; end of $LOGDIR/flowd.log:"
	tail -n 15 "$LOGDIR/flowd.log" >&2 2>/dev/null || true
	return 1
}

# -------------------------------------------------------------------- nginx

nginx_pid() {
	local pid
	[ -s "$NGINX_DIR/nginx.pid" ] || return 1
	read -r pid <"$NGINX_DIR/nginx.pid" || true
	proc_has "$pid" "-c $NGINX_DIR/nginx.conf " || return 1
	echo "$pid"
}

# sed_escape TEXT: TEXT as the replacement of an s|...|...| command.
sed_escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }

# nginx_start: nginx.conf from conf/nginx-dev.conf.in, then nginx (daemon,
# pid file in $NGINX_DIR), and wait until it answers on the port.
nginx_start() {
	local user_line='' nginx=nginx args
	command -v nginx >/dev/null || nginx=/usr/sbin/nginx
	[ -n "$PORT" ] || die "nginx_start: no port (stack_init VAR PORT)"
	nginx_stop
	mkdir -p "$NGINX_DIR"/tmp/client_body "$NGINX_DIR"/tmp/fastcgi "$NGINX_DIR"/tmp/proxy \
		"$NGINX_DIR"/tmp/scgi "$NGINX_DIR"/tmp/uwsgi "$VAR/files/kb" "$VAR/files/tickets" \
		"$VAR/files/orders"
	# As root, nginx's workers would run as nobody and could not read a
	# checkout under /root; in development they run as the current user.
	[ "$(id -u)" != 0 ] || user_line='user root;'
	sed -e "s|@VAR@|$(sed_escape "$VAR")|g" \
		-e "s|@REPO@|$(sed_escape "$PORTICO_REPO")|g" \
		-e "s|@PORT@|$PORT|g" \
		-e "s|@USER@|$user_line|g" \
		"$PORTICO_REPO/conf/nginx-dev.conf.in" >"$NGINX_DIR/nginx.conf"
	port_check
	args=(-p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log")
	"$nginx" "${args[@]}" -t -q || die "nginx rejects $NGINX_DIR/nginx.conf"
	say "starting nginx on 127.0.0.1:$PORT"
	"$nginx" "${args[@]}" </dev/null || die "nginx did not start (see $NGINX_DIR/error.log)"
	wait_for 15 port_in_use "$PORT" || die "nginx does not answer on port $PORT (see $NGINX_DIR/error.log)"
}

nginx_stop() {
	local pid
	if pid=$(nginx_pid); then
		say "stopping nginx (pid $pid)"
		stop_pid "$pid" nginx QUIT
	fi
	rm -f "$NGINX_DIR/nginx.pid"
}

# ------------------------------------------------------------ whole stack

# http_ok PATH: nginx and the worker behind it answer PATH with 200.
http_ok() { curl -fsS -o /dev/null --max-time 5 "$PORTICO_URL$1" 2>/dev/null; }

# stack_up [reset]: everything, in order, then a check that it answers.
stack_up() {
	nginx_stop
	port_check
	write_conf
	db_start
	db_setup "${1:-}"
	smtp_start
	workers_start
	mailer_start
	flowd_start
	nginx_start
	if ! wait_for 20 http_ok /auth/health; then
		warn "GET /auth/health does not answer 200; see $LOGDIR/auth.log and $NGINX_DIR/error.log"
		curl -sS --max-time 5 "$PORTICO_URL/auth/health" >&2 || true
		echo >&2
	fi
	workers_check || die "a worker exited during start-up"
}

# stack_lock: this process owns $VAR from now on.  Refuses when another
# live script owns it; otherwise stops what a killed earlier run left.
stack_lock() {
	local f=$RUN/stack.pid pid started
	if [ -s "$f" ] && read -r pid started <"$f" && [ "$pid" != $$ ] &&
		[ "$(proc_started "$pid")" = "$started" ]; then
		die "another script (pid $pid) runs a stack in $VAR; stop it first, or set PORTICO_VAR"
	fi
	STACK_OWNER=1
	stop_all
	echo "$$ $(proc_started $$)" >"$f"
	trap stop_all EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM HUP
}

# stop_all: stop everything of this state directory (nginx, mailer, flowd,
# workers, SMTP sink, MariaDB), whoever started it; quiet when nothing runs.  Safe to call twice.
stop_all() {
	local p
	trap '' INT TERM HUP
	# Helpers the script itself runs in the background (log followers).
	for p in ${HELPER_PIDS:-}; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	HELPER_PIDS=
	nginx_stop || true
	mailer_stop || true
	flowd_stop || true
	flowd_stop flowd2 || true
	workers_stop || true
	smtp_stop || true
	db_stop || true
	if [ -n "${STACK_OWNER:-}" ] && [ "$(cut -d' ' -f1 "$RUN/stack.pid" 2>/dev/null)" = $$ ]; then
		rm -f "$RUN/stack.pid"
	fi
	trap 'exit 130' INT
	trap 'exit 143' TERM HUP
}
