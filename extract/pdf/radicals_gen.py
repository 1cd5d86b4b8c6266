#!/usr/bin/env python3
"""Writes radicals.go from /usr/share/unicode/EquivalentUnifiedIdeograph.txt (Debian package unicode-data)."""
rows = []
for line in open('/usr/share/unicode/EquivalentUnifiedIdeograph.txt'):
    line = line.split('#')[0].strip()
    if not line:
        continue
    src, dst = [x.strip() for x in line.split(';')]
    lo, _, hi = src.partition('..')
    for c in range(int(lo, 16), int(hi or lo, 16) + 1):
        rows.append((c, int(dst, 16)))
out = ['// Code generated from Unicode 15.0 EquivalentUnifiedIdeograph.txt (Debian unicode-data) by',
       '// radicals_gen.py; DO NOT EDIT.', '', 'package pdf', '',
       '// radicals maps CJK radicals and strokes to the ideograph they stand for. Fonts such as Noto CJK',
       '// share one glyph between 青 and the radical ⻘, and some producers (Chromium) map the glyph to the',
       '// radical in the ToUnicode map.',
       'var radicals = map[rune]rune{']
line = ''
for a, b in rows:
    item = '0x%04X: 0x%04X, ' % (a, b)
    if len(line) + len(item) > 110:
        out.append('\t' + line.rstrip())
        line = ''
    line += item
out.append('\t' + line.rstrip())
out.append('}')
open('radicals.go', 'w').write('\n'.join(out) + '\n')
