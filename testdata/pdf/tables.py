"""tables.py OUT KIND writes the LibreOffice document (flat ODT) of a table fixture; make.sh turns it
into a PDF. The text and figures are made up.

KIND form: an annual-report style page with ruled tables: band rows and a cell spanning three
columns; a header cell spanning two rows and one spanning five columns; a group label in a narrow
cell spanning seven rows (one character a line); labels wrapped over two and three lines with the
numbers centred beside them; and a table ruled only above and below its header and at its foot.

KIND long: two ruled tables of 39 rows across a page break, the first repeating its header row on
the next page, the second not; with a running header and a page-number footer.
"""
import html
import sys

out = sys.argv[1]

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="CJK" svg:font-family="'Noto Sans CJK SC'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="CJK" style:font-name-asian="CJK" fo:font-size="10.5pt"
   style:font-size-asian="10.5pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="0.74cm" fo:text-align="justify" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
  <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph"/>
 <style:style style:name="Center" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="Num" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="Running" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Ruled" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle"/>
 </style:style>
 <style:style style:name="Top" style:family="table-cell">
  <style:table-cell-properties fo:border-top="1pt solid #000000" fo:border-bottom="0.5pt solid #000000" fo:border-left="none" fo:border-right="none" fo:padding="0.08cm"/>
 </style:style>
 <style:style style:name="Open" style:family="table-cell">
  <style:table-cell-properties fo:border="none" fo:padding="0.05cm"/>
 </style:style>
 <style:style style:name="Foot" style:family="table-cell">
  <style:table-cell-properties fo:border-top="none" fo:border-bottom="1pt solid #000000" fo:border-left="none" fo:border-right="none" fo:padding="0.05cm"/>
 </style:style>
%(colstyles)s
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm"
   fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
%(running)s
 </style:master-page>
</office:master-styles>
<office:body><office:text>
'''
TAIL = '</office:text></office:body></office:document>\n'

colstyles = []
def table_widths(name, widths):
    colstyles.append(f' <style:style style:name="{name}" style:family="table">\n  <style:table-properties style:width="{sum(widths):.2f}cm" table:align="center"/>\n </style:style>')
    cols = []
    for i, w in enumerate(widths):
        colstyles.append(f' <style:style style:name="{name}.{i}" style:family="table-column">\n  <style:table-column-properties style:column-width="{w:.2f}cm"/>\n </style:style>')
        cols.append(f'<table:table-column table:style-name="{name}.{i}"/>')
    return cols

def p(style, text):
    return f'<text:p text:style-name="{style}">{html.escape(text)}</text:p>\n'

def cell(text, cs=1, rs=1, style="Ruled", para=None):
    if para is None:
        para = "Num" if text.replace('.', '').replace('-', '').isdigit() else "Cell"
    attrs = ''
    if cs > 1: attrs += f' table:number-columns-spanned="{cs}"'
    if rs > 1: attrs += f' table:number-rows-spanned="{rs}"'
    out = f'<table:table-cell table:style-name="{style}" office:value-type="string"{attrs}>{p(para, text).strip()}</table:table-cell>'
    out += '<table:covered-table-cell/>' * (cs - 1)
    return out

def covered(n=1):
    return '<table:covered-table-cell/>' * n

def row(*cells):
    return '<table:table-row>' + ''.join(cells) + '</table:table-row>\n'

def table(name, widths, rows, header_rows=None):
    cols = table_widths(name, widths)
    out = f'<table:table table:name="{name}" table:style-name="{name}">' + ''.join(cols) + '\n'
    if header_rows:
        out += '<table:table-header-rows>\n' + ''.join(header_rows) + '</table:table-header-rows>\n'
    out += ''.join(rows) + '</table:table>\n'
    return out

def nums(*v):
    return [cell(str(x)) for x in v]

def form():
    body = p("Title", "青山县人民政府办公室2024年政府信息公开工作年度报告")
    body += p("Body", "本报告由青山县人民政府办公室编制，所列数据的统计期限自2024年1月1日起至2024年12月31日止。全年共收到政府信息公开申请45件，均在法定期限内答复。")
    body += p("Heading", "二、主动公开政府信息情况")
    w = [4.6, 3.8, 3.8, 3.8]
    rows = [
        row(cell("第二十条第（一）项", cs=4, para="Center")),
        row(cell("信息内容", para="Center"), cell("本年制发件数", para="Center"), cell("本年废止件数", para="Center"), cell("现行有效件数", para="Center")),
        row(cell("规章"), *nums(2, 0, 9)),
        row(cell("行政规范性文件"), *nums(5, 1, 31)),
        row(cell("第二十条第（五）项", cs=4, para="Center")),
        row(cell("信息内容", para="Center"), cell("本年处理决定数量", cs=3, para="Center")),
        row(cell("行政许可"), cell("1208", cs=3, para="Center")),
    ]
    body += table("Active", w, rows)
    body += p("Heading", "三、收到和处理政府信息公开申请情况")
    w = [0.6, 2.6, 4.6, 1.6, 1.6, 1.6, 1.6, 1.8]
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    rows = [
        row(cell(note, cs=3, rs=2), cell("申请人情况", cs=5, para="Center")),
        row(covered(3), cell("自然人", para="Center"), cell("商业企业", para="Center"), cell("科研机构", para="Center"), cell("其他组织", para="Center"), cell("总计", para="Center")),
        row(cell("一、本年新收政府信息公开申请数量", cs=3), *nums(41, 3, 0, 1, 45)),
        row(cell("二、上年结转政府信息公开申请数量", cs=3), *nums(2, 0, 0, 0, 2)),
        row(cell("三、本年度办理结果", rs=7, para="Center"), cell("（一）予以公开", cs=2), *nums(20, 1, 0, 0, 21)),
        row(covered(), cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", cs=2), *nums(6, 0, 0, 0, 6)),
        row(covered(), cell("（三）不予公开", rs=2), cell("1.属于国家秘密"), *nums(0, 0, 0, 0, 0)),
        row(covered(2), cell("2.其他法律行政法规禁止公开"), *nums(1, 0, 0, 0, 1)),
        row(covered(), cell("（四）无法提供", rs=2), cell("1.本机关不掌握相关政府信息"), *nums(9, 1, 0, 1, 11)),
        row(covered(2), cell("2.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), *nums(2, 0, 0, 0, 2)),
        row(covered(), cell("（五）总计", cs=2), *nums(38, 2, 0, 1, 41)),
        row(cell("四、结转下年度继续办理", cs=3), *nums(5, 1, 0, 0, 6)),
    ]
    body += table("Requests", w, rows)
    body += p("Heading", "四、主要经济指标")
    body += p("Caption", "表1 青山县2024年主要经济指标")
    w = [5.0, 2.4, 3.2, 3.4]
    rows = [row(cell("指标", style="Top"), cell("单位", style="Top"), cell("绝对数", style="Top", para="Num"), cell("比上年增长（%）", style="Top", para="Num"))]
    data = [("地区生产总值", "亿元", "182.6", "5.4"), ("第一产业增加值", "亿元", "21.3", "3.1"),
            ("第二产业增加值", "亿元", "70.9", "6.2"), ("第三产业增加值", "亿元", "90.4", "5.3"),
            ("一般公共预算收入", "亿元", "9.82", "-2.7"), ("城镇居民人均可支配收入", "元", "41260", "4.6")]
    for i, (a, b, c, d) in enumerate(data):
        st = "Foot" if i == len(data) - 1 else "Open"
        rows.append(row(cell(a, style=st), cell(b, style=st), cell(c, style=st), cell(d, style=st)))
    body += table("Economy", w, rows)
    body += p("Body", "以上数据为初步统计数，最终以统计年鉴公布的数据为准。")
    return body

def long_tables():
    body = p("Title", "青山县2024年乡镇统计资料")
    body += p("Body", "本资料汇总全县乡镇的主要统计指标，供有关部门参考使用。各乡镇数据由乡镇统计站报送，县统计局审核。")
    towns = ["城关镇", "东岭镇", "西坪镇", "南河乡", "北山乡", "石桥镇", "柳林乡", "青龙镇", "白沙乡", "梅溪镇",
             "竹园乡", "桃源镇", "高坪乡", "新田镇", "黄土乡", "红星镇", "清水乡", "大岭镇", "小河乡", "长坡镇",
             "双溪乡", "马鞍镇", "凤凰乡", "龙潭镇", "金山乡", "银湖镇", "铜鼓乡", "铁炉镇", "木兰乡", "水口镇",
             "火田乡", "土城镇", "三江乡", "四方镇", "五里乡", "六合镇", "七星乡", "八角镇"]
    body += p("Caption", "表1 各乡镇年末户籍人口（重复表头）")
    w = [4.2, 3.6, 3.6, 3.6]
    head = [row(cell("乡镇", para="Center"), cell("户数（户）", para="Center"), cell("人口（人）", para="Center"), cell("比上年增长（%）", para="Center"))]
    rows = []
    for i, t in enumerate(towns):
        name = t if i != 5 else t + "（含原石桥乡和原河口乡合并后的全部行政村）"
        rows.append(row(cell(name), *nums(1200 + 37 * i, 3900 + 113 * i, f"{(i % 7) - 2.5:.1f}")))
    rows.append(row(cell("合计", para="Center"), *nums(sum(1200 + 37 * i for i in range(len(towns))), sum(3900 + 113 * i for i in range(len(towns))), "0.4")))
    body += table("Repeated", w, rows, header_rows=head)
    body += p("Body", "户籍人口按公安部门年末户籍登记数统计。")
    body += p("Caption", "表2 各乡镇粮食产量（表头不重复）")
    rows = [row(cell("乡镇", para="Center"), cell("播种面积（亩）", para="Center"), cell("产量（吨）", para="Center"), cell("比上年增长（%）", para="Center"))]
    for i, t in enumerate(towns):
        rows.append(row(cell(t), *nums(5200 + 211 * i, 2100 + 89 * i, f"{3.5 - (i % 5):.1f}")))
    body += table("Single", w, rows)
    body += p("Body", "粮食产量包括谷物、豆类和薯类。")
    return body


kind = sys.argv[2]
if kind == "form":
    body, running = form(), ''
else:
    body = long_tables()
    running = ('  <style:header><text:p text:style-name="Running">青山县统计局</text:p></style:header>\n'
               '  <style:footer><text:p text:style-name="Running">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>')
open(out, "w").write(HEAD % {"colstyles": "\n".join(colstyles), "running": running} + body + TAIL)
