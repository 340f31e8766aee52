/** The strings of the figures (考核): rates, charts and exports, in Chinese and English. */
export const zh = {};
export const en: Record<keyof typeof zh, string> = {};
