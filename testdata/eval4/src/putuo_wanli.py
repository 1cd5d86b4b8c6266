from label import I, P

# 财政拨款支出主要内容 items 1-8: subject, amount, 2023 execution, 2024 budget, change vs 2023 execution
items = [
    ("专项普查活动", "25.77万元", "60.13万元", "25.77万元", "down", "57.14%"),
    ("群众团体事务一般行政管理事务", "42.60万元", "45.41万元", "42.60万元", "down", "6.19%"),
    ("组织事务一般行政管理事务", "88.87万元", "60.79万元", "88.87万元", "up", "46.19%"),
    ("宣传事务一般行政管理事务", "110.60万元", "114.00万元", "110.60万元", "down", "2.98%"),
    ("统战事务一般行政管理事务", "11.91万元", "9.00万元", "11.91万元", "up", "32.33%"),
    ("市场监督管理事务一般行政管理事务", "13.52万元", "14.62万元", "13.52万元", "down", "7.52%"),
    ("公共法律服务", "30.00万元", "15.00万元", "30.00万元", "up", "100.00%"),
    ("其他公共安全支出", "133.30万元", "130.23万元", "133.30万元", "up", "2.36%"),
]
lines = []
for subject, amount, done, budget, direction, pct in items:
    verb = "增加" if direction == "up" else "减少"
    lines += [I(subject, amount), I(subject + "2023年当年预算执行数", done), I(subject + "2024年预算安排", budget),
              I(subject + "比2023年预算执行数" + verb, pct, change=(direction, "2023年预算执行数"))]

D23 = ("down", "2023年预算")

# 2024年部门财务收支预算总表, 单位：元
fin = [("财政拨款收入", "156,211,123"), ("一般公共预算资金", "156,211,123"),
       ("一般公共服务支出", "2,932,700"), ("公共安全支出", "1,633,000"), ("教育支出", "250,000"),
       ("科学技术支出", "100,000"), ("文化旅游体育与传媒支出", "200,000"), ("社会保障和就业支出", "19,604,064"),
       ("卫生健康支出", "3,223,657"), ("城乡社区支出", "119,385,303"), ("住房保障支出", "8,882,399"),
       ("收入总计", "156,211,123"), ("支出总计", "156,211,123")]

DOC = {
    "document": "pdf_putuo_wanli_budget2024",
    "file": "pdf_putuo_wanli_budget2024.pdf",
    "notes": "上海普陀区万里街道2024年部门预算 (PDF, WPS). The 编制说明 paragraphs (0.00万元 lines are labelled: "
             "they are stated amounts; '比2023年预算持平' has no figure) and the first eight 财政拨款支出 items, each "
             "with amount, 2023 execution, 2024 budget and the % change against 2023 execution; an item's subject is "
             "its 项 (or 款+项 where the 项 is the generic 一般行政管理事务). The 财务收支预算总表 (单位：元) is labelled "
             "cell by cell where a cell holds a number; empty cells (政府性基金, 事业收入 …) are not labelled. "
             "The table of contents lists every table title, so the table passage is searched after the "
             "'2024年部门预算编制说明' heading of the body.",
    "passages": [
        P("wanli-explanation", "prose", "办事处收入预算", "其他公共安全支出经费增加。",
          "编制说明: budget totals, 比2023年预算减少, 0.00万元 lines, items 1-8 with execution and % change", [
              I("收入预算", "15621.11万元"), I("财政拨款收入", "15621.11万元"),
              I("财政拨款收入比2023年预算减少", "876.75万元", change=D23),
              I("事业收入", "0.00万元"), I("事业单位经营收入", "0.00万元"), I("其他收入", "0.00万元"),
              I("支出预算", "15621.11万元"), I("财政拨款支出预算", "15621.11万元"),
              I("财政拨款支出预算比2023年预算减少", "876.75万元", change=D23),
              I("一般公共预算拨款支出预算", "15621.11万元"),
              I("一般公共预算拨款支出预算比2023年预算减少", "876.75万元", change=D23),
              I("政府性基金拨款支出预算", "0.00万元"), I("国有资本经营预算拨款支出预算", "0.00万元"),
          ] + lines),
        P("wanli-fin-table", "table", "财务收支预算总表", "2024年部门收入预算总表",
          "2024年部门财务收支预算总表 (单位：元): income left, expenditure by function right, totals",
          [I(n, v, unit="元", mag=1) for n, v in fin], end_before=True, after="2024年部门预算编制说明",
          table_caption="部门财务收支预算总表"),
    ],
}
