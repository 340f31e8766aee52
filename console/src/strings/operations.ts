/** The strings of operations: queues, failed sends and messages, WeChat, router models, contact cards and the audit log, in Chinese and English. */
export const zh = {};
export const en: Record<keyof typeof zh, string> = {};
