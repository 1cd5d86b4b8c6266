package quantity

import (
	"strings"
	"unicode/utf8"
)

// Kinds of quantity.
const (
	Count   = "count"
	Percent = "percent"
	Money   = "money"
	Rank    = "rank"
	Measure = "measure"
)

// units maps each measure word, as written, to its kind. Simplified and
// traditional forms are both listed; the unit is kept as written.
var units = map[string]string{}

func addUnits(kind, list string) {
	for _, u := range strings.Fields(list) {
		units[u] = kind
	}
}

func init() {
	addUnits(Count, `件 次 项 項 个 個 部 条 條 名 场 場 起 户 戶 人 家 所 篇 份 期 批 座 台 臺 辆 輛
		套 本 册 冊 处 處 宗 例 张 張 只 隻 头 頭 棵 株 位 支 艘 架 间 間 栋 棟 幢 种 種 类 類
		门 門 节 節 堂 轮 輪 床 对 對 组 組 队 隊 颗 顆 枚 盏 盞 根 册次 份次 篇次 条次 條次
		人次 家次 户次 戶次 场次 場次 批次 架次 车次 車次 班次 件次 台次 臺次 频次 頻次 艘次 人日 分
		笔 筆 台套 项次 項次 学时 學時 课时 課時 封 块 塊 羽 匹 尾 工日 航次 卷 趟 列 幅 眼 口 人年 床日`)
	addUnits(Money, `元 美元 欧元 歐元 港元 港币 港幣 日元 英镑 英鎊 澳元 澳门元 澳門元 韩元 韓元 新台币 新臺幣`)
	addUnits(Percent, `% ％ ‰ 个百分点 個百分點 个百分點 個百分点 百分点 百分點`)
	addUnits(Measure, `公里 千米 米 平方米 平方公里 平方千米 亩 畝 公顷 公頃 吨 噸 千克 公斤 克 千瓦 千瓦时 千瓦時
		兆瓦 兆瓦时 兆瓦時 吉瓦 吉瓦时 吉瓦時 千伏 千伏安 度 斤 平米 延米 吨标煤 噸標煤 瓦 立方米 立方 标箱 標箱 毫克
		微克/立方米 毫克/立方米 毫克/升 升 毫升 海里 厘米 毫米 吨公里 噸公里 人公里 吨标准煤 噸標準煤 ℃ 摄氏度 攝氏度 标准箱 標準箱 平方
		分贝 分貝
		天 日 个工作日 個工作日 工作日 小时 小時 个小时 個小時 分钟 分鐘 个月 個月 周岁 週歲 岁 歲`)
}

// maxUnitRunes is the length of the longest unit.
const maxUnitRunes = 6

// matchUnit returns the longest unit at s[i:] and its kind.
func matchUnit(s string, i int) (unit, kind string) {
	var ends [maxUnitRunes]int
	n, end := 0, i
	for ; n < maxUnitRunes && end < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		ends[n] = end
	}
	for k := n - 1; k >= 0; k-- {
		if kind, ok := units[s[i:ends[k]]]; ok {
			unit = s[i:ends[k]]
			if kind == Count && !strings.HasSuffix(unit, "次") && strings.HasPrefix(s[ends[k]:], "次") {
				unit += "次" // 7轮次, 12期次: a count word with 次 counts occasions
			}
			return unit, kind
		}
	}
	return "", ""
}

// unitBlocked reports whether the unit at s[i:i+len(unit)] is really the start
// of a longer word: 人民, 人大, 处理, 名单, 分析.
func unitBlocked(s string, unit string, end int) bool {
	next, _ := utf8.DecodeRuneInString(s[end:])
	var followers string
	switch unit {
	case "人":
		followers = "民大"
	case "处", "處":
		followers = "置理罚罰室长長级級"
	case "名":
		followers = "单單称稱义義额額"
	case "分":
		followers = "析别別类類工配钟鐘局享布批期享"
	case "期":
		followers = "间間限刊"
	case "门", "門":
		followers = "户戶槛檻类類"
	case "本":
		followers = "级級地市区區县縣届屆年次"
	case "条", "條":
		followers = "例件款"
	case "米":
		followers = "面粉饭飯"
	case "对", "對":
		followers = "于於照接象口标標"
	case "台", "臺":
		followers = "账賬阶階风風湾灣"
	case "度":
		followers = "过過假量"
	case "块", "塊":
		followers = "钱錢"
	case "尾":
		followers = "款声聲部"
	case "封":
		followers = "闭閉存锁鎖顶頂面"
	case "起":
		followers = "草来來步诉訴点點"
	case "头", "頭":
		followers = "部"
	case "节", "節":
		followers = "约約能点點日"
	case "元":
		followers = "旦素首宵"
	case "岁", "歲":
		followers = "月"
	case "天":
		followers = "然气氣津下"
	case "克":
		followers = "服"
	case "升":
		followers = "级級学學"
	case "瓦":
		followers = "解"
	case "根":
		followers = "本据據"
	case "组", "組":
		followers = "织織建成长長"
	case "宗":
		followers = "教旨族"
	case "卷":
		followers = "烟菸宗入轴軸"
	case "列":
		followers = "入为為车車举舉席出明表示"
	case "幅":
		followers = "度员員"
	case "眼":
		followers = "光睛镜鏡前下界"
	case "口":
		followers = "岸径徑号號令腔罩语語头頭碑子味"
	}
	return next != utf8.RuneError && strings.ContainsRune(followers, next)
}

// perUnits may follow a slash to make a rate: 元/平方米, 元/人, 千克/亩.
var perUnits = map[string]bool{}

func init() {
	for _, u := range strings.Fields(`年 月 日 天 人 户 戶 亩 畝 吨 噸 公斤 千克 斤 平方米 立方米 小时 小時 次 件 米 公里 千瓦时 千瓦時 头 頭 人次 人·年`) {
		perUnits[u] = true
	}
}

// perUnit returns "/平方米" when s[i:] is a slash and a unit a rate is given
// in, or "".
func perUnit(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r != '/' && r != '／' {
		return ""
	}
	j := i + size
	for n := 4; n >= 1; n-- {
		end := j
		for k := 0; k < n && end < len(s); k++ {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
		if perUnits[s[j:end]] {
			return s[i:end]
		}
	}
	return ""
}
