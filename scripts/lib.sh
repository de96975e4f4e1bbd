# Shared helpers for scripts/run, scripts/test and scripts/bench. Source it; do not run it.
# Everything the project needs is installed from its own files: npm ci (Azurite) and the .NET SDK's restore.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
mkdir -p "$RUN_DIR/logs"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { log "the .NET 10 SDK is required (dotnet not on PATH)"; exit 1; }
}

install_node_tools() {
  command -v npm >/dev/null 2>&1 || { log "Node.js 20 and npm are required"; exit 1; }
  if [ ! -x "$ROOT/node_modules/.bin/azurite" ]; then
    log "installing Azurite (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# Debian's chromium for the browser tests (test tools may not download browsers here).
install_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" -ne 0 ]; then log "chromium is missing and installing it needs root: apt-get install chromium"; return; fi
  log "installing chromium (apt-get)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >"$RUN_DIR/logs/apt.log" 2>&1 \
    || { log "apt-get install chromium failed; see $RUN_DIR/logs/apt.log"; }
}

# A CJK font (Debian's fonts-wqy-microhei), so chromium draws the pages' Chinese labels in screenshots instead of boxes.
install_cjk_font() {
  if fc-list :lang=zh 2>/dev/null | grep -q .; then return; fi
  if [ "$(id -u)" -ne 0 ]; then log "no CJK font and installing one needs root: apt-get install fonts-wqy-microhei"; return; fi
  log "installing a CJK font (apt-get fonts-wqy-microhei)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei fontconfig) >"$RUN_DIR/logs/apt-fonts.log" 2>&1 \
    || { log "apt-get install fonts-wqy-microhei failed; see $RUN_DIR/logs/apt-fonts.log"; }
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_azurite [disk]: starts Azurite on 10000-10002 unless something already listens there.
# In-memory by default; "disk" keeps data in .run/azurite so a restart keeps the task hub.
AZURITE_PID=""
start_azurite() {
  if port_open 10000 && port_open 10001 && port_open 10002; then
    log "Azurite already listening on 10000-10002; using it"
    return
  fi
  local persistence=(--inMemoryPersistence)
  if [ "${1:-}" = "disk" ]; then persistence=(--location "$RUN_DIR/azurite"); mkdir -p "$RUN_DIR/azurite"; fi
  "$ROOT/node_modules/.bin/azurite" --silent --disableTelemetry --skipApiVersionCheck --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    "${persistence[@]}" >"$RUN_DIR/logs/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if port_open 10000 && port_open 10001 && port_open 10002; then log "Azurite started (pid $AZURITE_PID)"; return; fi
    sleep 0.2
  done
  log "Azurite did not start; see $RUN_DIR/logs/azurite.log"; exit 1
}

# wait_http URL SECONDS: waits until URL answers 2xx.
wait_http() {
  local url=$1 seconds=${2:-60}
  for _ in $(seq 1 $((seconds * 5))); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  log "$url did not answer within ${seconds}s"; return 1
}
