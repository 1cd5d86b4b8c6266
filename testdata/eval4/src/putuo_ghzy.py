from label import I, P

UP = "up"
B23 = ("up", "2023年度")

# 收入支出决算总表, 单位：万元
fin = [("一般公共预算财政拨款收入", "9746.50"), ("社会保障和就业支出", "754.75"), ("卫生健康支出", "236.63"),
       ("城乡社区支出", "3845.25"), ("自然资源海洋气象等支出", "4461.67"), ("住房保障支出", "461.08"),
       ("本年收入合计", "9746.50"), ("本年支出合计", "9759.38"), ("年初结转和结余", "112.88"),
       ("年末结转和结余", "100.00"), ("收入总计", "9859.38"), ("支出总计", "9859.38")]

DOC = {
    "document": "pdf_putuo_ghzy_final2024",
    "file": "pdf_putuo_ghzy_final2024.pdf",
    "notes": "上海普陀区规划和自然资源局2024年度部门决算 (PDF, Word 2010). The 情况说明 sections 一 to 五(二): "
             "totals, 占 shares, changes against 2023年度, and '较上一度增加1133.95万元' (three times; base left "
             "empty: 上一度 is a typo for 上一年度). Left out: '增长 13.95。' in 五(一), written without a unit "
             "(a typo for 13.95%). The 收入支出决算总表 (单位：万元) is labelled where a cell holds a number; its "
             "城乡社区支出 reads 3845.25 although the prose says 3832.36 (the source disagrees with itself). "
             "Its title also appears in the table of contents and inside 财政拨款收入支出决算总表, so the table "
             "passage starts at its first row label.",
    "passages": [
        P("ghzy-explanation", "prose", "年度收入支出总计", "占4.73%。",
          "决算情况说明 一-五(二): totals, shares, changes against 2023年度, spending by function with shares", [
              I("收入支出总计", "9859.38万元"), I("收入支出总计增加", "1062.85万元", change=B23),
              I("收入支出总计增长", "12.08%", change=B23), I("项目支出增加", "1133.95万元", change=UP),
              I("本年收入合计", "9746.50万元"), I("财政拨款收入", "9746.50万元"), I("财政拨款收入占比", "100.00%"),
              I("本年支出合计", "9759.38万元"), I("基本支出", "5377.64万元"), I("基本支出占比", "55.10%"),
              I("项目支出", "4381.74万元"), I("项目支出占比", "44.90%"),
              I("财政拨款收入支出总计", "9746.50万元"), I("财政拨款收入支出总计增加", "1193.20万元", change=B23),
              I("财政拨款收入支出总计增长", "13.95%", change=B23), I("项目支出增加", "1133.95万元", change=UP),
              I("一般公共预算财政拨款支出", "9746.50万元"), I("一般公共预算财政拨款支出占本年支出合计", "99.86%"),
              I("一般公共预算财政拨款支出增加", "1193.20万元", change=B23), I("项目支出增加", "1133.95万元", change=UP),
              I("一般公共预算财政拨款支出", "9746.50万元"),
              I("社会保障和就业支出", "754.75万元"), I("社会保障和就业支出占比", "7.74%"),
              I("卫生健康支出", "236.63万元"), I("卫生健康支出占比", "2.43%"),
              I("城乡社区支出", "3832.36万元"), I("城乡社区支出占比", "39.32%"),
              I("自然资源海洋气象等支出", "4461.67万元"), I("自然资源海洋气象等支出占比", "45.78%"),
              I("住房保障支出", "461.08万元"), I("住房保障支出占比", "4.73%"),
          ]),
        P("ghzy-fin-table", "table", "一、一般公共预算财政拨款收入", "本表反映部门本年度的总收支",
          "收入支出决算总表 (单位：万元): income and expenditure by function, totals, carry-over",
          [I(n, v, unit="元", mag=10000) for n, v in fin], end_before=True,
          table_cell="一、一般公共预算财政拨款收入"),
    ],
}
