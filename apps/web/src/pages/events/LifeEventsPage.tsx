import { Flex, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayRecordLifeEvents, useMe } from '../../lib/auth';
import { LifeEventForm } from './LifeEventForm';
import { LifeEventImport } from './LifeEventImport';
import { LifeEventList } from './LifeEventList';

/** 生命事件 (issue 13): hospital and public-security operators record and import; the registry's staff read. */
export function LifeEventsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const list = <LifeEventList version={version} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('events.title')}
      </Typography.Title>
      {mayRecordLifeEvents(me) ? (
        <Tabs
          items={[
            { key: 'record', label: t('events.tabs.record'), children: <LifeEventForm onRecorded={changed} /> },
            { key: 'list', label: t('events.tabs.list'), children: list },
            { key: 'import', label: t('events.tabs.import'), children: <LifeEventImport onFinished={changed} /> },
          ]}
        />
      ) : (
        list
      )}
    </Flex>
  );
}
