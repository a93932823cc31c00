#!/usr/bin/env bash
# Checks a TrialLens Debian package the way a user's system will see it:
# extracts it into a temporary root, checks every installed file is there,
# runs that copy of the program, and runs the desktop validators and lintian.
# Exits non-zero on the first failure; lintian warnings are printed, not fatal.
#
#   packaging/check-package.sh build/release/triallens_<version>_amd64.deb
set -euo pipefail

if (($# != 1)); then
    echo "usage: $0 PACKAGE.deb" >&2
    exit 2
fi
deb=$(realpath "$1")
app_id=io.github.triallens.TrialLens
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

fail() { echo "check-package: FAIL: $*" >&2; exit 1; }
ok() { echo "check-package: ok: $*"; }

dpkg-deb -x "$deb" "$root"
version=$(dpkg-deb -f "$deb" Version)
ok "extracted $(basename "$deb") (Version $version, $(du -k "$deb" | cut -f1) KiB)"

# --- every installed file ---
files=(
    usr/bin/triallens
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    usr/share/mime/packages/triallens.xml
    usr/share/icons/hicolor/scalable/apps/triallens.svg
    usr/share/man/man1/triallens.1.gz
    usr/share/bash-completion/completions/triallens
    usr/share/doc/triallens/copyright
    usr/share/doc/triallens/changelog.gz
)
sizes=(48 64 128 256 512)
for size in "${sizes[@]}"; do
    files+=("usr/share/icons/hicolor/${size}x${size}/apps/triallens.png")
done
for file in "${files[@]}"; do
    [[ -f $root/$file && -s $root/$file ]] || fail "/$file is missing or empty"
done
[[ -x $root/usr/bin/triallens ]] || fail "/usr/bin/triallens is not executable"
ok "${#files[@]} files present"

# A PNG's width and height are the big-endian words at bytes 16 and 20 (IHDR).
for size in "${sizes[@]}"; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/triallens.png
    read -r -a b < <(od -An -tu1 -j16 -N8 "$png")
    width=$(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]))
    height=$(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]))
    ((width == size && height == size)) || fail "${size}x${size} icon is ${width}x${height}"
done
ok "icon PNGs are ${sizes[*]} px square"

not_root=$(dpkg-deb -c "$deb" | awk '$2 != "root/root"')
[[ -z $not_root ]] || fail "files not owned by root/root: $not_root"

# --- the extracted program ---
program() { env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$root/usr/bin/triallens" "$@"; }
reported=$(program --version)
[[ $reported == "triallens $version" ]] || fail "--version says '$reported', the package '$version'"
ok "--version: $reported"
program analyze demo --param PFS --json > "$work/analyze.json"
grep -q '"schema": *"triallens.analyze/1"' "$work/analyze.json" ||
    fail "analyze demo --param PFS --json has no triallens.analyze/1 schema"
ok "analyze demo --param PFS --json: triallens.analyze/1, $(wc -c < "$work/analyze.json") bytes"

# --- desktop entry, metainfo, MIME types ---
desktop=$root/usr/share/applications/$app_id.desktop
said=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $said"
[[ -z $said ]] || fail "desktop-file-validate has remarks: $said"
ok "desktop-file-validate: no remarks"

echo "check-package: appstreamcli validate --no-net:"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "appstreamcli validate"
echo "check-package: appstreamcli validate-tree --no-net:"
appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree"

mime_xml=$root/usr/share/mime/packages/triallens.xml
xmllint --noout "$mime_xml" || fail "xmllint on $mime_xml"
ok "xmllint: triallens.xml is well-formed"
if command -v update-mime-database > /dev/null && command -v gio > /dev/null; then
    data=$work/xdg
    mkdir -p "$data/mime/packages"
    cp /usr/share/mime/packages/freedesktop.org.xml "$mime_xml" "$data/mime/packages/"
    said=$(update-mime-database "$data/mime" 2>&1) || fail "update-mime-database: $said"
    printf '{\n    "demo": true,\n    "schema": "triallens.analysis/1"\n}\n' > "$work/study.triallens.json"
    printf 'HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!%032d' 0 > "$work/adsl.xpt"
    content_type() {
        XDG_DATA_HOME=$data XDG_DATA_DIRS=$data gio info -a standard::content-type "$1" |
            sed -n 's/^ *standard::content-type: //p'
    }
    for pair in study.triallens.json=application/x-triallens-analysis adsl.xpt=application/x-sas-xport; do
        got=$(content_type "$work/${pair%%=*}")
        [[ $got == "${pair#*=}" ]] || fail "${pair%%=*} resolves to '$got', not ${pair#*=}"
        ok "${pair%%=*} resolves to $got"
    done
else
    echo "check-package: skipped: MIME resolution (needs update-mime-database and gio)"
fi

# --- lintian: errors fail, warnings and remarks are printed ---
command -v lintian > /dev/null || fail "lintian is not installed (packaging/install-deps.sh installs it)"
echo "check-package: lintian:"
lintian_out=$(lintian --display-info "$deb" 2>&1) || true
if [[ -z $lintian_out ]]; then
    echo "  (nothing)"
else
    while IFS= read -r line; do echo "  $line"; done <<< "$lintian_out"
fi
! grep -q '^E: ' <<< "$lintian_out" || fail "lintian reports errors"
ok "lintian: no errors"

echo "check-package: contents:"
dpkg-deb -c "$deb" | awk '{ printf "  %s %8s  %s\n", $1, $3, $6 }'
ok "$(basename "$deb") passes"
