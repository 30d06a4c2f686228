import type { EvaluationItemBody, EvaluationItemView, SelfEvaluationView } from '@cradle/contract';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateEvaluationItem } from '../../api/annualReports';
import { useErrorText } from '../../lib/errors';

/** 填报: the unit, the region's ranking (relative items), survey tallies (知晓率/满意度), a note. */
export function ItemEditor(props: { view: SelfEvaluationView; item: EvaluationItemView; onClose: () => void }) {
  const { view, item, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [form] = Form.useForm<EvaluationItemBody>();
  const save = useMutation({
    mutationFn: (body: EvaluationItemBody) => updateEvaluationItem(view.id!, item.code, body),
    onSuccess: (v) => {
      void message.success(t('selfEvaluation.saved'));
      client.setQueryData(['fetchSelfEvaluation', view.year], v);
      onClose();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Modal
      open
      title={`${item.code} ${item.text}`}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      okText={t('selfEvaluation.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          unitKey: item.unitKey,
          ranking: item.ranking,
          surveyRespondents: item.surveyRespondents,
          surveyPositive: item.surveyPositive,
          note: item.note,
        }}
      >
        <Form.Item name="unitKey" label={t('selfEvaluation.unit')}>
          {view.units.length > 0 ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('selfEvaluation.unitPlaceholder')}
              options={view.units.map((u) => ({ value: u.key, label: u.name }))}
            />
          ) : (
            <Input maxLength={64} />
          )}
        </Form.Item>
        {item.relative && (
          <Form.Item name="ranking" label={t('selfEvaluation.ranking')}>
            <Input maxLength={100} data-testid="evaluation-ranking" />
          </Form.Item>
        )}
        {item.survey && (
          <>
            <Form.Item name="surveyRespondents" label={t('selfEvaluation.surveyRespondents')}>
              <InputNumber min={1} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="surveyPositive" label={t('selfEvaluation.surveyPositive')}>
              <InputNumber min={0} style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('selfEvaluation.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
