from label import I, P

UP, DOWN = "up", "down"

DOC = {
    "document": "docx_gwr2025_xizang",
    "file": "docx_gwr2025_xizang.docx",
    "notes": "2025年西藏政府工作报告 (DOCX). The 2024 headline figures (分别增长6.8%和8.3% over 城乡居民; "
             "'分别控制在5%和3%以内' reports results held within limits: their target flag is left open), "
             "一是 to 三是 of the review, and the 2025 targets with '7%以上、力争达到8%' pairs. "
             "'6.5万台(套)' keeps its written unit 台(套). Not labelled: 7+1, 三个意识, 三年行动, "
             "七地(市) (a place name), 首期 (an ordinal).",
    "passages": [
        P("xizang-review", "prose", "地区生产总值增长6.3%", "清欠企业账款专项行动目标任务全面完成。",
          "2024 growth rates, 分别 lists, counts, 亿元, 万千瓦, 以上/突破", [
              I("地区生产总值增长", "6.3%", change=UP), I("全社会固定资产投资增长", "19.6%", change=UP),
              I("社会消费品零售总额增长", "7.2%", change=UP), I("规上工业增加值增长", "18.3%", change=UP),
              I("货物贸易进出口总额增长", "15.4%", change=UP), I("一般公共预算收入增长", "17.1%", change=UP),
              I("城镇居民人均可支配收入增长", "6.8%", change=UP), I("农村居民人均可支配收入增长", "8.3%", change=UP),
              I("城镇调查失业率", "5%", unsure=["target"]),
              I("居民消费价格涨幅", "3%", unsure=["target", "change"]),
              I("各族群众安全感满意度", "99%", approx=True), I("荣获表彰集体", "14个"), I("荣获表彰个人", "15名"),
              I("基本能够使用国家通用语言文字的村居主干", "92.5%"),
              I("生产安全事故起数下降", "39.7%", change=DOWN), I("死亡人数下降", "39.1%", change=DOWN),
              I("完成重点项目投资", "1700亿元", approx=True), I("包保重大项目", "21个"),
              I("完成设备更新", "6.5万台(套)"), I("消费品以旧换新销售额", "19.5亿元"),
              I("建成跨区域冷链物流集散中心", "7个"), I("农村邮路汽车化率", "100%"),
              I("新增国家级文化产业示范基地", "4家"), I("国家级夜间文旅消费集聚区", "2个"),
              I("“幸福西藏·乐享生活”直接拉动消费", "38.4亿元"),
              I("粮食产量", "110万吨", approx=True), I("第一产业增加值增长", "10%", approx=True, change=UP),
              I("清洁能源产业专项资金首期安排", "50亿元"), I("已建在建电力装机", "2705万千瓦"),
              I("高原炊具累计销售", "112万件"), I("文化产业产值增长", "22%", change=UP),
              I("旅游接待人次增长", "16%", change=UP), I("旅游总花费增长", "15%", change=UP),
              I("企业直接融资规模", "255亿元", approx=True),
          ]),
        P("xizang-targets", "prose", "经济社会发展主要预期目标是", "分别控制在5%和3%以内。",
          "2025 targets: 以上 with 力争达到, 分别 lists, limits", [
              I("地区生产总值增长", "7%", approx=True, change=UP, target=True),
              I("地区生产总值力争增长", "8%", change=UP, target=True),
              I("全社会固定资产投资增长", "15%", approx=True, change=UP, target=True),
              I("全社会固定资产投资力争增长", "20%", change=UP, target=True),
              I("社会消费品零售总额增长", "8%", approx=True, change=UP, target=True),
              I("社会消费品零售总额力争增长", "10%", change=UP, target=True),
              I("规上工业增加值增长", "16%", change=UP, target=True),
              I("城镇居民人均可支配收入增长", "8%", change=UP, target=True),
              I("农村居民人均可支配收入增长", "10%", change=UP, target=True),
              I("城镇调查失业率", "5%", target=True),
              I("居民消费价格涨幅", "3%", target=True, unsure=["change"]),
          ]),
    ],
}
