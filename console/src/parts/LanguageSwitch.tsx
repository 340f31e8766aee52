/** 中文 / English: switches every string and antd's own locale; remembered in localStorage. */
import { Button } from 'antd';
import { useI18n } from '../i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button type="text" title={t('languageLabel')} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
      {t('language')}
    </Button>
  );
}
