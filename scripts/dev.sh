#!/usr/bin/env bash
# vanban's one entry point for a fresh Debian 12 machine.
#
#   scripts/dev.sh run     install what is missing, build, ingest the sample
#                          documents (corpus/pdf, corpus/scan) into ./vanban.db,
#                          print what was found and two searches
#   scripts/dev.sh test    install what is missing, build, run every test (ctest)
#   scripts/dev.sh setup   only install what is missing
#   scripts/dev.sh build   setup, then build
#
# Idempotent and non-interactive: packages already installed are not touched,
# the build folder is reused.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${VANBAN_BUILD_DIR:-$top/build}"
jobs=$(nproc 2>/dev/null || echo 2)
# Tesseract is built with OpenMP; its own threads slow page-parallel OCR down
# by an order of magnitude (shared/TOOLCHAIN.md). vanban parallelises itself.
export OMP_THREAD_LIMIT=1

packages=(
  cmake g++ make pkg-config
  libpoppler-cpp-dev poppler-utils
  libtesseract-dev tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng libleptonica-dev
  pango1.0-tools
  libicu-dev libre2-dev libsqlite3-dev
  catch2 libcli11-dev nlohmann-json3-dev libfmt-dev libcpp-httplib-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-liberation2
)

setup() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages present"
    return
  fi
  echo "setup: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j"$jobs"
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build ;;
  run)
    setup; build
    # The sample documents as text-layer PDFs and as scans (corpus/plans/ are
    # their sources, corpus/model/ the restorer's model: not documents).
    "$build/cli/vanban" --db "$top/vanban.db" ingest "$top/corpus/pdf" "$top/corpus/scan"
    "$build/cli/vanban" --db "$top/vanban.db" stats
    echo
    echo '$ vanban search "cai cach hanh chinh" --limit 3'
    "$build/cli/vanban" --db "$top/vanban.db" search "cai cach hanh chinh" --limit 3 || true  # 1 = nothing matched
    echo '$ vanban search "" --target ">=98%"'
    "$build/cli/vanban" --db "$top/vanban.db" search "" --target ">=98%" --limit 5 || true
    ;;
  test)
    setup; build
    ctest --test-dir "$build" --output-on-failure -j"$jobs"
    ;;
  *)
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
