#!/usr/bin/env bash
# Print the path of a working Python interpreter of version X.Y (argument), or fail.
# Tries `pythonX.Y` on PATH, then pyenv's installed versions (whose shims only run
# the global version), so the test matrix finds 3.11 and 3.12 on a pyenv machine.
set -u
want=${1:?usage: tools/find_python.sh X.Y}
ok() { "$1" -c "import sys; assert '%d.%d' % sys.version_info[:2] == '$want'" >/dev/null 2>&1; }
if ok "python$want"; then command -v "python$want"; exit 0; fi
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E "^$want(\.[0-9]+)?$" | sort -V -r); do
    p="$(pyenv root)/versions/$v/bin/python$want"
    if ok "$p"; then echo "$p"; exit 0; fi
  done
fi
echo "tools/find_python.sh: no working Python $want found (install it, or run 'make check' for the current one)" >&2
exit 1
