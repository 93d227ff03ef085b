# 宁聚 NingJu — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test test-fast bench lint typecheck neo4j frontend bootstrap migrate clean

help:
	@echo "make run       set up and serve the platform with demo data at http://$(HOST):$(PORT)"
	@echo "make test      set up, start PostgreSQL + Redis + Neo4j, run every test, stop them"
	@echo "make bench     run the benchmarks in benchmarks/ and write their reports"
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

lint: bootstrap
	.venv/bin/ruff check backend graph tests benchmarks
	.venv/bin/ruff format --check backend graph tests benchmarks
	.venv/bin/mypy backend graph
	source .nodeenv/bin/activate && cd frontend && npm run typecheck

clean:
	rm -rf .var frontend/dist graph/server/target
