import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchVisitSettings, saveVisitSettings } from '../../api/specialFamilies';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { VISIT_INTERVALS } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';

/** 走访频次: the seeds say only 定期; the county sets its interval, a quarter by default (Cradle's reading). */
export function VisitSettingsCard() {
  const { t } = useTranslation();
  const county = useMe().roles.includes('countyAdmin');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['fetchVisitSettings'], queryFn: ({ signal }) => fetchVisitSettings(signal) });
  const [months, setMonths] = useState<number | undefined>(undefined);
  const save = useMutation({
    mutationFn: (m: number) => saveVisitSettings(m),
    onSuccess: () => {
      void message.success(t('specialFamilies.settings.saved'));
      void client.invalidateQueries({ queryKey: ['fetchVisitSettings'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const current = months ?? q.data?.visitIntervalMonths;
  return (
    <Card title={t('specialFamilies.settings.title')}>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {q.data && (
        <Flex vertical gap={12} style={{ maxWidth: 560 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {q.data.reading}
          </Typography.Paragraph>
          {q.data.isDefault && <Typography.Text>{t('specialFamilies.settings.defaultHint')}</Typography.Text>}
          <Select
            value={current}
            disabled={!county}
            onChange={setMonths}
            style={{ width: 260 }}
            options={VISIT_INTERVALS.map((m) => ({
              value: m,
              label: t('specialFamilies.settings.months', { months: m }),
            }))}
          />
          {county && (
            <Button
              type="primary"
              style={{ alignSelf: 'flex-start' }}
              loading={save.isPending}
              onClick={() => current !== undefined && save.mutate(current)}
            >
              {t('specialFamilies.settings.save')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
