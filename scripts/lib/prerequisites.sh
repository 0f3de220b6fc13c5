# Installs what the run and test commands need when it is missing. Sourced by scripts/*.sh.

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (https://dot.net); dotnet was not found on PATH." >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

ensure_tzdata() {
  if [ ! -d /usr/share/zoneinfo/Europe ]; then
    apt_install tzdata
  fi
}
