# Two commands do all the set-up (see README):
#   make demo   migrate the bundled v1 fixtures and train v1 (shim) and v2 side by side
#   make test   install what the tests need and run the whole suite
# PYTHON picks the interpreter; VENV the environment folder (made on first use).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
WHEELS := $(VENV)/wheels
STEPS ?= 20

.PHONY: demo test bench oracle gpu-check clean

$(VENV)/.installed: pyproject.toml constraints/build.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	PIP_CONSTRAINT=$(CURDIR)/constraints/build.txt $(BIN)/python -m pip wheel -q --no-deps chainer==7.8.1 -w $(WHEELS)
	$(BIN)/python -m pip install -q --find-links $(WHEELS) --only-binary chainer -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/chainer-compat-demo --steps $(STEPS) --output-dir out/migrated

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q -rs

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.rnnlm_step

oracle: $(VENV)/.installed
	$(BIN)/python tools/oracle.py --record

gpu-check:
	VENV=$(VENV) tools/gpu_check.sh

clean:
	rm -rf $(VENV) out .oracle
