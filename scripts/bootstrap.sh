#!/usr/bin/env bash
# Prepare this checkout to build or test: a virtual environment with the pinned Python
# packages, and the few Debian packages the build needs beyond Python.
#
#   scripts/bootstrap.sh build   # venv + CJK fonts (WeasyPrint embeds them in the PDFs)
#   scripts/bootstrap.sh test    # the same + Debian's chromium (the browser tests drive it)
#
# Each step is skipped when already done, so `make build` / `make test` stay fast.
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=${1:-build}
venv=.venv
lock=requirements.lock

# --- Debian packages -------------------------------------------------------------
# fonts-noto-cjk: real CJK glyphs for the PDF digests (without it Chinese prints as boxes).
# fonts-liberation2: a Latin serif and sans for English in the PDFs; Noto CJK's own curly
# quotes are full-width (`Hangzhou’ s`), right in Chinese and wrong in English.
# fonts-hanazono (HanaMinB: all of CJK Extension B, most of C-F, e.g. 𪚥),
# fonts-noto-color-emoji (🍜; WeasyPrint 70 embeds and draws its CBDT glyphs and the text
# layer extracts right) and fonts-symbola (monochrome symbols): the PDFs' fallbacks, so a
# reader's text never prints as boxes (issue #10; briefing/sessions/glyphs.py checks it).
# poppler-utils: pdftoppm/pdftotext, to look at and check the PDFs.
# libpango-1.0-0: WeasyPrint's text layout (present on the stock image; checked anyway).
# chromium: the browser the Playwright tests drive; Playwright's own browser download is
# not used (it cannot be fetched here, and Debian's build is what readers' machines have).
# npm: installs axe-core (package-lock.json), the accessibility engine the tests run.
need=(fonts-noto-cjk fonts-liberation2 fonts-hanazono fonts-noto-color-emoji fonts-symbola
      libpango-1.0-0 libpangoft2-1.0-0 fontconfig poppler-utils)
if [ "$purpose" = test ]; then
  need+=(chromium)
  command -v npm >/dev/null || need+=(npm)
fi
missing=()
for pkg in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bootstrap: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: missing Debian packages: ${missing[*]}" >&2
    echo "bootstrap: run this, then try again:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# --- Python ------------------------------------------------------------------------
python=${PYTHON:-python3}
if [ ! -x "$venv/bin/python" ]; then
  echo "bootstrap: creating $venv"
  "$python" -m venv "$venv"
fi
stamp="$venv/.requirements.lock"
if ! cmp -s "$lock" "$stamp"; then
  echo "bootstrap: installing pinned Python packages from $lock"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$lock"
  cp "$lock" "$stamp"
fi

# --- Zensical (tests only) ------------------------------------------------------------
# Material's successor in a venv of its own (tests/test_zensical.py builds docs/ with it).
# Not fatal: where it cannot be installed, that test skips and says why.
if [ "$purpose" = test ]; then
  zvenv=.venv-zensical
  zlock=requirements-zensical.lock
  if ! cmp -s "$zlock" "$zvenv/.requirements.lock"; then
    echo "bootstrap: installing Zensical from $zlock into $zvenv"
    if { [ -x "$zvenv/bin/python" ] || "$python" -m venv "$zvenv"; } &&
       "$zvenv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$zlock"; then
      cp "$zlock" "$zvenv/.requirements.lock"
    else
      echo "bootstrap: Zensical could not be installed; tests/test_zensical.py will skip" >&2
    fi
  fi
fi

# --- Node packages (tests only) ----------------------------------------------------
# axe-core, pinned in package-lock.json, into node_modules/ (ignored by Git).
if [ "$purpose" = test ]; then
  npm_stamp=node_modules/.briefing-package-lock.json
  if ! cmp -s package-lock.json "$npm_stamp"; then
    echo "bootstrap: installing pinned Node packages from package-lock.json"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
    cp package-lock.json "$npm_stamp"
  fi
fi
