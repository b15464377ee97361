#!/usr/bin/env python3
"""The planner's first frame, whole process, in a pseudo-terminal of 120x40.

usage: first_frame.py RUNS CASEPLAN ARG...

Starts `CASEPLAN ARG...` RUNS times in a pty. The first frame is complete when the output
falls quiet for QUIET seconds: its time is the moment its last byte arrived, from the start of
the process. Then the peak resident memory so far (VmHWM) is read, `q` is pressed, and the time
until the process has exited is taken too. first_burst_ms is when the first burst of output
ended (the first pause of 0.1 s): the first frame itself, when a status line that redraws every
tick (the day's backup, composed beside the planner) keeps the output from falling quiet.
today_drawn_ms is when the Today screen's header ("Today ·", "I dag ·") first reached the
terminal: at a large caseload the first frame shows Today as being read (the database still
opening, or its list), and the bursts after it follow too closely to tell it apart by a pause.
Prints one line of medians:

    first_frame_ms=… rss_mb=… quit_ms=… first_burst_ms=… today_drawn_ms=…
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
TODAY_HEADER_EN = "Today ·".encode()
TODAY_HEADER_DA = "I dag ·".encode()
BURST_GAP = 0.1
TIMEOUT = 60.0


def vm_hwm_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def read_until_quiet(fd, started):
    """The moment the output fell quiet for QUIET seconds, and the end of its first burst (the
    first pause of BURST_GAP): a status line that redraws every tick (the backup's progress)
    keeps the output from falling quiet, while the first frame is the first burst."""
    last = None
    first_burst = None
    drawn = None
    seen = b""
    while time.monotonic() - started < TIMEOUT:
        ready, _, _ = select.select([fd], [], [], BURST_GAP)
        if not ready:
            if last is not None and first_burst is None:
                first_burst = last
            if last is not None and time.monotonic() - last >= QUIET:
                return last, first_burst, drawn
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        last = time.monotonic()
        if drawn is None:
            seen = seen[-64:] + chunk
            if TODAY_HEADER_EN in seen or TODAY_HEADER_DA in seen:
                drawn = last
    raise SystemExit("the planner drew nothing")


def one(argv):
    started = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    quiet, burst, drawn = read_until_quiet(fd, started)
    frame = quiet - started
    burst -= started
    drawn = (drawn - started) if drawn is not None else float("nan")
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
    return frame * 1000, rss / 1024, quit_time * 1000, burst * 1000, drawn * 1000


def main():
    runs = int(sys.argv[1])
    argv = sys.argv[2:]
    os.environ.setdefault("TERM", "xterm-256color")
    results = [one(argv) for _ in range(runs)]
    frame, rss, quit_ms, burst, drawn = (
        statistics.median(r[i] for r in results) for i in range(5)
    )
    print(
        f"first_frame_ms={frame:.1f} rss_mb={rss:.0f} quit_ms={quit_ms:.1f} "
        f"first_burst_ms={burst:.1f} today_drawn_ms={drawn:.1f}"
    )


if __name__ == "__main__":
    main()
