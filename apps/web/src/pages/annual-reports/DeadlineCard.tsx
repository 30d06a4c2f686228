import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAnnualReportSettings, saveAnnualReportSettings } from '../../api/annualReports';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { useErrorText } from '../../lib/errors';

/** 报送截止日期: 004 says the end of November, 000 the end of December; the county chooses. */
export function DeadlineCard() {
  const { t } = useTranslation();
  const county = useMe().roles.includes('countyAdmin');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['fetchAnnualReportSettings'],
    queryFn: ({ signal }) => fetchAnnualReportSettings(signal),
  });
  const [value, setValue] = useState<string | undefined>(undefined);
  const save = useMutation({
    mutationFn: (v: string) => saveAnnualReportSettings(v),
    onSuccess: () => {
      void message.success(t('annualReports.settingsSaved'));
      void client.invalidateQueries({ queryKey: ['fetchAnnualReportSettings'] });
      void client.invalidateQueries({ queryKey: ['fetchAnnualReports'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const current = value ?? q.data?.dueMonthDay ?? '';
  return (
    <Card title={t('annualReports.settings')}>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {q.data && (
        <Flex vertical gap={12} style={{ maxWidth: 640 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {q.data.reading}
          </Typography.Paragraph>
          {q.data.isDefault && <Typography.Text>{t('annualReports.defaultHint')}</Typography.Text>}
          <Flex gap={8} align="center">
            <span>{t('annualReports.settingsMonthDay')}</span>
            <Input
              value={current}
              disabled={!county}
              onChange={(e) => setValue(e.target.value)}
              style={{ width: 120 }}
              maxLength={5}
            />
            {county && (
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate(current)}>
                {t('annualReports.settingsSave')}
              </Button>
            )}
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
