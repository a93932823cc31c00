#!/usr/bin/env bash
# Installs, from Debian 12 packages, whatever TrialLens needs to build, run and
# test that is not already present. Idempotent: prints one line and does
# nothing when everything is there. Works as root or through sudo.
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ ccache pkg-config git
    # Qt 6: Widgets, Charts, Svg, Concurrent, Test (the last two ship in qt6-base-dev)
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libxkbcommon-dev libgl-dev
    # numerics and data
    libeigen3-dev libboost-math-dev libreadstat-dev libcsv-dev
    # benchmarks
    libbenchmark-dev
    # fuzzing the readers: clang with libFuzzer and the sanitizer runtimes
    clang libclang-rt-dev
    # reading a published figure from a PDF (pdftocairo; the package Recommends it)
    poppler-utils
    # fonts so offscreen rendering and headless figures have text
    fonts-dejavu-core fontconfig
    # checking the Debian package: lintian, the desktop/AppStream/MIME validators, gio
    dpkg-dev file lintian desktop-file-utils appstream shared-mime-info libxml2-utils libglib2.0-bin
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo=()
if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
