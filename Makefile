# The course in two commands: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.dlcourse-installed

.PHONY: install demo test lab instructor-lab build lint lock clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@echo "Setting up $(VENV): the pinned packages of requirements.lock (a few minutes, once) ..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@
	@echo "$(VENV) is ready."

demo: install
	$(BIN)/dlcourse demo

test: install
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest

# A student's JupyterLab on their own folder student/ (nbgrader's Assignment List).
lab: install
	$(BIN)/dlcourse lab

# The instructor's JupyterLab: formgrader, Create Assignment, the gradebook prepared.
instructor-lab: install
	$(BIN)/dlcourse lab --instructor

build: install
	$(BIN)/dlcourse build

lock:
	rm -rf build/lock-venv
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet -e '.[dev]'
	{ echo "# Pinned versions that 'make' installs with: pip install -c requirements.lock -e '.[dev]'"; \
	  echo "# Regenerate: make lock"; \
	  build/lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^pip=='; } > requirements.lock

# Generated files and the instructor's grading workspace; never student/ or exchange/.
clean:
	rm -rf build autograder/gradebook.db autograder/submitted autograder/autograded \
	       autograder/feedback autograder/exports autograder/release \
	       autograder/prepared autograder/results autograder/workers
