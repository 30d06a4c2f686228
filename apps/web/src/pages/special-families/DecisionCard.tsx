import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decideSpecialFamily } from '../../api/specialFamilies';
import { useMe } from '../../lib/auth';
import { useErrorText } from '../../lib/errors';
import { type File, useFileRefresh } from './useFileRefresh';

/** The county's decision: confirm or reject a proposal (not its proposer's), or end a confirmed file. */
export function DecisionCard({ file }: { file: File }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useFileRefresh(file.id);
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (d: 'confirm' | 'reject' | 'end') => decideSpecialFamily(file.id, d, { note: note.trim() || null }),
    onSuccess: () => {
      void message.success(t('specialFamilies.detail.decided'));
      setNote('');
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  if (!me.roles.includes('countyAdmin') || (file.status !== 'proposed' && file.status !== 'confirmed')) return null;
  return (
    <Card>
      <Flex vertical gap={8} style={{ maxWidth: 560 }}>
        {file.mine && <Typography.Text type="warning">{t('specialFamilies.detail.mineHint')}</Typography.Text>}
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('specialFamilies.detail.note')}
        />
        <Typography.Text type="secondary">{t('specialFamilies.detail.noteRequired')}</Typography.Text>
        <Flex gap={8}>
          {file.status === 'proposed' ? (
            <>
              <Button
                type="primary"
                disabled={file.mine}
                loading={decide.isPending}
                onClick={() => decide.mutate('confirm')}
                data-testid="sf-confirm"
              >
                {t('specialFamilies.detail.confirm')}
              </Button>
              <Button danger disabled={file.mine} loading={decide.isPending} onClick={() => decide.mutate('reject')}>
                {t('specialFamilies.detail.reject')}
              </Button>
            </>
          ) : (
            <Button danger loading={decide.isPending} onClick={() => decide.mutate('end')}>
              {t('specialFamilies.detail.end')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
