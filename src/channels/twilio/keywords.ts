/**
 * Control words a resident can text instead of a message. Twilio handles the
 * English ones itself on long codes too; we record them so no channel of
 * ours sends to a number that opted out.
 */
export type Keyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, Keyword> = {
  stop: 'stop',
  unsubscribe: 'stop',
  cancel: 'stop',
  end: 'stop',
  quit: 'stop',
  退订: 'stop',
  取消: 'stop',
  start: 'start',
  unstop: 'start',
  yes: 'start',
  订阅: 'start',
  help: 'help',
  info: 'help',
  帮助: 'help',
};

/** The keyword a whole message is, if it is one (case, spaces and punctuation ignored). */
export function keywordOf(body: string): Keyword | undefined {
  return KEYWORDS[
    body
      .trim()
      .toLowerCase()
      .replace(/[\s.!。！]+/g, '')
  ];
}

export const HELP_TEXT = {
  zh: '民心电话：直接回复短信反映问题，我们会登记并告知编号；回复“查询”了解进度；回复“退订”不再接收短信。',
  en: 'District hotline: text us your concern and we will register it and reply with a case number. Reply STOP to opt out.',
};

export const OPTED_OUT_TEXT = {
  zh: '您已退订民心电话短信，回复“订阅”可恢复。',
};
