#!/usr/bin/env bash
# Debian packages the local wiki and the browser tests need: MediaWiki 1.39 with
# PHP 8.2 and SQLite, Lua for Scribunto, and Chromium. Installs only what is
# missing; without root it prints the command to run instead.
set -euo pipefail
packages=(mediawiki php8.2-sqlite3 php8.2-cli php8.2-cgi php8.2-intl php8.2-mbstring php8.2-xml micro-httpd lua5.1 chromium)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "Missing Debian packages. Please run:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
