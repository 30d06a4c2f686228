import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../lib/useSystemInfo';

/** Says plainly that the people shown are made up, whenever the server runs on demo data. */
export function DemoBanner({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const info = useSystemInfo();
  if (!info?.demo) return null;
  if (compact) {
    return (
      <Tooltip title={t('demo.description')}>
        <Tag icon={<ExperimentOutlined />} color="gold" data-testid="demo-banner">
          {t('demo.banner')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Alert
      data-testid="demo-banner"
      type="info"
      showIcon
      icon={<ExperimentOutlined />}
      title={t('demo.banner')}
      description={t('demo.description')}
      style={{ marginBottom: 16 }}
    />
  );
}
