# The two commands of the README: `make demo` and `make test`. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: demo test install browser compose clean

$(STAMP): pyproject.toml
	@echo "installing kg and its dependencies into $(VENV) (once, about a minute)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

# Headless Chromium for the browser tests, from Debian's packages (needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && apt-get install -y -qq chromium >/dev/null); \
	  elif command -v sudo >/dev/null 2>&1; then (sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null); \
	  fi; } || true
	@command -v chromium >/dev/null 2>&1 || echo "note: chromium is not installed; browser tests will be skipped"

# `docker compose config` checks docker-compose.yml without a Docker engine. Where the Docker client
# has no compose plugin, the plugin is built once from its Go module (a few minutes) into
# .venv/docker/cli-plugins, which the tests name as DOCKER_CONFIG; nothing outside the project changes.
COMPOSE_VERSION := v2.29.7
COMPOSE_PLUGINS := $(VENV)/docker/cli-plugins
compose: $(STAMP)
	@docker compose version >/dev/null 2>&1 || test -x $(COMPOSE_PLUGINS)/docker-compose || { \
	  command -v docker >/dev/null 2>&1 && command -v go >/dev/null 2>&1 && \
	  echo "building the docker compose plugin $(COMPOSE_VERSION) from its Go module (once, a few minutes)" && \
	  mkdir -p $(COMPOSE_PLUGINS) && \
	  GOBIN=$(CURDIR)/$(COMPOSE_PLUGINS) go install -ldflags "-s -w -X github.com/docker/compose/v2/internal.Version=$(COMPOSE_VERSION)" github.com/docker/compose/v2/cmd@$(COMPOSE_VERSION) && \
	  mv $(COMPOSE_PLUGINS)/cmd $(COMPOSE_PLUGINS)/docker-compose; } || \
	  echo "note: no docker client or no Go toolchain; the docker-compose.yml tests will be skipped"

demo: $(STAMP)
	$(BIN)/kg server start
	$(BIN)/kg load samples
	$(BIN)/kg stats
	@mkdir -p $(OUT)
	$(BIN)/kg view -o $(OUT)/network.html
	$(BIN)/kg query who-chaired-what
	@echo
	@echo "Neo4j Browser:  http://127.0.0.1:7474/browser/  (user neo4j, password kg-dev-password)"
	@echo "Network view:   $(abspath $(OUT))/network.html"
	@echo "Queries:        $(BIN)/kg query --list"

test: $(STAMP) browser compose
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis tests/artifacts
