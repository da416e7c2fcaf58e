#!/usr/bin/env bash
# Set-up of the browser tests (BrowserIT), run by `./mvnw verify` before the integration tests: Debian's
# Chromium and chromedriver, installed from Debian's packages when they are missing. The tests use them by
# path; nothing is downloaded by Selenium.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "BrowserIT needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends chromium chromium-driver \
    || { apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }
