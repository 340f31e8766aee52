/**
 * Immediate danger, whatever the category: such a message is urgent, goes
 * first, and its receipt tells the resident which emergency number to call.
 */
export type Danger = 'fire' | 'gas' | 'violence' | 'self_harm' | 'trapped' | 'collapse' | 'medical';

const PATTERNS: { danger: Danger; call: '110' | '119' | '120'; pattern: RegExp }[] = [
  { danger: 'fire', call: '119', pattern: /着火|起火|失火|火灾(?!隐患)|冒烟|烧起来|浓烟|\bon fire\b|\bfire\b(?! (hazard|lane|exit|escape|door))/i },
  { danger: 'gas', call: '119', pattern: /(煤气|燃气|天然气)(泄漏|泄露|漏气|漏了|味)|gas leak|smell(s)? of gas/i },
  { danger: 'violence', call: '110', pattern: /正在打|打人了|持刀|拿刀|砍人|动刀|家暴|殴打|打起来了|fighting now|with a knife|is beating/i },
  { danger: 'self_harm', call: '110', pattern: /不想活|自杀|轻生|跳楼|跳河|寻短见|割腕|kill (my|him|her)self|suicide/i },
  { danger: 'trapped', call: '119', pattern: /被困|困在|关在电梯|电梯困人|出不来了|trapped|stuck in the lift|stuck in the elevator/i },
  { danger: 'collapse', call: '119', pattern: /倒塌|坍塌|塌了|塌陷|要塌|垮了|collaps/i },
  { danger: 'medical', call: '120', pattern: /晕倒|昏倒|昏迷|不省人事|大出血|流了很多血|没有呼吸|心脏病发|collapsed|unconscious|bleeding heavily/i },
];

export interface Urgency {
  urgent: boolean;
  dangers: Danger[];
  /** Emergency numbers to tell the resident, in order of the dangers found. */
  call: string[];
}

export function detectUrgency(text: string): Urgency {
  const found = PATTERNS.filter((p) => p.pattern.test(text));
  return { urgent: found.length > 0, dangers: found.map((f) => f.danger), call: [...new Set(found.map((f) => f.call))] };
}
