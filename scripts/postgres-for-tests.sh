#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and export SITREP_TEST_POSTGRES; source this file.
# Uses the PostgreSQL binaries of the machine (PostgreSQL 15 on the base image; installed with apt-get
# when missing). Runs initdb and pg_ctl as the `postgres` user on a free port, in a fresh folder, with
# trust auth on 127.0.0.1 only; the server and its folder are removed when the calling shell exits.
_pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$_pg_bin" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    _pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
_pg_user=postgres
id "$_pg_user" >/dev/null 2>&1 || useradd --system --no-create-home "$_pg_user"
_pg_dir=$(mktemp -d /tmp/sitrep-ci-pg.XXXXXX)
chown "$_pg_user" "$_pg_dir"
_pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
_run_pg() { if [ "$(id -u)" = 0 ]; then su "$_pg_user" -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
_run_pg "'$_pg_bin/initdb' -D '$_pg_dir/data' -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 >/dev/null"
_run_pg "'$_pg_bin/pg_ctl' -D '$_pg_dir/data' -o \"-c listen_addresses=127.0.0.1 -p $_pg_port -k '$_pg_dir' -c fsync=off\" -l '$_pg_dir/log' -w start >/dev/null"
_stop_pg() { _run_pg "'$_pg_bin/pg_ctl' -D '$_pg_dir/data' -m fast -w stop >/dev/null" || true; rm -rf "$_pg_dir"; }
trap _stop_pg EXIT
export SITREP_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$_pg_port/postgres"
echo "PostgreSQL for the tests: $SITREP_TEST_POSTGRES"
