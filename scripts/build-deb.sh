#!/usr/bin/env bash
# Builds the privy-edge Debian package from a release binary and packaging/: the binary
# (symbols stripped) to /usr/bin, the systemd unit to /lib/systemd/system, and the env file and
# the config file to /etc/privy-edge as conffiles. Prints the package's path.
# Usage: scripts/build-deb.sh BINARY [OUTPUT_DIR]   (env PRIVY_EDGE_VERSION overrides the version)
set -euo pipefail
binary=${1:?usage: build-deb.sh BINARY [OUTPUT_DIR]}
output=${2:-dist}
cd "$(dirname "$0")/.."
version=${PRIVY_EDGE_VERSION:-0.1.0~git$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
architecture=$(dpkg --print-architecture)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

install -D -m 0755 "$binary" "$root/usr/bin/privy-edge"
strip --strip-all "$root/usr/bin/privy-edge"
install -D -m 0644 packaging/privy-edge.service "$root/lib/systemd/system/privy-edge.service"
install -D -m 0600 packaging/privy-edge.env "$root/etc/privy-edge/privy-edge.env"
install -D -m 0644 packaging/privy-edge.toml "$root/etc/privy-edge/privy-edge.toml"
install -d -m 0755 "$root/DEBIAN"
printf '%s\n' /etc/privy-edge/privy-edge.env /etc/privy-edge/privy-edge.toml >"$root/DEBIAN/conffiles"
cat >"$root/DEBIAN/control" <<CONTROL
Package: privy-edge
Version: $version
Architecture: $architecture
Maintainer: Privy <support@privy.com>
Depends: libc6, libstdc++6, libgcc-s1
Section: net
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Description: Privy's contacts and orders API at the merchant's site
 One statically linked binary serving Privy's REST API from an embedded LMDB store, with
 replication to the upstream Privy API. Runs as the hardened systemd service privy-edge.
CONTROL
install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$root/DEBIAN/"

mkdir -p "$output"
package="$output/privy-edge_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$package" >/dev/null
echo "$package"
