"""Copies the JIT-compiled code of the named methods out of a paused process (for scripts/profile-engine.sh).

    python3 scripts/lib/read-code.py <pid> <perf map> <dir> [method substring...]

Writes <dir>/code-<n>.bin and <dir>/code-<n>.txt (start address and name) for the optimised version of each
method whose perf-map name holds the substring: the code the samples land on.
"""
import sys


def main():
    pid, perf_map, into, wanted = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    with open(f"/proc/{pid}/mem", "rb") as memory, open(perf_map, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            start, size, name = line.rstrip("\n").split(" ", 2)
            for n, method in enumerate(wanted):
                if method in name and "[OptimizedTier1]" in name:
                    memory.seek(int(start, 16))
                    with open(f"{into}/code-{n}.bin", "wb") as code:
                        code.write(memory.read(int(size, 16)))
                    with open(f"{into}/code-{n}.txt", "w", encoding="utf-8") as about:
                        about.write(f"{start} {name}\n")


if __name__ == "__main__":
    main()
