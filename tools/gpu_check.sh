#!/usr/bin/env bash
# One-command GPU check: the parity tests on CuPy (pytest marker `gpu`).
# Usage: tools/gpu_check.sh [CUPY_PACKAGE]   (default cupy-cuda12x)
# Sets up the project environment (make), installs CuPy into it when missing,
# prints what CuPy sees, runs the `gpu` tests and prints pytest's summary.
# Exit status: pytest's (0 when every GPU test passed; 5 when none ran).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
make --no-print-directory "$VENV/.installed" VENV="$VENV"
PY="$VENV/bin/python"
if ! "$PY" -c "import cupy" 2>/dev/null; then
  echo "== installing ${1:-cupy-cuda12x}"
  "$PY" -m pip install -q "${1:-cupy-cuda12x}"
fi
"$PY" - <<'PYEOF'
import cupy
n = cupy.cuda.runtime.getDeviceCount()
print("CuPy %s, %d CUDA device(s)" % (cupy.__version__, n))
for i in range(n):
    print("  device %d: %s" % (i, cupy.cuda.runtime.getDeviceProperties(i)["name"].decode()))
PYEOF
exec "$PY" -m pytest -m gpu -rs -q
