import type { TakeUpRate } from '@cradle/contract';
import { Button, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setTakeUpRate } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { basisPointsToPercent, percentToBasisPoints } from '../../lib/domain';

type Props = { schemeCode: string; current: TakeUpRate; open: boolean; onClose: () => void; onSaved: () => void };
type Values = { percent: string; basis: string };

/** 设置预计申领率: a percentage with up to two decimals (stored exactly, in basis points) and what it rests on. */
export function TakeUpRateModal({ schemeCode, current, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => setTakeUpRate(schemeCode, percentToBasisPoints(v.percent)!, v.basis.trim()),
    onSuccess: onSaved,
  });

  return (
    <Modal
      open={open}
      title={t('benefits.budget.takeUp.setTitle')}
      onCancel={onClose}
      afterClose={() => save.reset()}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="take-up-save">
            {t('benefits.budget.takeUp.save')}
          </Button>
        </>
      }
    >
      <ApiErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ percent: basisPointsToPercent(current.basisPoints), basis: current.basis ?? '' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="percent"
          label={t('benefits.budget.takeUp.percent')}
          extra={t('benefits.budget.takeUp.percentHint')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                percentToBasisPoints(v ?? '') === null
                  ? Promise.reject(new Error(t('benefits.budget.takeUp.percentInvalid')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input suffix="%" inputMode="decimal" style={{ width: 160 }} autoFocus data-testid="take-up-percent" />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t('benefits.budget.takeUp.basis')}
          rules={[{ required: true, whitespace: true, message: t('benefits.budget.takeUp.basisRequired') }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={t('benefits.budget.takeUp.basisPlaceholder')}
            data-testid="take-up-basis"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
