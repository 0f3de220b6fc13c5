# Builds the browser client (wallboard-web/) into the server's static files, src/Wallboard.Server/wwwroot.
# Sourced by scripts/run.sh and scripts/lib/web-tests.sh; needs Node 20+ and npm (packages from the npm
# registry, pinned by package-lock.json; nothing else is fetched).

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm (Debian packages)"
    apt_install nodejs npm
  fi
}

# npm ci only when node_modules is missing or older than the lockfile: a warm build takes a second.
install_web_packages() {
  local web="$1"
  if [ ! -f "$web/node_modules/.package-lock.json" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    echo "Installing the web client's npm packages (npm ci)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_web() {
  local web
  web="$(pwd)/wallboard-web"
  ensure_node
  install_web_packages "$web"
  echo "Building the web client"
  (cd "$web" && node scripts/build.mjs)
}
