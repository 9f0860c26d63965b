#!/usr/bin/env bash
# Make sure PostgreSQL server binaries (initdb, pg_ctl) are on this machine, so the test suite
# can start its own throwaway server on 127.0.0.1. Installs Debian's `postgresql` if none are
# found (as root, or through sudo). Prints the bin directory it found; exits non-zero if it can't.
set -euo pipefail

find_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir="$(pg_config --bindir 2>/dev/null || true)"
        if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1; then
        dir="$(dirname "$(readlink -f "$(command -v initdb)")")"
        if [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    fi
    return 1
}

if bindir="$(find_bindir)"; then
    echo "ensure-postgres: found PostgreSQL server binaries in $bindir ($("$bindir/initdb" --version))"
    exit 0
fi

echo "ensure-postgres: no PostgreSQL server binaries found; installing Debian's postgresql package"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "ensure-postgres: cannot install PostgreSQL: not root and no password-less sudo." >&2
    echo "  Install it yourself (apt-get install postgresql) or set CLAIMWATCH_SKIP_POSTGRES=1." >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-postgres: cannot install PostgreSQL: apt-get not found (not Debian/Ubuntu?)." >&2
    echo "  Install the PostgreSQL server yourself or set CLAIMWATCH_SKIP_POSTGRES=1." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q --no-install-recommends postgresql; }; then
    echo "ensure-postgres: apt-get could not install postgresql (see above)." >&2
    exit 1
fi

if bindir="$(find_bindir)"; then
    echo "ensure-postgres: installed; PostgreSQL server binaries in $bindir ($("$bindir/initdb" --version))"
    exit 0
fi
echo "ensure-postgres: postgresql was installed but initdb/pg_ctl are still not found." >&2
exit 1
