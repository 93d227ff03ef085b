# 宁聚 NingJu — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test test-fast bench load lint typecheck neo4j frontend bootstrap migrate clean

help:
	@echo "make run       set up and serve the platform with demo data at http://$(HOST):$(PORT)"
	@echo "make test      set up, start PostgreSQL + Redis + Neo4j, run every test, stop them"
	@echo "make bench     run the benchmarks in benchmarks/ and write their reports"
	@echo "make fuzz      fuzz the API (schemathesis, every role) at length; benchmarks/reports/fuzz.md"
	@echo "make load      LOAD_USERS simulated users (300) for LOAD_DURATION s (120) on loopback"
	@echo "make lint      ruff + mypy (+ the web app's type check)"
	@echo "make neo4j     run the local Neo4j Community server in the foreground"
	@echo "make frontend  install and build the web app"

bootstrap:
	scripts/bootstrap.sh all

frontend:
	scripts/bootstrap.sh frontend

neo4j:
	scripts/bootstrap.sh neo4j
	graph/server/neo4j-server run

run: bootstrap
	scripts/run-local.sh $(HOST) $(PORT)

test: bootstrap
	scripts/with-services.sh -- scripts/run-tests.sh

bench: bootstrap
	NEO4J_LOCAL_HEAP=$${NEO4J_LOCAL_HEAP:-3g} NEO4J_LOCAL_PAGECACHE=$${NEO4J_LOCAL_PAGECACHE:-2g} \
	  scripts/with-services.sh -- $(PY) -m benchmarks.run_all $(BENCH)

# A mixed workload of the main journeys against Daphne + Celery on 127.0.0.1 (benchmarks/load.py);
# report in benchmarks/reports/load.{md,json}. LOAD_DAPHNES, LOAD_ENTERPRISES, LOAD_THINK_MIN/MAX too.
load: bootstrap
	LOAD_USERS=$${LOAD_USERS:-300} LOAD_DURATION=$${LOAD_DURATION:-120} \
	  scripts/with-services.sh -- $(PY) -m benchmarks.run_all load

# The bounded fuzz run is part of `make test`; this one draws FUZZ_EXAMPLES per operation.
fuzz: bootstrap
	scripts/with-services.sh -- env DJANGO_SETTINGS_MODULE=backend.config.settings.test \
	  NINGJU_FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-40} NINGJU_FUZZ_REPORT=benchmarks/reports/fuzz.md \
	  $(PY) -m pytest tests/security/test_fuzz.py -q

lint: bootstrap
	.venv/bin/ruff check backend graph tests benchmarks
	.venv/bin/ruff format --check backend graph tests benchmarks
	.venv/bin/mypy backend graph
	source .nodeenv/bin/activate && cd frontend && npm run typecheck

clean:
	rm -rf .var frontend/dist graph/server/target
