from label import I, P

UP, DOWN = "up", "down"
Y = ("up", "上年")

# 表3 主要农产品产量及增速: 产量（万吨）, 比上年增长（%）
crops = [("粮食", "902.61", "-3.2"), ("夏粮", "508.58", "-8.6"), ("秋粮", "394.03", "4.8"),
         ("谷物", "874.82", "-3.3"), ("小麦", "508.58", "-8.6"), ("玉米", "365.54", "5.2"),
         ("豆类", "17.11", "2.9"), ("薯类（鲜薯）", "53.42", "-1.1"), ("油料", "56.43", "6.8"),
         ("花生", "50.65", "7.5"), ("蔬菜及食用菌", "1186.96", "4.2"), ("瓜果", "356.92", "1.4"),
         ("猪肉", "55.08", "4.7"), ("牛肉", "2.87", "7.1"), ("羊肉", "4.28", "2.6"), ("禽肉", "22.23", "4.8"),
         ("禽蛋", "49.48", "-2.0"), ("牛奶", "4.32", "10.9")]
table3 = []
for row, amount, growth in crops:
    table3.append(I(row + "产量", amount, unit="吨", mag=10000, kind="measure"))
    g = float(growth)
    table3.append(I(row + "产量比上年增长", growth, unit="%", value=abs(g),
                    change=("down" if g < 0 else "up", "上年")))

schools = [  # subject, 所, 毕业生, 在校生, 招生, 教职工 (万人)
    ("高等教育学校", "5所", "2.49万人", "10.64万人", "4.26万人", "0.47万人"),
    ("中等职业教育学校（含技工）", "37所", "2.19万人", "6.85万人", "2.27万人", "0.48万人"),
    ("普通高中学校", "70所", "6.99万人", "22.95万人", "7.88万人", "2.07万人"),
    ("初级中学", "461所", "14.49万人", "46.5万人", "15.55万人", "4.55万人"),
    ("普通小学学校", "1705所", "15.54万人", "92.53万人", "13.8万人", "5.8万人"),
    ("幼儿园", "2275所", "13.85万人", "31.69万人", "7.92万人", "3.03万人"),
]
education = [I("各级各类学校", "4563所"), I("各级各类学校毕业生", "55.6万人"), I("各级各类学校在校生", "211.74万人"),
             I("各级各类学校招生", "51.75万人"), I("各级各类学校教职工", "16.49万人")]
for subject, n, grad, enrolled, admitted, staff in schools:
    education += [I(subject, n), I(subject + "毕业生", grad), I(subject + "在校生", enrolled),
                  I(subject + "招生", admitted), I(subject + "教职工", staff)]
education += [I("特殊教育（含随班就读）", "10所"), I("特殊教育在校生", "5820人"), I("特殊教育招生", "707人"),
              I("特殊教育教职工", "457人"),
              I("民办学校", "1858所"), I("民办学校招生", "15.3万人"), I("民办学校在校生", "61.42万人"),
              I("民办学校毕业生", "21.07万人"), I("民办学校教职工", "5.38万人")]

DOC = {
    "document": "pdf_zhoukou_tjgb2023",
    "file": "pdf_zhoukou_tjgb2023.pdf",
    "notes": "周口市2023年统计公报 (PDF). Employment, market entities and CPI prose; table 3 (crop output, unit 万吨 in "
             "the heading, growth column with negative cells: value kept positive, direction down, as CONTRACT.md "
             "says for changes); the education paragraph, where each count's subject (高等教育学校, 普通高中学校…) "
             "comes from the clause before and a page number sits inside the 幼儿园 sentence. CPI items name the "
             "price category with the verb (鲜菜类价格下降). '均超额完成年度目标任务' has no figure.",
    "passages": [
        P("zk-employment", "prose", "全年全市实现新增城镇就业", "其他用品及服务类价格上涨2.7%。",
          "employment, market entities, CPI by category (上涨/下降, 与上年持平 without a figure)", [
              I("新增城镇就业", "7.52万人"), I("失业人员实现再就业", "1.71万人"), I("就业困难人员实现就业", "6355人"),
              I("新增农村劳动力转移就业", "4.73万人"), I("新增返乡入乡创业", "1.68万人"), I("新增技能人才", "24.2万人"),
              I("新增高技能人才", "10.7万人"), I("农村劳动力转移就业总量", "300.05万人"), I("省内转移", "121.36万人"),
              I("省外输出", "178.31万人"),
              I("现有市场主体", "88.55万户"), I("市场主体增长", "7.6%", change=UP),
              I("新登记市场主体", "19.91万户"), I("新登记市场主体下降", "3.2%", change=DOWN),
              I("新登记企业", "3.57万户"), I("新登记企业增长", "25.2%", change=UP),
              I("新登记个体工商户", "16.16万户"), I("新登记个体工商户下降", "7.9%", change=DOWN),
              I("新登记农民专业合作社", "1871户"), I("新登记农民专业合作社增长", "9.8%", change=UP),
              I("城市居民消费价格下降", "0.1%", change=DOWN), I("农村居民消费价格上涨", "0.1%", change=UP),
              I("食品烟酒类价格下降", "0.8%", change=DOWN), I("粮食类价格上涨", "1.9%", change=UP),
              I("鲜菜类价格下降", "8.1%", change=DOWN), I("畜肉类价格下降", "7.2%", change=DOWN),
              I("水产品类价格下降", "3.2%", change=DOWN), I("蛋类价格下降", "2.1%", change=DOWN),
              I("鲜果类价格上涨", "1.7%", change=UP), I("衣着类价格上涨", "1.3%", change=UP),
              I("居住类价格下降", "0.1%", change=DOWN), I("交通通信类价格下降", "1.4%", change=DOWN),
              I("教育文化娱乐类价格上涨", "1.6%", change=UP), I("医疗保健类价格上涨", "0.5%", change=UP),
              I("其他用品及服务类价格上涨", "2.7%", change=UP),
          ]),
        P("zk-table3", "table", "主要农产品产量及增速", "年末农业机械总动力",
          "表3: crop output (万吨 in the column heading) and growth (%), 18 rows", table3, end_before=True,
          table_caption="主要农产品产量及增速"),
        P("zk-education", "prose", "全年全市各级各类学校", "教职工5.38万人。",
          "education counts by school type: subject from the clause before, 万人, a page number inside", education),
    ],
}
