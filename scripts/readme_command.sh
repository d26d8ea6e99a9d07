#!/usr/bin/env bash
# Run one of the two commands given in README.md, exactly as written there
# (between the <!-- setup --> / <!-- test --> markers), so CI and README cannot drift.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:?usage: scripts/readme_command.sh setup|test}"
cmd=$(awk -v tag="<!-- $which -->" '
  $0 == tag {grab=1; next}
  grab && /^```/ {if (started) exit; started=1; next}
  grab && started {print}
' README.md)
if [ -z "$cmd" ]; then
  echo "scripts/readme_command.sh: no '$which' command found in README.md" >&2
  exit 2
fi
echo "+ $cmd"
bash -euo pipefail -c "$cmd"
