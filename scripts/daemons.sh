# Sourced by the scripts that run bin/sourcebook's daemons in a socket folder of their own
# (SOURCEBOOK_DAEMON_DIR).
#
# stop_daemons DIR: removes the folder, which stops its daemons within a watchdog's round (one whose
# client has gone halts at once), and waits until none runs; fails if one still does after 20 s.
# By their command lines: pgrep does not see a daemon that has ended but is not yet reaped (where
# the first process reaps no orphans), which kill -0 would.
stop_daemons() {
  rm -rf "$1"
  for _ in $(seq 100); do pgrep -f "Daemon $1" >/dev/null || return 0; sleep 0.2; done
  return 1
}
