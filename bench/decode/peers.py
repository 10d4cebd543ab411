#!/usr/bin/env python3
"""Peers and the table for bench/decode/run.sh.

  peers.py time DIR RUNS         time Python's decoders and iconv -c on DIR/<encoding>.<kind> (written by
                                 decode_bench --write-inputs); prints RESULT lines like decode_bench's
  peers.py table RESULTS         the table from all RESULT lines (medians across rounds)
"""
import os
import statistics
import subprocess
import sys
import time

PYTHON_NAMES = {"UTF-8": "utf-8", "GB2312": "gb2312", "GBK": "gbk", "GB18030": "gb18030", "Big5": "big5",
                "Latin-1": "latin-1"}
ICONV_NAMES = {"UTF-8": "UTF-8", "GB2312": "GB2312", "GBK": "GBK", "GB18030": "GB18030", "Big5": "BIG5",
               "Latin-1": "LATIN1"}
ENCODINGS = list(PYTHON_NAMES)
KINDS = ["ff", "80", "random", "alternating", "text", "ascii"]
ICONV_COPIES = 50
TARGET_US = 1000.0


def median_us(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        fn()
        times.append((time.perf_counter_ns() - t0) / 1000.0)
    return statistics.median(times)


def iconv_us(encoding, path, runs):
    """Per datagram: iconv -c over ICONV_COPIES copies in one process, minus the same process on no input."""
    base = ["iconv", "-c", "-f", ICONV_NAMES[encoding], "-t", "UTF-8"]

    def run(files):
        subprocess.run(base + files, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    empty = median_us(lambda: run(["/dev/null"]), runs)
    full = median_us(lambda: run([path] * ICONV_COPIES), runs)
    return max(0.0, (full - empty) / ICONV_COPIES)


def time_peers(directory, runs):
    have_iconv = subprocess.run(["sh", "-c", "command -v iconv"], stdout=subprocess.DEVNULL).returncode == 0
    for enc in ENCODINGS:
        for kind in KINDS:
            path = os.path.join(directory, f"{enc}.{kind}")
            with open(path, "rb") as f:
                data = f.read()
            name = PYTHON_NAMES[enc]
            se = median_us(lambda: data.decode(name, "surrogateescape"), runs)
            br = median_us(lambda: data.decode(name, "backslashreplace"), runs)
            line = f"RESULT label=python enc={enc} kind={kind} se_us={se:.1f} br_us={br:.1f}"
            if have_iconv:
                line += f" iconv_us={iconv_us(enc, path, max(3, runs // 4)):.1f}"
            print(line, flush=True)


def parse(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith("RESULT "):
                rows.append(dict(kv.split("=", 1) for kv in line.split()[1:]))
    return rows


def med(rows, label, enc, kind, key):
    values = [float(r[key]) for r in rows
              if r.get("label") == label and r.get("enc") == enc and (kind is None or r.get("kind") == kind)
              and key in r]
    return statistics.median(values) if values else None


def fmt(v, digits=0):
    return "n/a" if v is None else f"{v:.{digits}f}"


def ratio(a, b):
    return "n/a" if a is None or b is None or b <= 0 else f"{a / b:.2f}x"


def table(path):
    rows = parse(path)
    rounds = len([r for r in rows if r.get("label") == "after" and r.get("kind") == "ff" and r.get("enc") == "UTF-8"])
    print(f"TextCodec::decode of one 65,507-byte datagram, median µs (median of {rounds} round(s), each the median"
          " of RUNS decodes); before = the code at BEFORE, after = this tree; +visible = decode + visibleText;"
          " python = bytes.decode(enc, 'surrogateescape' / 'backslashreplace'); iconv = iconv -c to UTF-8, per"
          f" datagram ({ICONV_COPIES} per process, start-up subtracted). Target: after <= {TARGET_US:.0f} µs.")
    head = ["encoding", "input", "before", "after", "before/after", "+visible", "py se", "py br", "iconv -c",
            "after/py se", "after/iconv", "target"]
    widths = [8, 11, 9, 7, 12, 8, 8, 8, 8, 11, 11, 6]
    print("  ".join(h.rjust(w) if i > 1 else h.ljust(w) for i, (h, w) in enumerate(zip(head, widths))))
    for enc in ENCODINGS:
        for kind in KINDS:
            before = med(rows, "before", enc, kind, "decode_us")
            after = med(rows, "after", enc, kind, "decode_us")
            visible = med(rows, "after", enc, kind, "visible_us")
            se = med(rows, "python", enc, kind, "se_us")
            br = med(rows, "python", enc, kind, "br_us")
            ic = med(rows, "python", enc, kind, "iconv_us")
            verdict = "n/a" if after is None else ("ok" if after <= TARGET_US else "MISSED")
            cells = [enc, kind, fmt(before), fmt(after), ratio(before, after), fmt(visible), fmt(se), fmt(br),
                     fmt(ic), ratio(after, se), ratio(after, ic), verdict]
            print("  ".join(c.rjust(w) if i > 1 else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))))
    print()
    print("First decode in the process per encoding, µs (opens the converter; after: also builds the tables):")
    for enc in ENCODINGS:
        print(f"  {enc:8}  before {fmt(med(rows, 'before', enc, None, 'first_us')):>6}"
              f"  after {fmt(med(rows, 'after', enc, None, 'first_us')):>6}")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "time":
        time_peers(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "table":
        table(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
