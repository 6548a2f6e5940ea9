# Starts Redis and PostgreSQL on loopback for the tests that need real servers, installing them
# from Debian's packages when missing, and exports their URLs. Idempotent: servers already
# answering on these ports are reused. Source it (as root), then run the tests:
#   source .ci/services.sh && npm test
# It starts its own instances (own ports, own data under $CITEBOT_SERVICES_DIR), so it never
# touches a system-wide Redis or PostgreSQL.
CITEBOT_REDIS_PORT="${CITEBOT_REDIS_PORT:-6390}"
CITEBOT_PG_PORT="${CITEBOT_PG_PORT:-5440}"
CITEBOT_SERVICES_DIR="${CITEBOT_SERVICES_DIR:-/tmp/citebot-services}"

citebot_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

citebot_services() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ -n "$(citebot_pg_bin)" ] && [ -x "$(citebot_pg_bin)/postgres" ] || missing+=(postgresql)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "services: installing ${missing[*]} from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  mkdir -p "$CITEBOT_SERVICES_DIR"

  if [ "$(redis-cli -p "$CITEBOT_REDIS_PORT" ping 2>/dev/null)" != "PONG" ]; then
    redis-server --port "$CITEBOT_REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
      --daemonize yes --logfile "$CITEBOT_SERVICES_DIR/redis.log" --pidfile "$CITEBOT_SERVICES_DIR/redis.pid"
    for _ in $(seq 50); do [ "$(redis-cli -p "$CITEBOT_REDIS_PORT" ping 2>/dev/null)" = "PONG" ] && break; sleep 0.1; done
  fi

  local bin data="$CITEBOT_SERVICES_DIR/pg"
  bin="$(citebot_pg_bin)"
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$CITEBOT_PG_PORT"; then
    # PostgreSQL refuses to run as root: its own user owns the data.
    if [ ! -f "$data/PG_VERSION" ]; then
      mkdir -p "$data" && chown postgres:postgres "$data"
      runuser -u postgres -- "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
    fi
    runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $CITEBOT_PG_PORT -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off" start >/dev/null
  fi
  psql -h 127.0.0.1 -p "$CITEBOT_PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'citebot_test'" | grep -q 1 ||
    psql -h 127.0.0.1 -p "$CITEBOT_PG_PORT" -U postgres -qc "CREATE DATABASE citebot_test" >/dev/null

  export CITEBOT_TEST_REDIS_URL="redis://127.0.0.1:$CITEBOT_REDIS_PORT"
  export CITEBOT_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$CITEBOT_PG_PORT/citebot_test"
  echo "services: Redis at $CITEBOT_TEST_REDIS_URL, PostgreSQL at $CITEBOT_TEST_DATABASE_URL"
}

citebot_services
