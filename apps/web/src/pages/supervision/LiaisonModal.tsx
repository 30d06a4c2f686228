import type { UnitView } from '@cradle/contract';
import type { Department } from '@cradle/domain';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchLiaisonCandidates, nameLiaison } from '../../api/supervision';
import { useErrorText } from '../../lib/errors';

/** The office names a staff member of the county (a department operator) as a unit's liaison. */
export function LiaisonModal({
  unit,
  onClose,
  onDone,
}: {
  unit: UnitView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ userId: number }>();
  const candidates = useQuery({
    queryKey: ['fetchLiaisonCandidates'],
    queryFn: ({ signal }) => fetchLiaisonCandidates(signal),
    enabled: unit !== null,
  });
  const save = useMutation({
    mutationFn: (v: { userId: number }) => nameLiaison(unit!.id, v.userId),
    onSuccess: () => {
      void message.success(t('supervision.units.liaisonNamed'));
      form.resetFields();
      onDone();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const taken = new Set(unit?.liaisons.map((l) => l.userId));
  const options = (candidates.data?.items ?? [])
    .filter((c) => !taken.has(c.userId))
    .map((c) => ({
      value: c.userId,
      label: c.department ? `${c.displayName}(${t(`departments.${c.department as Department}`)})` : c.displayName,
    }));
  return (
    <Modal
      open={unit !== null}
      title={`${t('supervision.units.nameLiaison')} · ${unit?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('supervision.detail.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('supervision.units.liaisonHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="userId" label={t('supervision.units.liaisonUser')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isFetching}
            options={options}
            data-testid="kt-liaison-user"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
