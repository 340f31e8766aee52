/** The strings of zones, liaisons, categories and the calendar, in Chinese and English. */
export const zh = {};
export const en: Record<keyof typeof zh, string> = {};
