/** Residents writing in Latin letters only get English answers; anything with Chinese, or no letters at all, Chinese. */
export function guessLanguage(text: string): 'zh' | 'en' {
  return /[\u4e00-\u9fff]/.test(text) || !/[a-z]/i.test(text) ? 'zh' : 'en';
}
