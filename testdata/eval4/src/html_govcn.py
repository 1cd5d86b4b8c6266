from label import I, P

DOCS = [{
    "document": "html_govcn_7",
    "file": "html_govcn_7.html",
    "notes": "国办发〔2018〕128号 “无废城市”建设试点工作方案 (gov.cn page). Section (三): goals for 2020 "
             "(达到95%以上 …) and a limit (禁止…厚度低于0.01毫米的地膜): all targets. Not labelled: "
             "'到2020年' (a year), '二次污染', '一膜多用' (fixed phrases).",
    "passages": [
        P("govcn7-goals", "prose", "（三）推行农业绿色生产", "对农药包装废弃物实施无害化处理。",
          "policy goals for 2020 (以上) and a thickness limit", [
              I("规模养殖场粪污处理设施装备配套率", "95%", approx=True, target=True),
              I("畜禽粪污综合利用率", "75%", approx=True, target=True),
              I("秸秆综合利用率", "85%", approx=True, target=True),
              I("地膜厚度", "0.01毫米", target=True),
              I("重点用膜区当季地膜回收率", "80%", approx=True, target=True),
          ]),
    ],
}, {
    "document": "html_govcn_33",
    "file": "html_govcn_33.html",
    "notes": "国令第707号 个人所得税法实施条例 (gov.cn page). Articles 4 and 5: residence thresholds in days and "
             "years. Following issue 12 (rules and thresholds in policy texts are limits, not reported results), "
             "they are labelled with target true. '有一次离境' (once) is not a count; 第四条/第五条 are ordinals.",
    "passages": [
        P("govcn33-residence", "prose", "第四条在中国境内无住所", "免予缴纳个人所得税。",
          "legal thresholds: 183天, 不满六年, 超过30天, 不超过90天", [
              I("在中国境内居住累计", "183天", target=True),
              I("居住累计满183天的年度连续", "六年", unit="年", value=6, kind="measure", target=True),
              I("在中国境内居住累计", "183天", target=True),
              I("离境", "30天", target=True),
              I("在中国境内居住累计", "183天", target=True),
              I("在中国境内居住累计", "90天", target=True),
          ]),
    ],
}]
