# TĐKT — two commands: `make run` (demo on SQLite) and `make test` (the whole suite).
.PHONY: run test bench setup worker clean

setup:
	@sh scripts/setup.sh

run: setup
	@sh scripts/run.sh

test: setup
	@sh scripts/test-system-deps.sh
	@sh scripts/test.sh

bench: setup
	@.venv/bin/python -m bench --full-run

clean:
	rm -rf .venv var
