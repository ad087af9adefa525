#!/usr/bin/env bash
# The main job: set up, validate the bundled model, show what it holds, answer a
# question and draw the overview and a report into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# Each command is echoed as one can copy it: arguments with spaces or other special
# characters in single quotes.
quote() {
    local arg
    for arg in "$@"; do
        if [[ $arg =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
            printf ' %s' "$arg"
        else
            printf " '%s'" "${arg//\'/\'\\\'\'}"
        fi
    done
}
run() { echo "\$ mra-graph$(quote "$@")"; .venv/bin/mra-graph "$@"; echo; }
run check
run list --kind body --region am
run show "MRA Bureau"
run --at 2017-06-01 ask "wie ondersteunt de Regiegroep?"
run --lang en --at 2017-06-01 chain "MRA Bureau"
mkdir -p out
run --at 2017-06-01 render overview -o out/overzicht.svg
run --at 2017-06-01 render overview -o out/overzicht.png
run --at 2017-06-01 report -o out/rapport.html
