#!/usr/bin/python3
"""The Python peer of `gongwen extract`: what a researcher would write with
jieba and regular expressions. For each text file under the given paths it
cuts the text with jieba (accurate mode, HMM on), finds document numbers,
dates and numbers with units, names each number by the words before it in
its clause (from the same cut), and prints one JSON object per file.

    /usr/bin/python3 bench/peer.py DIR > peer.jsonl

Debian: apt-get install python3-jieba (the system python3, not a pyenv one).
"""
import bisect
import json
import os
import re
import sys

import jieba

jieba.setLogLevel(60)

DOCNUM = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［【（(]\s*(\d{4})\s*[〕\]］】）)]\s*(\d{1,4})\s*号")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
NUMBER = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(余|多)?\s*"
    r"(亿元|万元|千元|元|万人次|人次|万人|人|件次|件|个|项|次|期|条|家|所|户|%|％|个百分点|平方公里|公里|亩|吨)"
)
SCALE = {"亿元": 1e8, "万元": 1e4, "千元": 1e3, "万人次": 1e4, "万人": 1e4}
CLAUSE = re.compile(r"[，,。；;：:！？\n]")


def name_of(text, tokens, start):
    """The words of the clause before a number, without leading words of
    counting (全年, 共): the indicator's name. tokens are jieba's
    (word, start, end) for the whole text."""
    clause_start = 0
    for m in CLAUSE.finditer(text, max(0, start - 60), start):
        clause_start = m.end()
    lo = bisect.bisect_left(tokens, clause_start, key=lambda t: t[1])
    hi = bisect.bisect_left(tokens, start, key=lambda t: t[1])
    words = [w for w, s, e in tokens[lo:hi] if w.strip() and e <= start]
    while words and words[0] in ("全年", "共", "累计", "其中", "全市", "全县", "全区"):
        words.pop(0)
    while words and words[-1] in ("共", "达", "为", "达到", "约", "计"):
        words.pop()
    return "".join(words[-4:])


def extract(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    tokens = list(jieba.tokenize(text))
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    docnums = [{"text": m.group(0), "year": int(m.group(1)), "serial": int(m.group(2))}
               for m in DOCNUM.finditer(text)]
    dates = ["%s-%02d-%02d" % (m.group(1), int(m.group(2)), int(m.group(3))) for m in DATE.finditer(text)]
    dates += [m.group(0) for m in ISO_DATE.finditer(text)]
    indicators = []
    for m in NUMBER.finditer(text):
        value = float(m.group(1).replace(",", "")) * SCALE.get(m.group(3), 1)
        indicators.append({"name": name_of(text, tokens, m.start()), "value": value, "unit": m.group(3),
                           "approx": bool(m.group(2)), "text": m.group(0)})
    return {"file": path, "title": lines[0] if lines else "", "words": len(tokens),
            "doc_numbers": docnums, "dates": dates, "indicators": indicators}


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith(".txt"):
                        yield os.path.join(root, n)
        else:
            yield p


def main():
    out = sys.stdout
    for path in files(sys.argv[1:]):
        out.write(json.dumps(extract(path), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
