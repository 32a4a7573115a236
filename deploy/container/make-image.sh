#!/usr/bin/env bash
# Build the iag-gateway image with podman, offline: no container registry is used.
#  1. a Debian bookworm base made here (debootstrap from Debian's packages, `podman import`);
#  2. the pinned wheels downloaded with their hashes into build/wheels, plus the project wheel;
#  3. `podman build` of the multi-stage Dockerfile with no network.
# Podman inside an unprivileged container needs runc and explicit ulimits (see README).
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${BASE:-localhost/iag-base:bookworm}
TAG=${TAG:-localhost/iag-gateway:dev}
PIP=${PIP:-.venv/bin/pip}
RUNTIME=${RUNTIME:-runc}
LIMITS=(--ulimit "nofile=4096:4096" --ulimit "nproc=4096:4096")

need() { command -v "$1" >/dev/null 2>&1 || missing+=" $2"; }
missing=""; need podman podman; need debootstrap debootstrap; need runc runc
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else echo "missing:$missing (sudo apt-get install$missing)" >&2; exit 1; fi
fi

if ! podman image exists "$BASE"; then
  rootfs=$(mktemp -d /tmp/iag-rootfs.XXXXXX)
  debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$rootfs" http://deb.debian.org/debian
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import - "$BASE"
  rm -rf "$rootfs"
fi

mkdir -p build/wheels
"$PIP" download --quiet --no-deps --require-hashes -r requirements/main.txt -d build/wheels
rm -f build/wheels/iag_gateway-*.whl
"$PIP" wheel --quiet --no-deps --no-build-isolation -w build/wheels .

podman --runtime "$RUNTIME" build "${LIMITS[@]}" --format docker --network none --build-arg "BASE=$BASE" -t "$TAG" -f Dockerfile .
echo "built $TAG"
