"""Prints the instructions of one method that perf's samples landed on most (for scripts/profile-engine.sh).

    python3 scripts/lib/annotate-samples.py <dir> <method substring>

Reads <dir>/ips (perf script -F ip) and the code read-code.py copied, disassembles it with objdump, and prints
the method's share of the samples and its hottest instructions, each with the eight before it.
"""
import collections
import glob
import re
import subprocess
import sys


def main():
    into, method = sys.argv[1], sys.argv[2]
    for about in glob.glob(f"{into}/code-*.txt"):
        start_text, name = open(about, encoding="utf-8").read().rstrip("\n").split(" ", 1)
        if method not in name:
            continue
        start, code = int(start_text, 16), f"{about[:-4]}.bin"
        size = len(open(code, "rb").read())
        counts, total = collections.Counter(), 0
        for line in open(f"{into}/ips", encoding="utf-8"):
            try:
                ip = int(line.strip(), 16)
            except ValueError:
                continue
            total += 1
            if start <= ip < start + size:
                counts[ip - start] += 1
        listing = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64", code],
                                 capture_output=True, text=True, check=True).stdout
        instructions = [(int(m.group(1), 16), m.group(2).split("\t")[-1])
                        for m in re.finditer(r"^\s+([0-9a-f]+):\t(.*)$", listing, re.M)]
        print(f"\n{name[:150]}\n  {sum(counts.values())} of {total} samples "
              f"({100 * sum(counts.values()) / max(total, 1):.1f}%); hottest instructions:")
        offsets = [offset for offset, _ in instructions]
        for offset, samples in counts.most_common(3):
            at = offsets.index(offset) if offset in offsets else 0
            print(f"  {samples} samples at +{offset:#x}:")
            for before, text in instructions[max(0, at - 8):at + 1]:
                print(f"    {counts.get(before, 0):5d}  +{before:#06x}  {text}")
        return
    print(f"\n{method}: no optimised code of that name was copied")


if __name__ == "__main__":
    main()
