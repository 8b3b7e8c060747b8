#!/usr/bin/env bash
# Builds the Pulumi CLI this project is pinned to (the version of @pulumi/pulumi in package.json) from its Go
# modules into .pulumi/bin, with the launcher the engine starts for dynamic resources. Nothing is downloaded but
# Go modules. Does nothing when the right version is already built.
#
# The Node.js language host (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not served by
# the Go module proxy ("403 Forbidden: This module version is not available", for the tag and for a pseudo-version
# of the release commit alike), so programs run as Automation API inline programs, which need no language host.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$root/.pulumi/bin"
version="$(node -p "require('$root/package.json').devDependencies['@pulumi/pulumi']")"

for module in pkg sdk; do
    if ! grep -qE "github.com/pulumi/pulumi/$module/v3 v$version( |$)" "$here/go.mod"; then
        echo "tools/pulumi-cli/go.mod does not require github.com/pulumi/pulumi/$module/v3 v$version, the version of" >&2
        echo "@pulumi/pulumi in package.json: run 'go get github.com/pulumi/pulumi/pkg/v3@v$version github.com/pulumi/pulumi/sdk/v3@v$version && go mod tidy' in tools/pulumi-cli." >&2
        exit 1
    fi
done

launcher="$bin/pulumi-resource-pulumi-nodejs"
if [ -x "$bin/pulumi" ] && [ "$("$bin/pulumi" version 2>/dev/null)" = "v$version" ] && [ -x "$launcher" ]; then
    echo "pulumi v$version is already built in .pulumi/bin"
    exit 0
fi

if [ "$(pulumi version 2>/dev/null)" = "v$version" ]; then
    echo "using the pulumi v$version on the PATH ($(command -v pulumi))"
    exit 0
fi
if ! command -v go >/dev/null; then
    echo "!!! neither pulumi v$version on the PATH nor Go to build it: the real-engine tests cannot run (install Go 1.25+ and rerun)" >&2
    exit 0
fi

started=$SECONDS
mkdir -p "$bin"
echo "building pulumi v$version from its Go modules into .pulumi/bin (the first build takes several minutes)"
(cd "$here" && go build -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    -o "$bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)

# The engine starts this plugin, in the program's directory, for every pulumi-nodejs:dynamic resource: it runs the
# dynamic-provider host of the program's own @pulumi/pulumi.
cat > "$launcher" <<'LAUNCHER'
#!/bin/sh
host="$(node -p "require.resolve('@pulumi/pulumi/cmd/dynamic-provider')")" || exit 1
exec node "$host" "$@"
LAUNCHER
chmod +x "$launcher"

echo "built $("$bin/pulumi" version) and pulumi-resource-pulumi-nodejs in .pulumi/bin in $((SECONDS - started)) s"
