"""Helpers that turn a figure's own text into a labelled indicator.

A label is written as I(name, text, ...): the value and unit are computed from
`text` (the figure exactly as the document writes it), so 万/亿 arithmetic is
mechanical. Table cells whose unit sits in a heading pass `unit` and `mag`.
"""
import re
from decimal import Decimal

MAGNITUDES = [("万亿", 1000000000000), ("亿", 100000000), ("万", 10000), ("千", 1000), ("百", 100)]
# Units that start with a magnitude character but are units themselves.
KEEP = ("千瓦", "千米", "千克", "千升", "千伏安时", "百分点")
PERCENT = ("%", "‰", "个百分点")
MONEY = ("元", "美元", "港元")
MEASURE = ("公里", "吨", "亩", "公顷", "平方米", "平方公里", "千瓦", "千瓦时", "微克/立方米", "吨公里",
           "人公里", "斤", "米", "毫米", "分钟", "天", "年", "Gbps", "公里/百平方公里", "立方米")
APPROX_IN_TEXT = ("余", "多")
NUMBER = re.compile(r"^-?[0-9][0-9,]*(\.[0-9]+)?")


def I(name, text, unit=None, mag=None, value=None, kind=None, approx=False, change=None, target=False,
      unsure=None):
    """One labelled figure.

    change: None for a level, "up"/"down"/"flat", or ("up", "上年") with the base as written.
    unsure: attributes not scored for this figure ("change", "target") where the text leaves them open.
    """
    t = re.sub(r"\s+", "", text)
    rest = t
    if value is None:
        m = NUMBER.match(t)
        if not m:
            raise ValueError("no number in %r; pass value=" % text)
        value = m.group(0).replace(",", "")
        rest = t[m.end():]
    for a in APPROX_IN_TEXT:
        if a in rest:
            approx = True
            rest = rest.replace(a, "")
    if mag is None:
        mag = 1
        if not rest.startswith(KEEP):
            for word, factor in MAGNITUDES:
                if rest.startswith(word) and len(rest) > len(word):
                    mag, rest = factor, rest[len(word):]
                    break
                if rest == word:  # a bare 万 / 亿: unit must be given
                    mag, rest = factor, ""
                    break
    if unit is None:
        unit = rest
    if not unit:
        raise ValueError("no unit for %r" % text)
    v = Decimal(str(value)) * Decimal(str(mag))
    v = int(v) if v == v.to_integral_value() else float(v)
    out = {"name": name, "value": v, "unit": unit, "text": text}
    if kind is None:
        if unit in PERCENT:
            kind = "percent"
        elif unit in MONEY or unit.endswith("元"):
            kind = "money"
        elif unit in MEASURE:
            kind = "measure"
    if kind and kind != "count":
        out["kind"] = kind
    if approx:
        out["approx"] = True
    if change:
        if isinstance(change, str):
            change = (change, "")
        out["change"] = {"direction": change[0], "base": change[1]}
    if target:
        out["target"] = True
    if unsure:
        out["unsure"] = list(unsure)
    return out


def R(name, text, value, unit="位", **kw):
    """A rank: 第3位, 首位, 全国第一."""
    return I(name, text, unit=unit, value=value, kind="rank", **kw)


def P(id, kind, start, end, about, labels, end_before=False, after=None, table_caption=None, table_cell=None):
    """A passage located by short anchors in the extracted text (whitespace ignored).

    start: the passage begins where this anchor begins; after: search for start only
    after this anchor (to skip a table of contents); end: the passage ends where this
    anchor ends (or begins, with end_before). A table passage can also be found among
    the document's tables, by a caption fragment or an exact cell.
    """
    p = {"id": id, "kind": kind, "about": about, "start": start, "end": end}
    if end_before:
        p["end_before"] = True
    if after:
        p["after"] = after
    if table_caption:
        p["table_caption"] = table_caption
    if table_cell:
        p["table_cell"] = table_cell
    p["indicators"] = labels
    return p
