#!/usr/bin/env bash
# `npm test`: types, lint, the H5 build the browser tests drive, then every jest project.
set -euo pipefail
cd "$(dirname "$0")/.."
# Node 20 here, 22 on Lambda: the SDK's upgrade notice would repeat in every jest worker.
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
mkdir -p test-results
echo "== typecheck" && npx tsc -p tsconfig.json --noEmit
echo "== lint" && npx biome check .
echo "== build H5 for the browser tests"
API_BASE='' npm run build:h5 --silent > test-results/h5-build.log 2>&1 || { cat test-results/h5-build.log; exit 1; }
echo "== jest"
status=0
npx jest --maxWorkers=2 --json --outputFile=test-results/jest.json "$@" || status=$?
# One plain closing line that any CI reader understands.
node -e '
  const r = require("./test-results/jest.json");
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit $status
