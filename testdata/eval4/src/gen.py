"""Writes testdata/eval4/<document>.json from the label modules in this folder.

    cd testdata/eval4/src && python3 gen.py
"""
import json
import os

import gwr_beijing
import gwr_guangdong
import gwr_henan
import gwr_xizang
import html_govcn
import putuo_ghzy
import putuo_swj
import putuo_wanli
import qiandongnan
import txt_national
import zhoukou

DOCS = [zhoukou.DOC, qiandongnan.DOC, putuo_wanli.DOC, putuo_ghzy.DOC, putuo_swj.DOC, gwr_henan.DOC,
        gwr_beijing.DOC, gwr_xizang.DOC, gwr_guangdong.DOC, txt_national.DOC] + html_govcn.DOCS

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

if __name__ == "__main__":
    total = 0
    for doc in DOCS:
        n = sum(len(p["indicators"]) for p in doc["passages"])
        total += n
        with open(os.path.join(OUT, doc["document"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("%-28s %2d passages %4d figures" % (doc["document"], len(doc["passages"]), n))
    print("total %d figures" % total)
