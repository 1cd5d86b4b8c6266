from label import I, P, R

UP, DOWN = "up", "down"

DOC = {
    "document": "docx_gwr2025_beijing",
    "file": "docx_gwr2025_beijing.docx",
    "notes": "2025年北京市政府工作报告 (DOCX, paragraphs indented with ideographic spaces). Three summary "
             "paragraphs of the 2024 review: estimates (预计…左右, approx, not targets), ranks written 居全球城市首位 "
             "and 全国第一, a 分别达96.7%和97% list, 多 inside a figure. One rank that covers three "
             "measures ('…独角兽企业数量均居全国各城市首位') is labelled once. Not labelled: "
             "'前三位' (a rank bound, not a rank), '万元地区生产总值能耗' (万元 is part of the name), 翻番, "
             "12345 (hotline number), 每月一题.",
    "passages": [
        P("beijing-review", "prose", "——我们迎难而上、积极作为", "分别达96.7%和97%",
          "2024 summary: growth estimates, shares, ranks (首位, 全国第一), 分别 list", [
              I("地区生产总值增长", "5.2%", approx=True, change=UP),
              I("一般公共预算收入增长", "3.1%", change=UP),
              I("城镇调查失业率", "4.1%", approx=True),
              I("居民人均可支配收入增长", "4.5%", approx=True, change=UP),
              I("居民消费价格涨幅", "0.1%", unsure=["change"]),
              I("获评国家科学技术奖", "58项"), I("国家科学技术奖占全国", "28.7%"),
              I("高被引科学家", "431人次"), R("高被引科学家全球城市排名", "首位", 1),
              R("国家高新技术企业、国家级专精特新小巨人企业、独角兽企业数量全国城市排名", "首位", 1),
              I("细颗粒物年均浓度", "30.5微克/立方米", kind="measure"),
              I("细颗粒物年均浓度下降", "6.2%", change=DOWN),
              I("优良天数", "290天"), I("优良天数增加", "19天", change=UP),
              R("污染防治攻坚战成效考核全国排名", "第一", 1),
              I("整治提升背街小巷", "2100多条"), I("专项治理高频共性难题", "13个"),
              I("12345市民服务热线诉求解决率", "96.7%"), I("12345市民服务热线满意率", "97%"),
          ]),
    ],
}
