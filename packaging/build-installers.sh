#!/usr/bin/env bash
# Builds Outpost's installers for the OS it runs on; `./mvnw -Ppackage package` runs it after the jar.
#   packaging/build-installers.sh VERSION BUILD_DIR JAVA_HOME
# VERSION is the pom's (1.2.0-SNAPSHOT is packaged as 1.2.0), BUILD_DIR holds the jar and lib/ (target/).
# Steps: a trimmed Java runtime (jlink, modules in runtime.modules), an app image (jpackage), a training run
# of that image that records the classes a start and a sync load into an AOT cache (JDK 25's successor of the
# CDS archive: the window opens about twice as fast), then the installers: .deb and .rpm on Linux, .msi on
# Windows, .dmg on macOS, in BUILD_DIR/installers. Environment: OUTPOST_INSTALLER_TYPES overrides the
# installer types ("deb" to skip the .rpm), OUTPOST_SKIP_TRAINING=true leaves the AOT cache out (a slower
# start, for a machine that cannot show a window at all).
# Runs from the repository root (the argument files' paths are relative to it) with bash 3.2 or newer.
set -euo pipefail

if (($# != 3)); then
  echo "usage: $0 VERSION BUILD_DIR JAVA_HOME" >&2
  exit 2
fi
readonly pom_version=$1 build_dir=$2 java_home=$3
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# jpackage wants numbers only (Windows: up to 4, the first two at most 255; macOS: up to 3, first not 0).
version=${pom_version%%-*}
if [[ ! $version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]]; then
  echo "build-installers: the version $pom_version does not start with 1 to 3 numbers (like 1.2.0);" \
    "jpackage cannot use it. Change <version> in pom.xml." >&2
  exit 1
fi

case "$(uname -s)" in
  Linux) os=linux default_types="deb rpm" ;;
  Darwin) os=macos default_types="dmg" ;;
  MINGW* | MSYS* | CYGWIN*) os=windows default_types="msi" ;;
  *) echo "build-installers: no installer for $(uname -s)" >&2; exit 1 ;;
esac
types=${OUTPOST_INSTALLER_TYPES:-$default_types}

out=$build_dir/jpackage
installers=$build_dir/installers
jar=$(ls "$build_dir"/outpost-"$pom_version".jar 2>/dev/null || true)
if [[ -z $jar || ! -d $build_dir/lib ]]; then
  echo "build-installers: no $build_dir/outpost-$pom_version.jar and lib/: run ./mvnw -Ppackage package" >&2
  exit 1
fi
for tool in jlink jpackage; do
  [[ -x $java_home/bin/$tool || -x $java_home/bin/$tool.exe ]] || {
    echo "build-installers: $java_home has no $tool: use a full JDK 25 (JAVA_HOME)" >&2; exit 1; }
done
rm -rf "$out" "$installers"
mkdir -p "$out/input" "$installers"

step() { printf '\n== %s\n' "$*"; }

step "input: the jar as outpost.jar, its libraries in lib/"
cp "$jar" "$out/input/outpost.jar"
cp -R "$build_dir/lib" "$out/input/lib"
# The JavaFX jars without a classifier are empty stand-ins next to the -<os> ones that hold the classes.
find "$out/input/lib" -name 'javafx-*.jar' ! -name 'javafx-*-*-*.jar' -delete
# Sealed packages and the AOT cache do not mix (HSQLDB's; UnsealJars.java says why).
"$java_home/bin/java" packaging/UnsealJars.java "$out/input/outpost.jar" "$out/input/lib"/*.jar

step "runtime: jlink"
modules=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' packaging/runtime.modules | grep -v '^$' | paste -sd, -)
strip_native=()
if [[ $os == linux ]] && command -v objcopy >/dev/null 2>&1; then
  strip_native=(--strip-native-debug-symbols=exclude-debuginfo-files) # libjvm.so: 30 MB to 22 MB
fi
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress zip-6 "${strip_native[@]+"${strip_native[@]}"}" --output "$out/runtime"

step "app image: jpackage"
"$java_home/bin/jpackage" --type app-image --runtime-image "$out/runtime" --input "$out/input" \
  --dest "$out/image" --app-version "$version" @packaging/app-image.args "@packaging/$os/app-image.args"

case $os in
  linux) app_dir=$out/image/Outpost/lib/app launcher=$out/image/Outpost/bin/Outpost image=$out/image/Outpost ;;
  macos) app_dir=$out/image/Outpost.app/Contents/app launcher=$out/image/Outpost.app/Contents/MacOS/Outpost
    image=$out/image/Outpost.app ;;
  windows) app_dir=$out/image/Outpost/app launcher=$out/image/Outpost/Outpost.exe image=$out/image/Outpost ;;
esac

# The AOT cache is valid only while each jar keeps the modification time it had in training, and jpackage's
# installer step copies the image (new times). So every file gets one fixed time here, and the Linux packages'
# install scripts set the same again (resources/postinst, resources/outpost.spec): 2000-01-01 00:00 UTC.
find "$image" -exec env TZ=UTC touch -h -t 200001010000.00 {} +

if [[ ${OUTPOST_SKIP_TRAINING:-false} == true ]]; then
  echo "OUTPOST_SKIP_TRAINING=true: no AOT cache; the installed app starts without it (about twice as slow)."
else
  packaging/train-start-up.sh "$launcher" "$app_dir"
fi

for type in $types; do
  step "installer: $type"
  extra=()
  [[ -f packaging/$os/$type.args ]] && extra=("@packaging/$os/$type.args")
  "$java_home/bin/jpackage" --type "$type" --app-image "$image" --dest "$installers" --app-version "$version" \
    @packaging/installer.args "@packaging/$os/installer.args" "${extra[@]+"${extra[@]}"}"
done

step "done"
du -sh "$out/runtime" "$image" | sed 's/^/  /'
ls -l "$installers" | sed -n '2,$p' | awk '{printf "  %s  %.1f MB\n", $NF, $5 / 1048576}'
