/** The strings of routing rules, their versions, the test panel and the impact preview, in Chinese and English. */
export const zh = {};
export const en: Record<keyof typeof zh, string> = {};
