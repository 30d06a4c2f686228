import { Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth';
import { ProposeForm } from './ProposeForm';
import { SpecialFamilyList } from './SpecialFamilyList';
import { VisitSettingsCard } from './VisitSettingsCard';

/** 计划生育特殊家庭 (issue 16): the township proposes, the county confirms, the contacts visit. */
export function SpecialFamiliesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const county = me.roles.includes('countyAdmin');
  const township = me.roles.includes('townshipWorker');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('specialFamilies.title')}
      </Typography.Title>
      <Tabs
        items={[
          ...(county
            ? [
                {
                  key: 'queue',
                  label: t('specialFamilies.tabs.queue'),
                  children: <SpecialFamilyList fixed={{ status: 'proposed' }} testId="special-families-queue" />,
                },
              ]
            : []),
          { key: 'list', label: t('specialFamilies.tabs.list'), children: <SpecialFamilyList /> },
          ...(township
            ? [{ key: 'propose', label: t('specialFamilies.tabs.propose'), children: <ProposeForm /> }]
            : []),
          { key: 'settings', label: t('specialFamilies.tabs.settings'), children: <VisitSettingsCard /> },
        ]}
      />
    </Flex>
  );
}
