# Trigger Atlas tasks. Each target installs what it needs (scripts/setup.sh).
.PHONY: serve test dist bench check bundle

serve:  ## build and serve the app on http://127.0.0.1:8080
	scripts/serve.sh

test:   ## run every test layer
	scripts/test.sh

dist:   ## build the static files for deployment into dist/ and print their size
	scripts/dist.sh

bench:  ## benchmark size, load, interaction latency and the model, against the budgets
	scripts/bench.sh

check:  ## validate data/ and print coverage
	cargo run --quiet --bin atlas -- check

bundle: ## rewrite public/atlas.json and atlas-text.json from data/
	cargo run --quiet --bin atlas -- bundle
