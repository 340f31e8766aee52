/**
 * Immediate danger, whatever the category: such a message is urgent, goes
 * first, and its receipt tells the resident which emergency number to call.
 */
export type Danger = 'fire' | 'gas' | 'violence' | 'self_harm' | 'trapped' | 'collapse' | 'medical' | 'electric' | 'hazmat';

/** A possibility, not a fact ("万一着火", "怕着火", "一旦着火"): a hazard, not an emergency. */
const HYPOTHETICAL = /(万一|一旦|怕|担心|如果|要是|容易|真(?!的)|不会)[^，。！？]{0,4}$/;

const PATTERNS: { danger: Danger; call: '110' | '119' | '120'; pattern: RegExp }[] = [
  { danger: 'fire', call: '119', pattern: /(?<!不)着火|起火|失火|火灾(?!隐患)|冒黑烟|烧起来|在烧|火苗|(?<!焚烧[^，。]{0,6})浓烟|\bon fire\b|\bfire\b(?! (hazard|lane|exit|escape|door))/i },
  { danger: 'gas', call: '119', pattern: /(煤气|燃气|天然气)[^，。]{0,8}(泄漏|泄露|漏气|漏了|味|冒气|裂|嘶嘶)|gas leak|smell(s)? of gas/i },
  { danger: 'violence', call: '110', pattern: /正在打|打人了|持刀|拿刀|拿着刀|拿着菜刀|菜刀|砍刀|砍人|动刀|家暴|殴打|打起来了|在打架|还在打(人|架)?(?=[，。！!？?\s]|$)|(满脸|满头|一身)[^，。]{0,2}血|砸门|(弄死|杀了|砍死)[^，。]{0,2}(我|你|他|她)|一起死|砸[^，。]{0,6}头|fighting now|with a knife|is beating/i },
  { danger: 'self_harm', call: '110', pattern: /不想活|自杀|轻生|跳楼|跳河|跳下去|去死|寻短见|割腕|农药|汽油瓶|kill (my|him|her)self|suicide/i },
  { danger: 'trapped', call: '119', pattern: /被困|困在|淹到(腰|胸|脖子|车窗)|走不动了?[^，。]{0,2}$|关在电梯|电梯困人|出不来了|里面关着|有人[^，。]{0,4}出不来|还有人没(下来|出来)|压住了?[^，。]{0,3}人|trapped|stuck in the lift|stuck in the elevator/i },
  { danger: 'collapse', call: '119', pattern: /倒塌|坍塌|塌了|塌陷|要塌|马上要倒|倒下来|塌下|侧翻|翻车|垮了|(砖|混凝土|水泥块|外墙|楼板)[^，。]{0,8}(往下掉|掉下来)|脚手架[^，。]{0,4}歪|collaps/i },
  { danger: 'medical', call: '120', pattern: /晕倒|昏倒|昏迷|叫不醒|倒在地上|不省人事|没意识|失去意识|抽搐|口吐白沫|喘不上气|呼吸困难|呼吸很急|呼吸急促|(脸|嘴唇|嘴)[^，。]{0,2}发紫|噎住|摔倒[^，。]{0,3}起不来|站不起来|快不行了|一直流血|叫不太醒|(叫|喊)[^，。]{0,3}没反应|嘴唇发白|\blimp\b|not responding|大出血|一直在流血|流了很多血|没有呼吸|心脏病发|掉进去了|溺水|collapsed|unconscious|bleeding heavily/i },
  { danger: 'electric', call: '119', pattern: /漏电|触电|电线[^，。]{0,4}(断|掉|冒火花)|电线[^，。]{0,6}(冒火|着火|打火)|冒火花|打火花|live wire/i },
  { danger: 'hazmat', call: '119', pattern: /(化学品|化工|毒气|有毒)[^，。]{0,10}(泄漏|漏|味|冒[^，。]{0,4}烟)|刺鼻[^，。]{0,6}(化学|气味)[^，。]{0,8}头晕/i },
];

export interface Urgency {
  urgent: boolean;
  dangers: Danger[];
  /** Emergency numbers to tell the resident, in order of the dangers found. */
  call: string[];
}

export function detectUrgency(text: string): Urgency {
  const found = PATTERNS.filter(({ pattern }) => {
    const m = pattern.exec(text);
    return m !== null && !HYPOTHETICAL.test(text.slice(0, m.index));
  });
  return { urgent: found.length > 0, dangers: found.map((f) => f.danger), call: [...new Set(found.map((f) => f.call))] };
}
