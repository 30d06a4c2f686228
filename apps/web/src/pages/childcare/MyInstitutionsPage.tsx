import type { InstitutionDetail } from '@cradle/contract';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchOwnInstitutions, fileClosure } from '../../api/childcare';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FilingForm } from './FilingForm';

type Editing = { institution?: InstitutionDetail } | null;

/** 本机构备案 (issue 14): the institution's own account files, corrects, changes and closes. */
export function MyInstitutionsPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [closing, setClosing] = useState<InstitutionDetail | null>(null);
  const q = useQuery({ queryKey: ['fetchOwnInstitutions'], queryFn: ({ signal }) => fetchOwnInstitutions(signal) });
  const done = () => {
    setEditing(null);
    setClosing(null);
    void q.refetch();
  };
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('childcare.mine.title')}
        </Typography.Title>
        {!editing && (
          <Button type="primary" onClick={() => setEditing({})} data-testid="cc-new">
            {t('childcare.form.newTitle')}
          </Button>
        )}
      </Flex>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {editing && <FilingForm key={editing.institution?.id ?? 'new'} institution={editing.institution} onDone={done} />}
      {q.data?.length === 0 && !editing && <Empty description={t('childcare.mine.empty')} />}
      {q.data?.map((inst) => {
        const latest = inst.versions[0]!;
        return (
          <Card
            key={inst.id}
            title={
              <span>
                {inst.name} <Tag>{t(`institutionStatuses.${inst.status}`)}</Tag>
              </span>
            }
            extra={
              <Space>
                <Link to={`/childcare/institutions/${inst.id}`}>{t('childcare.mine.detail')}</Link>
                {inst.filedVersion !== null && (
                  <Link to={`/childcare/supervision/${inst.id}`} data-testid={`cc-own-supervision-${inst.id}`}>
                    {t('childcareSupervision.mySupervision')}
                  </Link>
                )}
              </Space>
            }
            data-testid={`cc-own-${inst.id}`}
          >
            <Flex vertical gap={8}>
              <Typography.Text>
                {t('childcare.fields.uscc')}：{inst.uscc}
                {inst.filingNo ? `　${t('childcare.fields.filingNo')}：${inst.filingNo}` : ''}
              </Typography.Text>
              <Typography.Text data-testid="cc-own-latest">
                {t('childcare.mine.latest', {
                  version: latest.version,
                  kind: t(`filingKinds.${latest.kind}`),
                  state: t(`filingStates.${latest.state}`),
                })}
              </Typography.Text>
              {latest.state === 'received' && (
                <Typography.Text type="secondary">
                  {t('childcare.mine.awaiting', { date: latest.reviewDeadline })}
                </Typography.Text>
              )}
              {latest.state === 'sentBack' && (
                <Typography.Text type="danger">
                  {t('childcare.mine.sentBack', { reason: latest.sendBackReason, date: latest.correctionDeadline })}
                </Typography.Text>
              )}
              {inst.status !== 'closed' && latest.state !== 'received' && (
                <Flex gap={8}>
                  <Button onClick={() => setEditing({ institution: inst })} data-testid="cc-edit">
                    {latest.state === 'sentBack' ? t('childcare.mine.correct') : t('childcare.mine.change')}
                  </Button>
                  {inst.status === 'filed' && (
                    <Button danger onClick={() => setClosing(inst)} data-testid="cc-close">
                      {t('childcare.mine.close')}
                    </Button>
                  )}
                </Flex>
              )}
            </Flex>
          </Card>
        );
      })}
      {closing && <ClosureModal institution={closing} onClose={() => setClosing(null)} onDone={done} />}
    </Flex>
  );
}

function ClosureModal({
  institution,
  onClose,
  onDone,
}: {
  institution: InstitutionDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ closedOn: Dayjs; reason: string; childrenPlacement: string }>();
  const close = useMutation({
    mutationFn: (v: { closedOn: Dayjs; reason: string; childrenPlacement: string }) =>
      fileClosure(institution.id, { ...v, closedOn: v.closedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      void message.success(t('childcare.closure.submitted'));
      onDone();
    },
  });
  return (
    <Modal
      open
      title={t('childcare.closure.title', { name: institution.name })}
      okText={t('childcare.closure.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={close.isPending}
    >
      <ApiErrorAlert error={close.error} />
      <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v)}>
        <Form.Item name="closedOn" label={t('childcare.closure.closedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label={t('childcare.closure.reason')} rules={[{ required: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="childrenPlacement"
          label={t('childcare.closure.childrenPlacement')}
          extra={t('childcare.closure.placementHint')}
          rules={[{ required: true }]}
        >
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
