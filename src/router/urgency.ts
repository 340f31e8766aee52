/**
 * Immediate danger, whatever the category: such a message is urgent, goes
 * first, its liaisons are alerted at once, and its receipt tells the resident
 * which emergency number to call.
 *
 * Recall comes first: a missed emergency is the worst failure a hotline has.
 * Three signals, any one of which makes a message urgent:
 * - patterns for the obvious phrasings (着火, 有人晕倒, 掉水里), each naming its danger;
 * - structure: a hazard happening to someone, now (掉进 + 小孩 + 快来), for phrasings
 *   no pattern lists;
 * - the model's urgency head (trained on dangerous and harmless-but-alarming
 *   examples), above a threshold set low on purpose.
 * Patterns and structure stand down for what is plainly not happening now (a
 * drill, an insurance claim for last week's fire, "what if") unless the text
 * also says it is happening now, and where the model is all but sure there is
 * no danger (below `patternFloor`): a pattern sees a word, the model the sentence.
 * Both numbers were chosen by 5-fold cross-validation on the training examples
 * (`npm run eval:router -- --cv`), never on the evaluation sets.
 */
export type Danger =
  | 'fire'
  | 'gas'
  | 'violence'
  | 'self_harm'
  | 'trapped'
  | 'collapse'
  | 'medical'
  | 'electric'
  | 'hazmat'
  | 'drowning'
  | 'fall'
  | 'flood'
  | 'traffic'
  | 'missing'
  | 'poisoning'
  | 'animal'
  | 'crowd';

type EmergencyNumber = '110' | '119' | '120' | '122';

/** A possibility, not a fact ("万一着火", "怕着火", "一旦着火"): a hazard, not an emergency. */
const HYPOTHETICAL = /(万一|一旦|怕|担心|如果|要是|容易|真(?!的)|不会|会不会|以防)[^，。！？]{0,4}$/;

const PATTERNS: { danger: Danger; call: EmergencyNumber[]; pattern: RegExp }[] = [
  {
    danger: 'fire',
    call: ['119'],
    pattern:
      /(?<!不)着火|起火|失火|火灾(?!隐患)|冒黑烟|烧起来|在烧|火苗|火光|火很大|(?<!焚烧[^，。]{0,6})浓烟|烟很大|好多烟|冒烟了|\bon fire\b|\bfire\b(?! (hazard|lane|exit|escape|door|drill|extinguisher|insurance|safety))|\bsmoke (is )?(coming|pouring)/i,
  },
  {
    danger: 'gas',
    call: ['119'],
    pattern: /(煤气|燃气|天然气|液化气)[^，。]{0,8}(泄漏|泄露|漏气|漏了|味|冒气|裂|嘶嘶)|gas leak|smell(s)? of gas|smell(s)? gas/i,
  },
  {
    danger: 'violence',
    call: ['110'],
    pattern:
      /正在打|打人了|持刀|拿刀|拿着刀|拿着菜刀|菜刀|砍刀|砍人|动刀|家暴|殴打|打起来了|在打架|还在打(人|架)?(?=[，。！!？?\s]|$)|(满脸|满头|一身)[^，。]{0,2}血|砸门|(弄死|杀了|砍死|捅死|打死)[^，。]{0,2}(我|你|他|她)|一起死|砸[^，。]{0,6}头|抢劫|绑架|fighting now|with a knife|is beating|attacking/i,
  },
  {
    danger: 'self_harm',
    call: ['110', '120'],
    pattern:
      /不想活|活不下去|活着没意思|活着没(有)?意义|没意思了?[^，。]{0,4}(活|死)|自杀|轻生|跳楼|跳河|跳江|跳湖|跳桥|跳下去|去死|寻短见|割腕|吃了(一瓶|很多|好多)?安眠药|喝了?农药|汽油瓶|烧炭|交代后事|永别|最后一次(跟|和)你|kill (my|him|her)self|suicide|end (my|his|her) life|don'?t want to live/i,
  },
  {
    danger: 'trapped',
    call: ['119'],
    pattern:
      /被困|困在|淹到(腰|胸|脖子|车窗)|走不动了?[^，。]{0,2}$|关在电梯|电梯困人|卡在电梯|出不来了?|里面关着|有人[^，。]{0,4}出不来|还有人没(下来|出来)|压住了?[^，。]{0,3}人|(锁|关)在车(里|内)|车里[^，。]{0,6}(孩子|小孩|娃|宝宝)|(孩子|小孩|娃|宝宝)[^，。]{0,6}(锁|关)在[^，。]{0,4}(车|屋|家)|trapped|stuck in the (lift|elevator)|locked in (a|the) car/i,
  },
  {
    danger: 'collapse',
    call: ['119'],
    pattern:
      /倒塌|坍塌|塌了|塌陷|要塌|马上要倒|倒下来|塌下|侧翻|翻车|垮了|(砖|混凝土|水泥块|外墙|楼板|瓦片|墙皮|玻璃)[^，。]{0,8}(往下掉|掉下来|在掉|还在掉|砸下来)|脚手架[^，。]{0,4}(歪|倒)|塔吊[^，。]{0,4}(歪|倒)|裂缝[^，。]{0,8}(越来越大|变大|在裂)|collaps/i,
  },
  {
    danger: 'medical',
    call: ['120'],
    pattern:
      /晕倒|昏倒|晕过去|昏迷|叫不醒|倒在地上|不省人事|没意识|失去意识|抽搐|口吐白沫|喘不上气|喘不过气|呼吸困难|呼吸很急|呼吸急促|(脸|嘴唇|嘴)[^，。]{0,2}发紫|噎住|卡住喉咙|摔倒[^，。]{0,3}起不来|站不起来|快不行了|一直流血|血流不止|叫不太醒|(叫|喊)[^，。]{0,3}没反应|嘴唇发白|中暑|\blimp\b|not responding|大出血|一直在流血|流了很多血|没有呼吸|没呼吸|没气了|心脏病发|心梗|中风|嘴歪|collapsed|unconscious|not breathing|bleeding heavily|heart attack/i,
  },
  {
    danger: 'electric',
    call: ['119'],
    pattern:
      /漏电|触电|电到人|电线[^，。]{0,4}(断|掉|冒火花)|电线[^，。]{0,6}(冒火|着火|打火)|冒火花|打火花|电(箱|闸|柜|表箱)[^，。]{0,8}(泡水|进水|淹|冒烟)|水[^，。]{0,6}(漫到|淹到|到了)[^，。]{0,4}(电箱|配电|电闸|电柜)|live wire|electrocut/i,
  },
  {
    danger: 'hazmat',
    call: ['119'],
    pattern:
      /(化学品|化工|毒气|有毒|硫酸|盐酸|氯气|氨气)[^，。]{0,10}(泄漏|泄露|漏|味|冒[^，。]{0,4}烟)|刺鼻[^，。]{0,6}(化学|气味)[^，。]{0,8}头晕|chemical (leak|spill)/i,
  },
  {
    danger: 'drowning',
    call: ['110', '120'],
    pattern:
      /溺水|落水|掉(进|到|下)[^，。]{0,4}(水|河|湖|江|塘|池|井|沟)|(水|河|湖|江|塘|池)里[^，。]{0,6}(扑腾|挣扎|喊救命|沉下去|冒不出头)|被水冲走|冲走了|drowning|fell into the (river|lake|water|pond)/i,
  },
  {
    danger: 'fall',
    call: ['120', '119'],
    pattern:
      /坠楼|从[^，。]{0,8}(楼|架|梯|窗|阳台|屋顶|房顶)[^，。]{0,4}(摔|掉|跌|坠)下|(窗台|阳台边|护栏外|屋顶边|楼顶边)[^，。]{0,8}(孩子|小孩|娃|宝宝|老人|人)|(孩子|小孩|娃|宝宝)[^，。]{0,8}(爬|站|坐)[^，。]{0,4}(窗台|阳台|护栏)|fell from|falling from/i,
  },
  {
    danger: 'flood',
    call: ['119'],
    pattern:
      /(水|洪水)[^，。]{0,6}(漫进|灌进|冲进|涨到|淹到|没过)[^，。]{0,6}(屋|家|车库|地下室|房间|一楼|膝盖|腰|车)|车[^，。]{0,4}(熄火|泡)在水里|被水围|水越涨越高|山洪|泥石流|滑坡|flooding (in|into)|water is rising/i,
  },
  {
    danger: 'traffic',
    call: ['122', '120'],
    pattern:
      /车祸|撞(倒|伤|到)了?[^，。]{0,4}(人|孩子|小孩|老人|行人)|被车(撞|碾|压)|(人|孩子|老人)[^，。]{0,4}被撞|追尾[^，。]{0,8}(受伤|流血|卡住)|hit by a (car|truck|bus)|car (crash|accident)/i,
  },
  {
    danger: 'missing',
    call: ['110'],
    pattern:
      /(孩子|小孩|娃|儿子|女儿|宝宝|老人|老爷子|老太太|爷爷|奶奶|外婆|外公|婆婆|父亲|母亲|我爸|我妈)[^，。]{0,10}(走丢|丢了|不见了|找不到了?|走失|没回家|联系不上)|(走丢|走失)[^，。]{0,6}(孩子|小孩|老人)|老年痴呆[^，。]{0,12}(出门|不见|走|没回)|阿尔茨海默[^，。]{0,12}(不见|走|没回)|(child|kid|son|daughter|mother|father|grandma|grandpa)[^.]{0,20}(is )?missing/i,
  },
  {
    danger: 'poisoning',
    call: ['120'],
    pattern:
      /中毒|误服|误食|喝了[^，。]{0,6}(消毒液|洗洁精|敌敌畏|百草枯|酒精)|吃了[^，。]{0,8}(上吐下泻|呕吐不止|都吐了)|一氧化碳|煤气中毒|炭火[^，。]{0,8}(头晕|晕|吐)|poison/i,
  },
  {
    danger: 'animal',
    call: ['110', '120'],
    pattern:
      /(狗|犬|蛇|马蜂|野猪|牛)[^，。]{0,6}(咬|追|蛰|扑|顶)[^，。]{0,4}(人|孩子|小孩|老人|住户|我)|被(狗|犬|蛇|马蜂|野猪)[^，。]{0,2}(咬|追|蛰|扑)|(dog|snake)[^.]{0,12}(bit|biting|attack)/i,
  },
  { danger: 'crowd', call: ['110'], pattern: /踩踏|挤倒|人挤人[^，。]{0,8}(倒|喘不|出不去)|被挤[^，。]{0,4}(倒|伤|晕)|crowd crush|stampede/i },
];

/**
 * Structure: a hazard, someone at risk, and now. Each part is loose on its own;
 * together, in one message, they describe danger in words no pattern lists.
 */
const HAZARD =
  /掉(进|到|下)|落水|落下来|跌(进|下|落)|坠|摔(下|倒|伤)|淹|漫(进|到|过)|涨水|进水|冒烟|着了|电(箱|闸|线|柜)|砸(到|中|伤)|塌|裂开|锁在|被锁|关在|被困|困住|卡在|卡住|咬(了|伤|住)|中毒|吐血|窒息|撞(倒|伤|到)|流血|出血|晕(倒|过去|了)|抽搐|不动了|没反应|冲走|\b(fell|falling|drown|burning|smoke|bleeding|stuck|bitten)\b/i;
const AT_RISK =
  /人|孩|娃|宝宝|老人|老太|老爷|爷爷|奶奶|婆婆|外公|外婆|大爷|大妈|阿姨|妈|爸|学生|住户|工人|邻居|他|她|里面|\b(someone|child|kid|man|woman|baby|people|person|he|she)\b/i;
const NOW = /现在|正在|刚刚|刚才|马上|还在|快来|赶紧|赶快|救命|救救|来人|求救|救人|快(报警|打120|打119|叫救护车)|right now|hurry|please come|help!|\bsos\b/i;
/** Plainly not happening now: a past event, a drill, a claim, news, a story, a fear. */
const NOT_NOW =
  /上(周|个月|星期|次)|去年|前年|前(几|两|些)天|以前|之前|那年|当年|演练|演习|培训|讲座|课程|保险|理赔|赔偿|补偿|新闻|报道|听说|谣言|电影|电视剧|小说|游戏|视频里|梦见|万一|如果|要是|假如|担心|害怕|会不会|隐患|预防|防范|怎么办理|\b(drill|training|insurance|last (week|month|year)|what if|in case)\b/i;
const SAYS_NOW = /现在|正在|还在|刚刚|刚才|马上|快来|救命|赶紧|right now|hurry/i;

export interface Urgency {
  urgent: boolean;
  dangers: Danger[];
  /** Emergency numbers to tell the resident, in order of the dangers found. */
  call: string[];
  /** Why: which of the three signals fired. */
  signals: ('pattern' | 'structure' | 'model')[];
  /** The model head's probability of danger, when there is a model. */
  score: number | null;
}

/** Every emergency number: a danger the model saw but no pattern named. */
const ALL_NUMBERS = ['110', '119', '120'];

export interface UrgencyThresholds {
  /** From this probability of danger up, the model alone makes a message urgent. */
  model: number;
  /** Below this probability, the model overrules a pattern or the structure. */
  patternFloor: number;
}

/**
 * Recall first, chosen on the training examples' 5-fold cross-validation alone (`npm run eval:router -- --cv`;
 * 14,793 examples): at model 0.3 a pattern floor of 0.05 keeps recall where 0.02 had it (94.8 %) with fewer
 * false alarms (2.6 % against 3.2 %); a higher floor or model threshold starts to lose dangers.
 */
export const URGENCY_THRESHOLDS: UrgencyThresholds = { model: 0.3, patternFloor: 0.05 };

/** @param modelScore the urgency head's probability (null without a model: patterns and structure decide alone) */
export function detectUrgency(text: string, modelScore: number | null = null, thresholds: UrgencyThresholds = URGENCY_THRESHOLDS): Urgency {
  const overruled = modelScore !== null && modelScore < thresholds.patternFloor;
  const notNow = overruled || (NOT_NOW.test(text) && !SAYS_NOW.test(text));
  const found = notNow
    ? []
    : PATTERNS.filter(({ pattern }) => {
        const m = pattern.exec(text);
        return m !== null && !HYPOTHETICAL.test(text.slice(0, m.index));
      });
  const structure = !notNow && HAZARD.test(text) && AT_RISK.test(text) && NOW.test(text);
  const model = modelScore !== null && modelScore >= thresholds.model;
  const signals = [...(found.length ? (['pattern'] as const) : []), ...(structure ? (['structure'] as const) : []), ...(model ? (['model'] as const) : [])];
  const call = found.length ? [...new Set(found.flatMap((f) => f.call))] : signals.length ? ALL_NUMBERS : [];
  return {
    urgent: signals.length > 0,
    dangers: found.map((f) => f.danger),
    call,
    signals,
    score: modelScore === null ? null : Number(modelScore.toFixed(3)),
  };
}
