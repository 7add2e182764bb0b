# The two commands of this project. Both bootstrap first (scripts/bootstrap.sh), so a
# fresh clone needs nothing installed by hand.
PY := .venv/bin/python

.PHONY: build test bootstrap-build bootstrap-test

build: bootstrap-build
	$(PY) build.py build

test: bootstrap-test
	$(PY) -m pytest

bootstrap-build:
	@scripts/bootstrap.sh build

bootstrap-test:
	@scripts/bootstrap.sh test
