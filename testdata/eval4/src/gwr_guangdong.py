from label import I, P, R

UP = "up"

DOC = {
    "document": "docx_gwr2025_guangdong",
    "file": "docx_gwr2025_guangdong.docx",
    "notes": "2025年广东省政府工作报告 (DOCX). Two summary paragraphs of the 2024 review: 万亿元 amounts with "
             "迈上/突破/超/约 (approx), ranks (居全国首位, 全国第一, 居全球第二), shares of the national total, "
             "a '分别提高到56.7%、31.6%' list, and '突破万亿元' (a bare 万亿 = 1e12, labelled). The national "
             "110万人 task is labelled as a target. Not labelled: spans '连续36年/39年/34年/8年/5年/24个月', "
             "fractions and tenths '占全国1/4', '占全国超4成', '两位数增长'.",
    "passages": [
        P("guangdong-review", "prose", "——面对外部压力加大", "连续24个月保持两位数增长",
          "2024 summary: 万亿元, ranks, shares, 分别 list, approx words", [
              I("地区生产总值", "14万亿元", approx=True), R("地区生产总值全国排名", "首位", 1),
              I("进出口总额", "9万亿元", approx=True), I("进出口总额增长", "9.8%", change=UP),
              R("进出口总额全国排名", "首位", 1), I("贡献全国贸易增量", "38.7%"),
              I("规模以上工业增加值增长", "4.2%", change=UP), I("规模以上工业企业", "7.4万家", approx=True),
              I("地方一般公共预算收入", "1.35万亿元"), R("地方一般公共预算收入全国排名", "首位", 1),
              I("旅游总收入", "万亿元", value=1, unit="元", mag=1000000000000, approx=True),
              I("海洋生产总值", "2万亿元", approx=True),
              I("经营主体净增", "98万户", change=UP), I("经营主体", "1900万户", approx=True),
              I("企业", "830万户", approx=True), R("经营主体和企业总量全国排名", "第一", 1),
              I("城镇调查失业率", "5%"), I("城镇新增就业", "143万人", approx=True),
              I("国家下达城镇新增就业年度任务", "110万人", target=True),
              I("研发经费支出", "5100亿元", approx=True), I("研发投入强度", "3.6%", approx=True),
              I("高新技术企业", "7.7万家", approx=True), R("区域创新能力全国排名", "第一", 1),
              R("“深圳—香港—广州”科技集群创新指数全球排名", "第二", 2),
              I("先进制造业增加值占规模以上工业比重", "56.7%"), I("高技术制造业增加值占规模以上工业比重", "31.6%"),
              I("新能源汽车产量增长", "43%", change=UP), I("工业机器人产量增长", "31.2%", change=UP),
              I("工业机器人产量占全国", "44%"), I("智能手机产量增长", "12.5%", change=UP),
              I("集成电路产量增长", "21%", change=UP), I("集成电路产量占全国", "18%"),
              I("工业投资", "1.5万亿元", approx=True), I("工业投资增长", "6.7%", change=UP),
              I("技改投资增长", "11.5%", change=UP),
          ]),
    ],
}
