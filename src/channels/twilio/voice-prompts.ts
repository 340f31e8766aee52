/** What the hotline says, in Mandarin (zh-CN), kept apart from the call flow. */

/** Digits read one by one ("2 6 1 1 …"), as a case number should be heard. */
export const spellDigits = (digits: string) => digits.split('').join(' ');

export const PROMPTS = {
  menu: '您好，这里是五华区民心电话。反映问题请按1；查询办理进度请按2；需要我们回电请按3；转值班人员请按0。',
  notUnderstood: '对不起，没有听清您的选择。',
  record: '请在提示音后说出您反映的问题，说完请按井号键。',
  voicemail: '请在提示音后留言，说完请按井号键，我们会尽快回复。',
  recorded: '感谢您的反映，我们已经登记，办理编号将以短信告知。再见。',
  noRecording: '没有录到您的留言，请稍后再拨。再见。',
  askCaseNo: '请输入案件编号，以井号键结束。',
  caseStatus: (caseNo: string, status: string) => `案件 ${spellDigits(caseNo)}，当前状态：${status}。感谢来电，再见。`,
  caseNotFound: '没有找到这个编号的案件，请核对后再拨。再见。',
  callbackRegistered: (caseNo: string) => `已为您登记回电请求，编号 ${spellDigits(caseNo)}，工作人员会尽快给您回电。再见。`,
  transferring: '正在为您转接值班人员，请稍候。',
  callbackNote: '来电请求回电',
  survey: (caseNo: string) => `您好，这里是五华区民心电话回访。您反映的问题，编号 ${spellDigits(caseNo)}，已经办结。满意请按1，基本满意请按2，不满意请按3。`,
  surveyThanks: '感谢您的评价，再见。',
  surveyNotUnderstood: '没有收到您的选择，我们稍后再联系您。再见。',
  voicemailNote: (seconds: string, url: string) => `［语音留言 ${seconds} 秒］${url}`,
} as const;
