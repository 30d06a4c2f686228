import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../lib/useSystemInfo';

/**
 * Says plainly that the people shown are made up whenever the server runs on demo data:
 * a slim banner on the login page, a tag beside the dashboard's title.
 */
export function DemoBanner({ variant = 'banner' }: { variant?: 'banner' | 'tag' }) {
  const { t } = useTranslation();
  const info = useSystemInfo();
  if (!info?.demo) return null;
  if (variant === 'tag') {
    return (
      <Tooltip title={t('demo.description')}>
        <Tag icon={<ExperimentOutlined />} color="gold" data-testid="demo-banner">
          {t('demo.banner')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('demo.description')}>
      <Alert
        data-testid="demo-banner"
        type="warning"
        showIcon
        icon={<ExperimentOutlined />}
        title={t('demo.banner')}
        style={{ marginBottom: 16 }}
      />
    </Tooltip>
  );
}
