import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { LANGS } from '../i18n/language';
import { useLang } from '../lib/useLang';

export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGS.map((l) => ({ key: l, label: <span data-testid={`lang-option-${l}`}>{t(`lang.${l}`)}</span> })),
        onClick: ({ key }) => void changeLanguage(key === 'en' ? 'en' : 'zh-CN'),
      }}
    >
      <Button type={type} icon={<GlobalOutlined />} data-testid="lang-switch" aria-label={t('lang.label')}>
        {t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}
