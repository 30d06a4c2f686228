import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function Logo({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={10}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && (
        <Flex vertical style={{ lineHeight: 1.2 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('app.short')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.module')}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
