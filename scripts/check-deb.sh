#!/usr/bin/env bash
# Checks a privy-edge .deb: it installs the binary, the unit, the env file and the config file,
# those two are its conffiles, and it depends on nothing but the C and C++ runtimes.
# Usage: scripts/check-deb.sh PACKAGE
set -euo pipefail
package=${1:?usage: check-deb.sh PACKAGE}
contents=$(dpkg-deb -c "$package")
for path in ./usr/bin/privy-edge ./lib/systemd/system/privy-edge.service ./etc/privy-edge/privy-edge.env ./etc/privy-edge/privy-edge.toml; do
    grep -q " $path\$" <<<"$contents" || { echo "check-deb: $package lacks $path" >&2; exit 1; }
done
[ "$(dpkg-deb --ctrl-tarfile "$package" | tar -xO ./conffiles)" = "$(printf '%s\n' /etc/privy-edge/privy-edge.env /etc/privy-edge/privy-edge.toml)" ] \
    || { echo "check-deb: the conffiles are not exactly privy-edge.env and privy-edge.toml" >&2; exit 1; }
[ "$(dpkg-deb -f "$package" Depends)" = "libc6, libstdc++6, libgcc-s1" ] \
    || { echo "check-deb: unexpected Depends: $(dpkg-deb -f "$package" Depends)" >&2; exit 1; }
echo "check-deb: $package ($(du -h "$package" | cut -f1)) installs /usr/bin/privy-edge, the unit and the conffiles"
