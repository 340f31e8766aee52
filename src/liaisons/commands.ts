/**
 * What a liaison typed, as a command. Chinese and English forms, with or
 * without a slash: `/reply 2611300042 已安排维修`, `回复 2611300042 已安排维修`.
 */
export type Command =
  | { name: 'help' }
  | { name: 'list' }
  | { name: 'show'; caseNo: string }
  | { name: 'reply'; caseNo: string; text: string }
  | { name: 'resolve'; caseNo: string; text: string }
  | { name: 'transfer'; caseNo: string; zoneCode: string; reason: string }
  | { name: 'escalate'; caseNo: string; joint: boolean; reason: string }
  | { name: 'note'; caseNo: string; text: string }
  | { name: 'unknown'; word: string }
  | { name: 'incomplete'; usage: string };

const ALIASES: Record<string, Exclude<Command['name'], 'unknown' | 'incomplete'> | 'joint'> = {
  help: 'help',
  帮助: 'help',
  start: 'help',
  cases: 'list',
  list: 'list',
  我的案件: 'list',
  案件: 'list',
  列表: 'list',
  case: 'show',
  show: 'show',
  查看: 'show',
  详情: 'show',
  reply: 'reply',
  回复: 'reply',
  答复: 'reply',
  resolve: 'resolve',
  办结: 'resolve',
  结案: 'resolve',
  transfer: 'transfer',
  转办: 'transfer',
  转交: 'transfer',
  escalate: 'escalate',
  上报: 'escalate',
  升级: 'escalate',
  joint: 'joint',
  联席: 'joint',
  联席会议: 'joint',
  note: 'note',
  备注: 'note',
};

export const USAGE: Record<string, string> = {
  show: '查看 <案件编号> / /case <caseNo>',
  reply: '回复 <案件编号> <内容> / /reply <caseNo> <text>（或直接回复案件通知）',
  resolve: '办结 <案件编号> <办理结果> / /resolve <caseNo> <summary>',
  transfer: '转办 <案件编号> <责任区代码> [理由] / /transfer <caseNo> <zoneCode> [reason]',
  escalate: '上报 <案件编号> [理由] / /escalate <caseNo> [reason]',
  joint: '联席 <案件编号> [理由] / /joint <caseNo> [reason]',
  note: '备注 <案件编号> <内容> / /note <caseNo> <text>',
};

const CASE_NO = /^\d{10,16}$/;

export function parseCommand(input: string): Command {
  const [head = '', ...rest] = input.trim().split(/\s+/);
  // Telegram sends "/reply@DistrictBot" in groups; the bot's name is not part of the command.
  const word = head.replace(/^\//, '').replace(/@\w+$/, '').toLowerCase();
  const name = ALIASES[word];
  if (!name) return { name: 'unknown', word: head };
  if (name === 'help' || name === 'list') return { name };
  const [caseNo, ...words] = rest;
  if (!caseNo || !CASE_NO.test(caseNo)) return { name: 'incomplete', usage: USAGE[name]! };
  const text = words.join(' ');
  switch (name) {
    case 'show':
      return { name, caseNo };
    case 'reply':
    case 'resolve':
    case 'note':
      return text ? { name, caseNo, text } : { name: 'incomplete', usage: USAGE[name]! };
    case 'transfer': {
      const [zoneCode, ...reason] = words;
      return zoneCode ? { name, caseNo, zoneCode, reason: reason.join(' ') } : { name: 'incomplete', usage: USAGE.transfer! };
    }
    case 'escalate':
    case 'joint':
      return { name: 'escalate', caseNo, joint: name === 'joint', reason: text };
  }
}

export const HELP_TEXT = ['民情联络员命令：', '我的案件 (/cases) — 列出本责任区未办结的案件', ...Object.values(USAGE)].join('\n');
