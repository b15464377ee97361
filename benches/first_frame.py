#!/usr/bin/env python3
"""The planner's first frame, whole process, in a pseudo-terminal of 120x40.

usage: first_frame.py RUNS CASEPLAN ARG...

Starts `CASEPLAN ARG...` RUNS times in a pty. The first frame is complete when the output
falls quiet for QUIET seconds: its time is the moment its last byte arrived, from the start of
the process. Then the peak resident memory so far (VmHWM) is read, `q` is pressed, and the time
until the process has exited is taken too. Prints one line of medians:

    first_frame_ms=… rss_mb=… quit_ms=…
"""

import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

QUIET = 0.4
TIMEOUT = 60.0


def vm_hwm_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def read_until_quiet(fd, started):
    last = None
    while time.monotonic() - started < TIMEOUT:
        ready, _, _ = select.select([fd], [], [], QUIET)
        if not ready:
            if last is not None:
                return last
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        last = time.monotonic()
    raise SystemExit("the planner drew nothing")


def one(argv):
    started = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    frame = read_until_quiet(fd, started) - started
    rss = vm_hwm_kb(pid)
    pressed = time.monotonic()
    os.write(fd, b"q")
    reaped = False
    while not reaped:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
        reaped = os.waitpid(pid, os.WNOHANG)[0] == pid
    quit_time = time.monotonic() - pressed
    os.close(fd)
    return frame * 1000, rss / 1024, quit_time * 1000


def main():
    runs = int(sys.argv[1])
    argv = sys.argv[2:]
    os.environ.setdefault("TERM", "xterm-256color")
    results = [one(argv) for _ in range(runs)]
    frame, rss, quit_ms = (statistics.median(r[i] for r in results) for i in range(3))
    print(f"first_frame_ms={frame:.1f} rss_mb={rss:.0f} quit_ms={quit_ms:.1f}")


if __name__ == "__main__":
    main()
