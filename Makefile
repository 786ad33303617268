# README commands:
#   make demo   migrate the bundled v1 fixtures and train v1 (shim) and v2 side by side
#   make test   install what the tests need and run the whole suite on each stack of MATRIX
# Other targets: make check (the suite in one environment: VENV, PYTHON), bench, oracle, gpu-check, clean.
# Each environment is a folder made on first use; Chainer 7.8.1 is built into a wheel there with
# constraints/build.txt as PIP_BUILD_CONSTRAINT (pip >= 25.3) and PIP_CONSTRAINT (older pip), which only
# reach pip's isolated build environment there (catalogue CH907).
PYTHON ?= python3
VENV ?= .venv
CONSTRAINTS ?=
BIN := $(VENV)/bin
WHEELS := $(VENV)/wheels
STEPS ?= 20
# stack = PYTHON_VERSION:CONSTRAINTS_FILE (empty: newest releases)
MATRIX ?= 3.11:constraints/numpy1.txt 3.12:

.PHONY: demo test check bench oracle gpu-check clean

$(VENV)/.installed: pyproject.toml constraints/build.txt $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	PIP_CONSTRAINT=$(CURDIR)/constraints/build.txt PIP_BUILD_CONSTRAINT=$(CURDIR)/constraints/build.txt \
		$(BIN)/python -m pip wheel -q --no-deps chainer==7.8.1 -w $(WHEELS)
	$(BIN)/python -m pip install -q --find-links $(WHEELS) --only-binary chainer \
		$(if $(CONSTRAINTS),-c $(CONSTRAINTS)) -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/chainer-compat-demo --steps $(STEPS) --output-dir out/migrated

check: $(VENV)/.installed
	$(BIN)/python -c "import sys, numpy, chainer_compat, chainer; print('== Python %d.%d.%d, NumPy %s, Chainer %s' % (sys.version_info[:3] + (numpy.__version__, chainer.__version__)))"
	$(BIN)/python -m pytest -q -rs

test:
	@set -e; for stack in $(MATRIX); do \
	  version=$${stack%%:*}; constraints=$${stack#*:}; \
	  python=$$(tools/find_python.sh $$version); \
	  echo "== stack: Python $$version, constraints: $${constraints:-none (newest releases)}"; \
	  $(MAKE) --no-print-directory check PYTHON=$$python VENV=.venv-py$$version$${constraints:+-$$(basename $$constraints .txt)} CONSTRAINTS=$$constraints; \
	done

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.rnnlm_step
	$(BIN)/python -m benchmarks.v2_calls
	$(BIN)/python -m benchmarks.import_time

oracle: $(VENV)/.installed
	$(BIN)/python tools/oracle.py --record

gpu-check:
	VENV=$(VENV) tools/gpu_check.sh

clean:
	rm -rf .venv .venv-py* out .oracle
