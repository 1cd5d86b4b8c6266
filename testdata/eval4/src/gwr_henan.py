from label import I, P

UP = "up"

DOC = {
    "document": "docx_gwr2025_henan",
    "file": "docx_gwr2025_henan.docx",
    "notes": "2025年河南省政府工作报告 (DOCX). Review (一)-(四) and the 2025 targets with the first planned tasks. "
             "Source typos kept as written: '农村自来水普及率9%' (a digit lost), '增长6.1%%' (text labelled '6.1%'), "
             "'国家现代农业产业园15个优势特色产业集群9个' (a lost comma), an unbalanced quote in 专精特新“小巨人企业. "
             "Not labelled: '连续8年' / '连续4年' (spans of years), '前1%' inside the name 'ESI全球前1%', codes "
             "7+28+N, 三个一批, 两重, 两新, '十个方面', '一刻钟便民生活圈', '三年行动', '一期工程', '三期扩建'. "
             "'稳定在1300亿斤以上' is labelled as a level (approx). Targets: '左右', '以上', '突破' set approx; "
             "planned tasks of 2025 (更新汽车50万辆 …) are targets.",
    "passages": [
        P("henan-review", "prose", "（一）经济运行持续向好", "成功举办中国农民丰收节全国主场活动。",
          "2024 review (一)-(四): growth rates, 万亿元, 万个/万家, 突破/超, counts of platforms and firms", [
              I("生产总值", "6.36万亿元"), I("生产总值增长", "5.1%", change=UP),
              I("规上工业增加值增长", "8.1%", change=UP), I("固定资产投资增长", "7%", change=UP),
              I("工业投资增长", "21.6%", change=UP), I("社会消费品零售总额", "2.76万亿元"),
              I("社会消费品零售总额增长", "6.1%", change=UP), I("居民人均可支配收入增长", "5.4%", change=UP),
              I("实施“三个一批”项目", "1.68万个"), I("先进制造业项目", "9718个"), I("“两重”项目全面开工", "318个"),
              I("汽车以旧换新", "40万辆", approx=True), I("家电以旧换新", "450万台", approx=True),
              I("中原科技城国家级科研平台", "23家"), I("中原农谷集聚种业研发团队", "53支"), I("培育优良品种", "161个"),
              I("省实验室", "27家"), I("产业技术研究院", "6家"), I("产业研究院", "55家"),
              I("进入ESI全球前1%学科", "92个"), I("校企共建研发中心", "2560家"), I("新引进顶尖人才", "22名"),
              I("新引进领军人才", "189名"), I("荣获国家科学技术奖", "15项"), I("技术合同成交额", "1759亿元"),
              I("产业链群对规上工业增长贡献率", "72.4%"), I("高技术制造业增加值增长", "12%", change=UP),
              I("战略性新兴产业增长", "9.2%", change=UP), I("汽车整车产量", "110万辆", approx=True),
              I("新能源汽车产量", "70万辆", approx=True), I("全球“灯塔工厂”", "3家"), I("国家卓越级智能工厂", "10家"),
              I("国家级智能制造示范工厂", "14家"), I("规上制造企业智能应用场景覆盖率", "82.4%"),
              I("国家级专精特新小巨人企业", "414家"), I("制造业“单项冠军”企业", "51家"), I("规上工业企业", "2.8万家"),
              I("高新技术企业", "1.3万家"), I("科技型中小企业", "2.9万家"),
              I("粮食总产量", "1344亿斤"), I("粮食总产量", "1300亿斤", approx=True),
              I("耕地面积累计净增", "170万亩", approx=True), I("新建改造高标准农田", "550万亩"),
              I("恢复改善灌溉面积", "833万亩"), I("建成区域性农业综合服务中心", "286个"),
              I("国家现代农业产业园", "15个"), I("优势特色产业集群", "9个"), I("国家级农业产业化龙头企业", "122家"),
              I("培育农民合作社", "20.3万家"), I("家庭农场", "27.5万家"), I("农业社会化服务组织", "12.7万个"),
              I("农村自来水普及率", "9%"), I("农村居民人均可支配收入增长", "6.1%", change=UP),
              I("脱贫县农民收入增长", "6.9%", change=UP),
          ]),
        P("henan-targets", "prose", "主要预期目标是", "完成投资1万亿元。",
          "2025 targets (左右, 以上) and planned tasks with counts", [
              I("经济增长", "5.5%", approx=True, change=UP, target=True),
              I("规上工业增加值增长", "7%", approx=True, change=UP, target=True),
              I("固定资产投资增长", "7%", approx=True, change=UP, target=True),
              I("社会消费品零售总额增长", "6%", approx=True, change=UP, target=True),
              I("一般公共预算收入增长", "4%", approx=True, change=UP, target=True),
              I("城镇调查失业率", "5.5%", approx=True, target=True),
              I("城镇新增就业", "110万人", approx=True, target=True),
              I("居民消费价格涨幅", "2%", approx=True, target=True, unsure=["change"]),
              I("粮食产量", "1300亿斤", approx=True, target=True),
              I("更新汽车", "50万辆", target=True), I("更新家电", "800万台", target=True),
              I("实施设备更新项目", "3000个", target=True), I("工业设备投资增长", "10%", change=UP, target=True),
              I("培育省级品牌消费集聚区", "10个", target=True), I("争创全国县域商业“领跑县”", "10个", target=True),
              I("高速公路通车总里程", "1万公里", approx=True, target=True), I("港航项目", "13个", target=True),
              I("源网荷储一体化项目", "800个", target=True), I("实施省重点项目", "1000个", target=True),
              I("省重点项目完成投资", "1万亿元", target=True),
          ]),
    ],
}
