#!/usr/bin/env bash
# Builds the root file system of the offline images (Maven profile `images-offline`): a Java runtime
# made by jlink from the local JDK, the shared libraries it needs (with the dynamic loader and an
# ld.so.cache), /etc/passwd and /etc/group for user 1000, CA certificates, the C.UTF-8 locale, /tmp.
# Jib layers the directory on top of `scratch`: images built without a registry and without Docker.
#
#   deploy/images/build-rootfs.sh [OUT_DIR]     (default: target/image-rootfs at the repository root)
#
# JAVA_HOME picks the JDK (default: the one of `java` on the PATH); it must have jmods/. The result
# is reused while the module list and the JDK stay the same (stamp file), so every module's build
# can call it. Needs bash, coreutils, ldd and ldconfig (glibc): Linux x86_64 or aarch64.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../target/image-rootfs}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
modules="$(grep -v '^\s*#' "$here/jlink-modules.txt" | grep -v '^\s*$' | paste -sd, -)"

if [[ ! -d "$java_home/jmods" ]]; then
	echo "build-rootfs: $java_home has no jmods/ (install the JDK's jmods, e.g. Debian openjdk-17-jdk-headless)" >&2
	exit 1
fi
stamp="$modules|$("$java_home/bin/java" -version 2>&1 | head -2 | paste -sd' ')|$(sha256sum "$0" | cut -c1-16)"
if [[ -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" ]]; then
	echo "build-rootfs: $out is up to date"
	exit 0
fi

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc/ssl/certs" "$out/tmp"
chmod 1777 "$out/tmp"

# The runtime. Native libraries of the desktop stack that a headless server never loads (X11, sound,
# splash screen, fonts, colour management) are left out, and with them their many dependencies.
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
	--strip-debug --no-header-files --no-man-pages --compress=2 \
	--exclude-files='**/libawt_xawt.so,**/libsplashscreen.so,**/libjsound.so,**/libfontmanager.so,**/liblcms.so,**/libjavajpeg.so'

# The JDK's CA store as the host keeps it up to date (Debian links it to /etc/ssl/certs/java/cacerts;
# the copy inside the jmods is older), as a real file.
if [[ -s "$java_home/lib/security/cacerts" ]]; then
	cp -L "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"
fi
for ca in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt; do
	if [[ -s "$ca" ]]; then cp -L "$ca" "$out/etc/ssl/certs/ca-certificates.crt"; break; fi
done

# Every shared library the launcher, libjvm and the JDK's own native libraries load, by its soname.
libdir="$out/lib/$(uname -m)-linux-gnu"
mkdir -p "$libdir"
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
	| xargs -0 ldd 2>/dev/null \
	| awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 } $1 ~ /^\/.*ld-linux/ { print "LOADER", $1 }' \
	| sort -u | while read -r name path; do
		if [[ "$name" == LOADER ]]; then
			mkdir -p "$out$(dirname "$path")"
			cp -L "$path" "$out$path"
		elif [[ "$path" != "$out"* && ! -e "$out/opt/java/lib/$name" ]]; then
			cp -L "$path" "$libdir/$name"
		fi
	done
# glibc's compatibility stubs, linked by JNI libraries the jars unpack at run time (zstd-jni needs
# libpthread.so.0): since glibc 2.34 they are empty, elsewhere they are the real thing.
sysdir="$(dirname "$(ldd "$java_home/bin/java" | awk '$1 == "libc.so.6" { print $3 }')")"
for stub in libdl.so.2 libpthread.so.0 librt.so.1; do
	if [[ -e "$sysdir/$stub" && ! -e "$libdir/$stub" ]]; then cp -L "$sysdir/$stub" "$libdir/$stub"; fi
done
echo "$libdir" | sed "s|^$out||" > "$out/etc/ld.so.conf"
ldconfig -r "$out" 2>/dev/null || ldconfig -r "$out" -f /etc/ld.so.conf

# A user for the process (the image runs as 1000:1000) and name service defaults.
cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
smsgw:x:1000:1000:smsgw:/tmp:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
smsgw:x:1000:
nogroup:x:65534:
GROUP
# glibc's C.UTF-8 locale (the image sets LANG=C.UTF-8), so the JVM's default and file name charsets
# are UTF-8 rather than ASCII.
for loc in /usr/lib/locale/C.utf8 /usr/lib/locale/C.UTF-8; do
	if [[ -d "$loc" ]]; then mkdir -p "$out/usr/lib/locale" && cp -rL "$loc" "$out/usr/lib/locale/C.utf8"; break; fi
done
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$out/etc/nsswitch.conf"

echo "$stamp" > "$out/.stamp"
echo "build-rootfs: $out ($(du -sh "$out" | cut -f1), modules $modules)"
