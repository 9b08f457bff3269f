#!/usr/bin/env bash
# Builds the Linux app-image and .deb of Carnet with jpackage. Called by `mvn -B -Ppackage -DskipTests package`
# after the jar and its runtime dependencies were copied to target/jpackage-input.
#   $1 = project version (from the pom)
# Output: target/dist/carnet/ (app-image, run bin/carnet) and target/dist/carnet_<version>_<arch>.deb.
# Needs a JDK 17+ with jpackage and jlink, plus dpkg-deb and fakeroot for the .deb.
set -euo pipefail
version="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/target"
input="$target/jpackage-input"
dest="$target/dist"
runtime="$target/jpackage-runtime"

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
jpackage="$java_home/bin/jpackage"
jlink="$java_home/bin/jlink"
[ -x "$jpackage" ] || { echo "jpackage not found in $java_home (set JAVA_HOME to a JDK 17+)" >&2; exit 1; }

cp "$target/carnet-$version.jar" "$input/"
rm -rf "$dest" "$runtime"
mkdir -p "$dest"

# A trimmed runtime: what jdeps reports for the jars, plus what it cannot see (TLS to DHIS2, locale data for
# French formats, the JDK HTTP server for the local webhook).
modules="java.base,java.desktop,java.logging,java.sql,java.naming,java.xml,java.management,java.net.http,java.prefs"
modules="$modules,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.localedata,jdk.httpserver,jdk.charsets"
echo "jlink: $modules"
"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --strip-native-commands \
  --include-locales=en,fr --output "$runtime"

common=(--name carnet --app-version "$version" --vendor "Carnet contributors"
  --description "Offline-first DHIS2 Tracker ID cards and master patient index"
  --input "$input" --main-jar "carnet-$version.jar" --main-class org.carnet.app.Launcher
  --runtime-image "$runtime" --icon "$root/assets/carnet-icon-256.png"
  --java-options "-Dfile.encoding=UTF-8" --java-options "-Xmx2g")

echo "jpackage: app-image"
"$jpackage" --type app-image "${common[@]}" --dest "$dest"

if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  echo "jpackage: deb"
  "$jpackage" --type deb "${common[@]}" --dest "$dest" \
    --license-file "$root/LICENSE" --linux-package-name carnet --linux-deb-maintainer "carnet@localhost" \
    --linux-menu-group "Office" --linux-app-category misc --linux-shortcut \
    --linux-package-deps "libgtk-3-0"
else
  echo "dpkg-deb or fakeroot missing: the .deb is skipped (apt-get install -y fakeroot)" >&2
fi
ls -la "$dest"

# Smoke test of the packaged app: the headless self-test inside the app-image's own runtime.
smoke_home="$(mktemp -d)"
"$dest/carnet/bin/carnet" --home "$smoke_home" self-test
rm -rf "$smoke_home"
