#!/usr/bin/env bash
# Install (if needed) and start a private Virtuoso 7 (Debian's virtuoso-opensource) on loopback only,
# for the remote-store contract tests and benchmarks. Prints shell `export` lines on stdout:
#
#   eval "$(bash scripts/ci/start_virtuoso.sh)"      # sets DIPLOGRAPH_TEST_VIRTUOSO and friends
#   ... tests ...
#   bash scripts/ci/stop_virtuoso.sh                  # stops it (by the pid recorded at start)
#
# The instance lives in $DIPLOGRAPH_VIRTUOSO_DIR (default /tmp/diplograph-virtuoso), listens on
# 127.0.0.1:$DIPLOGRAPH_VIRTUOSO_SQL_PORT (ISQL, default 11111) and 127.0.0.1:$DIPLOGRAPH_VIRTUOSO_HTTP_PORT
# (HTTP, default 18890), never on other interfaces. The Debian package's own daemon (all interfaces,
# ports 1111/8890) is never started: a policy-rc.d that denies service starts is put in place for the
# install when none exists. The dba password and a `diplograph` SPARQL user with a random password are
# set through isql while the server listens on loopback only; both are written to $DIR/credentials (0600).
set -euo pipefail

DIR=${DIPLOGRAPH_VIRTUOSO_DIR:-/tmp/diplograph-virtuoso}
SQL_PORT=${DIPLOGRAPH_VIRTUOSO_SQL_PORT:-11111}
HTTP_PORT=${DIPLOGRAPH_VIRTUOSO_HTTP_PORT:-18890}
BUFFERS=${DIPLOGRAPH_VIRTUOSO_BUFFERS:-170000}   # 8 KiB pages: ~1.3 GiB of cache
TEMPLATE=/etc/virtuoso-opensource-7/virtuoso.ini
log() { echo "start_virtuoso: $*" >&2; }

if ! command -v virtuoso-t > /dev/null || ! command -v isql-vt > /dev/null; then
  log "installing virtuoso-opensource (Debian)"
  added_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && added_policy=1
  fi
  apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >&2
  [ "$added_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi

if [ -f "$DIR/virtuoso.pid" ] && kill -0 "$(cat "$DIR/virtuoso.pid")" 2> /dev/null; then
  log "already running (pid $(cat "$DIR/virtuoso.pid"))"
else
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  # Our own ini: data in $DIR, loopback ports, no zero-config announcement, larger result sets.
  awk -v dir="$DIR" -v sql="127.0.0.1:$SQL_PORT" -v http="127.0.0.1:$HTTP_PORT" -v buffers="$BUFFERS" '
    /^\[/ { section = $0 }
    section == "[Database]" && /^DatabaseFile/      { print "DatabaseFile = " dir "/virtuoso.db"; next }
    section == "[Database]" && /^ErrorLogFile/      { print "ErrorLogFile = " dir "/virtuoso.log"; next }
    section == "[Database]" && /^LockFile/          { print "LockFile = " dir "/virtuoso.lck"; next }
    section == "[Database]" && /^TransactionFile/   { print "TransactionFile = " dir "/virtuoso.trx"; next }
    section == "[Database]" && /^xa_persistent_file/ { print "xa_persistent_file = " dir "/virtuoso.pxa"; next }
    section == "[TempDatabase]" && /^DatabaseFile/    { print "DatabaseFile = " dir "/virtuoso-temp.db"; next }
    section == "[TempDatabase]" && /^TransactionFile/ { print "TransactionFile = " dir "/virtuoso-temp.trx"; next }
    section == "[Parameters]" && /^ServerPort/       { print "ServerPort = " sql; next }
    section == "[Parameters]" && /^DirsAllowed/      { print $0 ", " dir; next }
    section == "[Parameters]" && /^NumberOfBuffers/  { print "NumberOfBuffers = " buffers; next }
    section == "[Parameters]" && /^MaxDirtyBuffers/  { print "MaxDirtyBuffers = " int(buffers * 3 / 4); next }
    section == "[HTTPServer]" && /^ServerPort/       { print "ServerPort = " http; next }
    section == "[Zero Config]" && /^ServerName/      { print ";" $0; next }
    section == "[URIQA]" && /^DefaultHost/           { print "DefaultHost = " http; next }
    section == "[SPARQL]" && /^ResultSetMaxRows/     { print "ResultSetMaxRows = 1000000"; next }
    section == "[SPARQL]" && /^MaxQueryExecutionTime/ { print "MaxQueryExecutionTime = 60"; next }
    { print }
  ' "$TEMPLATE" > "$DIR/virtuoso.ini"
  fresh=0
  [ -f "$DIR/virtuoso.db" ] || fresh=1
  (cd "$DIR" && exec virtuoso-t +configfile "$DIR/virtuoso.ini" +foreground > "$DIR/stdout.log" 2>&1) &
  echo $! > "$DIR/virtuoso.pid"
  log "started virtuoso-t (pid $(cat "$DIR/virtuoso.pid")), waiting for it to answer"
  if [ "$fresh" = 1 ]; then dba_password=dba; else dba_password=$(sed -n 's/^dba=//p' "$DIR/credentials"); fi
  answered=0
  for _ in $(seq 1 120); do
    if isql-vt "127.0.0.1:$SQL_PORT" dba "$dba_password" "exec=select 1;" > /dev/null 2>&1; then answered=1; break; fi
    if ! kill -0 "$(cat "$DIR/virtuoso.pid")" 2> /dev/null; then
      log "virtuoso-t exited; its log:"; tail -20 "$DIR/virtuoso.log" >&2 || true; exit 1
    fi
    sleep 1
  done
  if [ "$answered" != 1 ]; then
    log "no answer on 127.0.0.1:$SQL_PORT after 120 s (or the dba password in $DIR/credentials is wrong);"
    log "stop it (bash scripts/ci/stop_virtuoso.sh) and remove $DIR to start from a fresh database"
    exit 1
  fi
  if [ "$fresh" = 1 ]; then
    new_dba=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    user_pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    # A user that may run SPARQL updates through /sparql-auth (HTTP digest), and write every graph.
    isql-vt "127.0.0.1:$SQL_PORT" dba dba > "$DIR/setup.log" 2>&1 <<SQL
DB.DBA.USER_CREATE ('diplograph', '$user_pw');
GRANT SPARQL_SELECT TO "diplograph";
GRANT SPARQL_UPDATE TO "diplograph";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('diplograph', 7);
-- Virtuoso's own graphs (virtrdf#, owl#, ldp#, DAV/, the service description) become private, so that
-- for this user the store holds only what diplograph writes (the contract tests need an empty union).
DB.DBA.RDF_GRAPH_GROUP_CREATE ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', 1);
create procedure DB.DBA.DIPLOGRAPH_HIDE_SYSTEM_GRAPHS () {
  for (sparql select distinct ?g where { graph ?g { ?s ?p ?o } }) do
    DB.DBA.RDF_GRAPH_GROUP_INS ('http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs', "g");
};
DB.DBA.DIPLOGRAPH_HIDE_SYSTEM_GRAPHS ();
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('diplograph', 0, 1);
SET PASSWORD dba $new_dba;
checkpoint;
SQL
    umask 077
    printf 'dba=%s\ndiplograph=%s\n' "$new_dba" "$user_pw" > "$DIR/credentials"
    log "database created; credentials in $DIR/credentials"
  fi
fi

user_pw=$(sed -n 's/^diplograph=//p' "$DIR/credentials")
echo "export DIPLOGRAPH_TEST_VIRTUOSO='sparql+http://127.0.0.1:$HTTP_PORT/sparql-auth?auth=digest'"
echo "export DIPLOGRAPH_TEST_VIRTUOSO_USER=diplograph"
echo "export DIPLOGRAPH_TEST_VIRTUOSO_PASSWORD=$user_pw"
echo "export DIPLOGRAPH_TEST_VIRTUOSO_PID=$(cat "$DIR/virtuoso.pid")"
