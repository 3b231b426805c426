#!/usr/bin/env python3
"""Time to the first frame, in a pseudo-terminal: from exec to the first output that holds the
menu's text, for the game and for examples/minimal_tui.rs, as medians over alternating runs.

Build both first, the same way:
    cargo build --release --bin alliance --example minimal_tui
    python3 scripts/first_frame.py [runs]
"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

MARK = b"encyclopedia"  # in the game's menu and in the baseline; spaces are not redrawn


def first_frame(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    seen, took = b"", None
    while took is None:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            raise SystemExit(f"no first frame from {argv[0]} in 10 s")
        seen += os.read(fd, 65536)
        if MARK in seen:
            took = time.perf_counter() - start
    os.write(fd, b"q")
    while True:  # drain until the child exits, so it never blocks on a full pty
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return took


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    game = [os.path.join(root, "target/release/alliance")]
    base = [os.path.join(root, "target/release/examples/minimal_tui")]
    times = {"game": [], "baseline": []}
    for _ in range(runs):
        times["game"].append(first_frame(game))
        times["baseline"].append(first_frame(base))
    g, b = statistics.median(times["game"]), statistics.median(times["baseline"])
    print(f"runs: {runs} each, alternating")
    print(f"game     median {g * 1000:.2f} ms")
    print(f"baseline median {b * 1000:.2f} ms")
    print(f"ratio    {g / b:.2f} (target <= 1.20)")


if __name__ == "__main__":
    main()
