#!/usr/bin/env bash
# Configures a running Payara Server domain for the service:  server-config/domain.sh h2|postgresql
# It runs the same file Payara Micro reads at boot (h2.asadmin or postgresql.asadmin) through asadmin, then
# stores the token settings. Then: asadmin deploy graph-install-status.war.
#
# asadmin is $ASADMIN (default: asadmin on the PATH); it finds the domain through its own variables
# AS_ADMIN_HOST, AS_ADMIN_PORT (default 4848), AS_ADMIN_USER and AS_ADMIN_PASSWORDFILE.
#
# Payara Micro expands ${ENV=NAME:default} at every boot. A domain keeps its configuration, and refuses such a
# reference where it checks a number (the pool sizes), so this script expands them once, now, from its own
# environment: PG*, GRAPH_DATA_DIR, GRAPH_DB_POOL_MIN/MAX, with the defaults the file names. Run it again to
# change them. Differences from Micro:
#   - GRAPH_DATA_DIR defaults to the domain's own folder (domains/NAME/data), not the working directory;
#   - PGPASSWORD, when set, is kept as the password alias graph-postgresql-password, not in domain.xml;
#   - postgresql adds the driver to the domain's lib: POSTGRESQL_JAR (default target/postgresql.jar, which
#     the build copies there), which the domain uses at once.
# Token settings: each of MP_JWT_VERIFY_PUBLICKEY_LOCATION, MP_JWT_VERIFY_PUBLICKEY, MP_JWT_VERIFY_ISSUER,
# MP_JWT_VERIFY_AUDIENCES, MP_JWT_VERIFY_CLOCK_SKEW and GRAPH_PAGE_MAX_SIZE that is set here is stored as the
# domain's MicroProfile Config (asadmin set-config-property --source=domain), which the application reads
# before its built-in development defaults. Set in the domain's own environment instead, they work as on Micro.
set -euo pipefail

database="${1:-}"
if [[ "$database" != h2 && "$database" != postgresql ]]; then
    echo "usage: $0 h2|postgresql" >&2
    exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
asadmin="${ASADMIN:-asadmin}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# asadmin multimode goes on after a failed command and still succeeds: stop at the first failure ourselves.
run() {
    "$asadmin" --interactive=false multimode --file "$1" >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
    if grep -q "^Command .* failed" "$work/out"; then
        cat "$work/out" >&2
        exit 1
    fi
}

if [[ "$database" == postgresql ]]; then
    "$asadmin" --interactive=false add-library "${POSTGRESQL_JAR:-target/postgresql.jar}"
    if [[ -n "${PGPASSWORD:-}" ]]; then
        printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$PGPASSWORD" >"$work/alias"
        "$asadmin" --interactive=false delete-password-alias graph-postgresql-password >/dev/null 2>&1 || true
        "$asadmin" --interactive=false --passwordfile "$work/alias" create-password-alias graph-postgresql-password
        password_alias=yes
    fi
fi
if [[ -z "${GRAPH_DATA_DIR:-}" ]]; then
    export GRAPH_DATA_DIR='${com.sun.aas.instanceRoot}/data' # expanded by the domain
fi

# ${ENV=NAME:default} -> the variable's value here, else the default. A pool created before is kept, and reset.
pool="$(sed -n 's/^create-jdbc-connection-pool .* \([A-Za-z0-9]*\)$/\1/p' "$here/$database.asadmin")"
existing="$("$asadmin" --interactive=false list-jdbc-connection-pools)"
EXISTING="$existing" POOL="$pool" perl -ne '
    s/\$\{ENV=(\w+)(?::([^}]*))?\}/(defined $ENV{$1} && $ENV{$1} ne "") ? $ENV{$1} : ($2 \/\/ "")/ge;
    next if /^#/ || /^\s*$/;
    next if /^create-jdbc-connection-pool / && $ENV{EXISTING} =~ /^\Q$ENV{POOL}\E$/m;
    print;
' <"$here/$database.asadmin" >"$work/$database.asadmin"
if [[ "${password_alias:-}" == yes ]]; then # postgresql.asadmin sets no password (see there): the alias stands in
    echo 'set resources.jdbc-connection-pool.GraphPostgresPool.property.password=${ALIAS=graph-postgresql-password}' \
        >>"$work/$database.asadmin"
fi
run "$work/$database.asadmin"

: >"$work/tokens.asadmin"
for name in MP_JWT_VERIFY_PUBLICKEY_LOCATION MP_JWT_VERIFY_PUBLICKEY MP_JWT_VERIFY_ISSUER MP_JWT_VERIFY_AUDIENCES \
            MP_JWT_VERIFY_CLOCK_SKEW GRAPH_PAGE_MAX_SIZE; do
    if [[ -n "${!name:-}" ]]; then
        key="$(tr 'A-Z_' 'a-z.' <<<"$name" | sed 's/^graph\.page\.max\.size$/graph.page.max-size/')"
        echo "set-config-property --source=domain --propertyName=$key --propertyValue=${!name}" >>"$work/tokens.asadmin"
    fi
done
if [[ -s "$work/tokens.asadmin" ]]; then
    run "$work/tokens.asadmin"
fi
echo "Configured the domain for $database. Next: asadmin deploy graph-install-status.war (or redeploy, if deployed)"
