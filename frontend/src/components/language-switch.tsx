import { GlobalOutlined } from '@ant-design/icons';
import { Segmented, Space, theme } from 'antd';
import { useTranslation } from 'react-i18next';

import { isLanguage, setLanguage, type Language } from '@/i18n/i18n';

const OPTIONS: { value: Language; label: string }[] = [
  // Each language is named in itself, so it can be found whatever is showing now.
  { value: 'zh-Hans', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-Hans';

  return (
    <Space size={6} aria-label={t('language.label')} data-testid="language-switch">
      <GlobalOutlined aria-hidden style={{ color: token.colorTextSecondary }} />
      <Segmented<Language>
        size="small"
        value={current}
        options={OPTIONS}
        onChange={(value) => void setLanguage(value)}
      />
    </Space>
  );
}
