#!/usr/bin/env bash
# Set-up of the integration tests, run by `./mvnw verify` before them: Debian's Chromium and chromedriver
# (BrowserIT, BehindProxyIT), nginx (BehindProxyIT) and Prometheus (PrometheusIT), installed from Debian's
# packages when they are missing.
# The tests use them by path with configurations of their own; nothing is downloaded by Selenium, and the
# packages' own services are not started (policy-rc.d), so nothing listens on port 80 or 9090 afterwards.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/bin/prometheus ] || missing+=(prometheus)
[ ${#missing[@]} = 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "The integration tests need Debian's ${missing[*]}: apt-get install -y ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
fi
apt-get install -y --no-install-recommends "${missing[@]}" \
    || { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; }
