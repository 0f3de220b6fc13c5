"""Per-method counts of a callgrind run of the .NET benchmark (see scripts/callgrind-engine.sh, KEEP=<dir>).

    python3 scripts/callgrind-methods.py <callgrind output> <perf map> [Ir|D1|LL] [top] [events]

Callgrind names JIT-compiled code by address only; the runtime's perf map (DOTNET_PerfMapEnabled=1) gives each
method's address range. Prints the methods with the most instructions (Ir), first-level misses (D1) or
last-level misses (LL), per counted event (100,000 unless given: the default of callgrind-engine.sh).
"""
import bisect
import collections
import re
import subprocess
import sys


def load_map(path):
    ranges = []
    for line in open(path, encoding="utf-8", errors="replace"):
        parts = line.rstrip("\n").split(" ", 2)
        if len(parts) == 3:
            start = int(parts[0], 16)
            ranges.append((start, start + int(parts[1], 16), parts[2]))
    ranges.sort()
    return ranges, [r[0] for r in ranges]


def method_at(address, ranges, starts):
    i = bisect.bisect_right(starts, address) - 1
    return ranges[i][2] if i >= 0 and ranges[i][0] <= address < ranges[i][1] else None


def main():
    output, perf_map = sys.argv[1], sys.argv[2]
    key = sys.argv[3] if len(sys.argv) > 3 else "Ir"
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    events = int(sys.argv[5]) if len(sys.argv) > 5 else 100_000
    ranges, starts = load_map(perf_map)
    text = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", output],
                          capture_output=True, text=True, check=True).stdout
    names = re.search(r"^Events shown:\s+(.*)$", text, re.M).group(1).split()
    totals = collections.defaultdict(lambda: [0] * len(names))
    for line in text.splitlines():
        match = re.match(r"^\s*((?:[\d,]+|\.)(?: \(\s*[\d.]+%\))?\s+){" + str(len(names)) + r"}(\S.*)$", line)
        if not match or ":" not in match.group(2) or "PROGRAM TOTALS" in line:
            continue
        values = [0 if v == "." else int(v.replace(",", ""))
                  for v in re.findall(r"([\d,]+|\.)(?: \(\s*[\d.]+%\))?\s+", line[:match.start(2)])]
        function = match.group(2).split(" [")[0].strip()
        if function.startswith("???:0x"):
            address = int(function[4:].split("'")[0], 16)
            function = method_at(address, ranges, starts) or function
        for i, value in enumerate(values[:len(names)]):
            totals[function][i] += value

    col = {n: i for i, n in enumerate(names)}

    def misses(v, level):
        return v[col[level + "mr"]] + v[col[level + "mw"]]

    score = {"Ir": lambda v: v[col["Ir"]], "D1": lambda v: misses(v, "D1"), "LL": lambda v: misses(v, "DL")}[key]
    for function, v in sorted(totals.items(), key=lambda kv: -score(kv[1]))[:top]:
        print(f"{v[col['Ir']] / events:7.0f} Ir {misses(v, 'D1') / events:6.2f} D1m {misses(v, 'DL') / events:6.3f} LLm  {function[:160]}")


if __name__ == "__main__":
    main()
