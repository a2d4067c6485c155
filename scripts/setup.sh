#!/usr/bin/env bash
# Installs what Intake needs on a Debian machine (only what is missing), then builds it.
# The C libraries come as Debian -dev packages; Swift and its packages are already on the
# machine. PostgreSQL is only needed for the tests and for shared (postgres://) stores.
set -euo pipefail
cd "$(dirname "$0")/.."

# libreoffice-writer-nogui reads .doc/.odt/.rtf, libemail-outlook-message-perl (msgconvert)
# Outlook .msg, ytnef-tools winmail.dat; Intake runs without them and rejects those files.
# chromium renders the report pages headless in the tests (screenshot and DOM dump).
packages=(pkg-config libxml2-dev libpoppler-glib-dev libgmime-3.0-dev zlib1g-dev poppler-utils qpdf postgresql
          libreoffice-writer-nogui libemail-outlook-message-perl ytnef-tools chromium)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi

echo "setup: building (swift build ${INTAKE_BUILD_FLAGS:-})" >&2
swift build ${INTAKE_BUILD_FLAGS:-} >&2
