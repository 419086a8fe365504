#!/usr/bin/env bash
# pgvector for the PGVector vector store tests: makes the `vector` extension available to the
# PostgreSQL 15 on 127.0.0.1:5432. Debian's binary package postgresql-15-pgvector when the archive
# has it; bookworm does not, so otherwise Debian's own pgvector source package (from trixie) is
# built against postgresql-server-dev-15. Fails loudly when neither works.
set -euo pipefail

PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
CONTROL=/usr/share/postgresql/15/extension/vector.control
apt_install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null; }

if ! [ -f "$CONTROL" ]; then
  apt-get update -qq
  if apt-cache show postgresql-15-pgvector >/dev/null 2>&1; then
    apt_install postgresql-15-pgvector
  else
    apt_install postgresql-server-dev-15 build-essential
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # A source list of its own, so the machine's apt sources stay as they are.
    echo 'deb-src http://deb.debian.org/debian trixie main' > "$work/sources.list"
    apt_opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0)
    apt-get "${apt_opts[@]}" update -qq
    (cd "$work" && apt-get "${apt_opts[@]}" source --download-only -qq pgvector 2>/dev/null)
    tar -xzf "$work"/pgvector_*.orig.tar.gz -C "$work"
    src=$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -1)
    # OPTFLAGS="": no -march=native, so the build runs on any x86-64 or arm64 machine.
    make -s -C "$src" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null
    make -s -C "$src" PG_CONFIG="$PG_CONFIG" install >/dev/null
  fi
fi

if ! [ -f "$CONTROL" ]; then
  echo "pgvector: $CONTROL is still missing after the install" >&2
  exit 1
fi

# The extension loads into the running server without a restart; prove it does.
if command -v psql >/dev/null 2>&1; then
  if ! PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qc 'CREATE EXTENSION IF NOT EXISTS vector' >/dev/null; then
    echo "pgvector: the server on 127.0.0.1:5432 cannot create the vector extension" >&2
    exit 1
  fi
fi
