"""Per-method counts of a callgrind run of the .NET benchmark (see scripts/callgrind-engine.sh, KEEP=<dir>).

    python3 scripts/callgrind-methods.py <callgrind output> <perf map> [Ir|D1|LL] [top] [events] [--inclusive]

Callgrind names JIT-compiled code by address only, and by the address where it was entered: a method reached
through a precode's jump is counted under the precode, with every method it jumps to after it. So the costs
are taken per instruction (callgrind-engine.sh records them with --dump-instr=yes when KEEP is set), and each
instruction is named by the method whose range in the runtime's perf map (DOTNET_PerfMapEnabled=1) holds it.
Code outside the map is named by callgrind's function; where the process's memory map was kept beside the perf
map (<name>.maps, from /proc/<pid>/maps), code in a file (CoreLib's precompiled methods, the runtime) is named by
the file and the offset of its most executed instruction, to be disassembled from the file (objdump -b binary). Prints
the methods with the most instructions (Ir), first-level misses (D1) or last-level misses (LL), per counted
event (100,000 unless given: the default of callgrind-engine.sh). With --inclusive, a method's count takes in
the methods it calls (named by the callee's entry address; recursion is counted once per level).
"""
import bisect
import collections
import re
import sys

COST_LINE = re.compile(r"^[0-9+\-*]")
NAMED = re.compile(r"^(fn|cfn|ob|cob)=\((\d+)\)(?: (.*))?$")


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


def load_images(perf_map):
    """Executable file mappings of the process, if its memory map was kept beside the perf map."""
    images = []
    try:
        lines = open(perf_map.rsplit(".", 1)[0] + ".maps", encoding="utf-8", errors="replace").readlines()
    except OSError:
        return images
    for line in lines:
        parts = line.split()
        if len(parts) >= 6 and "x" in parts[1] and parts[5].startswith("/"):
            start, end = (int(a, 16) for a in parts[0].split("-"))
            images.append((start, end, int(parts[2], 16), parts[5].rsplit("/", 1)[-1]))
    return images


def image_name(address, images, function):
    for start, end, offset, name in images:
        if start <= address < end:
            return f"{name}, hottest at +{address - start + offset:#x} (entered at {function})"
    return function


def position(token, last):
    if token.startswith("0x"):
        return int(token, 16)
    if token[0] == "+":
        return last + int(token[1:])
    if token[0] == "-":
        return last - int(token[1:])
    return last


def read_costs(output, ranges, starts, images, inclusive):
    """Per method name: summed costs; self costs by instruction, or inclusive costs by callgrind function."""
    events, totals = None, collections.defaultdict(lambda: None)
    names, function, last, call_cost_next = {}, "", 0, False
    hottest = collections.defaultdict(collections.Counter)
    for line in open(output, encoding="utf-8", errors="replace"):
        if line.startswith("events:"):
            events = line.split()[1:]
            continue
        if COST_LINE.match(line):
            fields = line.split()
            last = position(fields[0], last)
            is_call_cost = call_cost_next
            call_cost_next = False
            if is_call_cost and not inclusive:
                continue  # a call's inclusive cost: the callee's own lines count it
            if inclusive:
                name = function
            else:
                name = method_at(last, ranges, starts)
                if name is None:
                    name = "\0" + function
                    hottest[function][last] += int(fields[2]) if len(fields) > 2 else 0
            values = [int(v) for v in fields[2:]]
            values += [0] * (len(events) - len(values))
            current = totals[name]
            totals[name] = values if current is None else [a + b for a, b in zip(current, values)]
            continue
        if line.startswith("calls="):
            call_cost_next = True
            continue
        match = NAMED.match(line.rstrip("\n"))
        if match:
            kind, key, text = match.groups()
            if text:
                names[(kind.lstrip("c"), key)] = text
            if kind == "fn":
                function = names.get(("fn", key), key)
    for function, counts in hottest.items():
        # Outside the perf map, the function's most executed instruction says where its code is.
        totals[image_name(counts.most_common(1)[0][0], images, function)] = totals.pop("\0" + function)
    if inclusive:
        renamed = collections.defaultdict(lambda: [0] * len(events))
        for name, values in totals.items():
            address = re.match(r"0x([0-9a-f]+)", name)
            label = (method_at(int(address.group(1), 16), ranges, starts) if address else None) or name
            renamed[label] = [a + b for a, b in zip(renamed[label], values)]
        totals = renamed
    return events, totals


def main():
    arguments = [a for a in sys.argv[1:] if a != "--inclusive"]
    inclusive = len(arguments) != len(sys.argv) - 1
    output, perf_map = arguments[0], arguments[1]
    key = arguments[2] if len(arguments) > 2 else "Ir"
    top = int(arguments[3]) if len(arguments) > 3 else 30
    events = int(arguments[4]) if len(arguments) > 4 else 100_000
    ranges, starts = load_map(perf_map)
    names, totals = read_costs(output, ranges, starts, load_images(perf_map), inclusive)
    col = {n: i for i, n in enumerate(names)}

    def misses(v, level):
        return v[col[level + "mr"]] + v[col[level + "mw"]]

    score = {"Ir": lambda v: v[col["Ir"]], "D1": lambda v: misses(v, "D1"), "LL": lambda v: misses(v, "DL")}[key]
    every = [sum(v[i] for v in totals.values()) for i in range(len(names))]
    if not inclusive:
        print(f"{every[col['Ir']] / events:7.0f} Ir {misses(every, 'D1') / events:6.2f} D1m "
              f"{misses(every, 'DL') / events:6.3f} LLm  (everything counted)")
    for function, v in sorted(totals.items(), key=lambda kv: -score(kv[1]))[:top]:
        print(f"{v[col['Ir']] / events:7.0f} Ir {misses(v, 'D1') / events:6.2f} D1m {misses(v, 'DL') / events:6.3f} LLm  "
              f"(LL writes {v[col['DLmw']] / events:5.3f})  {function[:150]}")


if __name__ == "__main__":
    main()
