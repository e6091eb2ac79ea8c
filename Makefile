# Two commands for a fresh machine: `make run` (the chat page) and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup run test bench eval

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[test]"
	touch $@

setup: $(VENV)/.installed

run: setup
	$(PY) app.py

test: setup
	$(PY) -m pytest -q

bench: setup
	$(VENV)/bin/qa bench

eval: setup
	$(VENV)/bin/qa eval article
