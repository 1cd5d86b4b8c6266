from label import I, P

UP, DOWN = "up", "down"

DOC = {
    "document": "txt_national_gwr2024",
    "file": "txt_national_gwr2024.txt",
    "notes": "2024年国务院政府工作报告 (plain text). The 2023 review (——经济总体回升向好 … 六是) and the 2024 "
             "targets with the fiscal plan (赤字率拟按3%安排, 比上年年初预算增加1800亿元, 拟安排, 先发行: plans, "
             "so targets). Chinese-numeral counts '两次降低存款准备金率、两次下调政策利率' are labelled (2 次). "
             "Not labelled: '6600多万纳税人', '超过3300万' (脱贫人口务工规模), '1100多万学生' (a bare 万 "
             "with a noun, no measure word), '上千万家庭' (vague), 'C919', '三年新冠疫情', '三年行动', "
             "'千亿斤粮食产能提升行动' (a programme name), '新三样', '一半', '75周年'.",
    "passages": [
        P("national-review", "prose", "——经济总体回升向好", "平安中国建设取得新进展。",
          "2023 review: 万亿元, 万亿斤, 超过/近, Chinese-numeral counts (两次), 件/部", [
              I("国内生产总值", "126万亿元", approx=True), I("国内生产总值增长", "5.2%", change=UP),
              I("城镇新增就业", "1244万人"), I("城镇调查失业率", "5.2%"),
              I("居民消费价格上涨", "0.2%", change=UP), I("新能源汽车产销量占全球比重", "60%", approx=True),
              I("技术合同成交额增长", "28.6%", change=UP), I("粮食产量", "1.39万亿斤"),
              I("居民人均可支配收入增长", "6.1%", change=UP), I("脱贫地区农村居民收入增长", "8.4%", change=UP),
              I("新增税费优惠", "2.2万亿元", approx=True), I("增发国债", "1万亿元"),
              I("降低存款准备金率", "两次", unit="次", value=2), I("下调政策利率", "两次", unit="次", value=2),
              I("5G用户普及率", "50%", approx=True), I("常住人口城镇化率", "66.2%"),
              I("“新三样”出口增长", "30%", approx=True, change=UP),
              I("提请全国人大常委会审议法律议案", "10件"), I("制定修订行政法规", "25部"),
          ]),
        P("national-targets", "prose", "今年发展主要预期目标是", "用出实效来。",
          "2024 targets (左右, 以上) and the fiscal plan (拟, 比上年增加)", [
              I("国内生产总值增长", "5%", approx=True, change=UP, target=True),
              I("城镇新增就业", "1200万人", approx=True, target=True),
              I("城镇调查失业率", "5.5%", approx=True, target=True),
              I("居民消费价格涨幅", "3%", approx=True, target=True, unsure=["change"]),
              I("粮食产量", "1.3万亿斤", approx=True, target=True),
              I("单位国内生产总值能耗降低", "2.5%", approx=True, change=DOWN, target=True),
              I("经济增长预期目标", "5%", approx=True, change=UP, target=True),
              I("赤字率", "3%", target=True), I("赤字规模", "4.06万亿元", target=True),
              I("赤字规模比上年年初预算增加", "1800亿元", change=("up", "上年年初预算"), target=True),
              I("一般公共预算支出规模", "28.5万亿元", target=True),
              I("一般公共预算支出规模比上年增加", "1.1万亿元", change=("up", "上年"), target=True),
              I("地方政府专项债券", "3.9万亿元", target=True),
              I("地方政府专项债券比上年增加", "1000亿元", change=("up", "上年"), target=True),
              I("先发行超长期特别国债", "1万亿元", target=True),
          ]),
    ],
}
