import type { UnitView } from '@cradle/contract';
import { POSITION_LABELS, UNIT_KIND_LABELS, type MemberPosition } from '@cradle/domain';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeSeat, exportUnits, fetchUnits, removeLiaison } from '../../api/supervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { mayRunSupervisionOffice, useMe } from '../../lib/auth';
import { useErrorText } from '../../lib/errors';
import { useLang } from '../../lib/useLang';
import { LiaisonModal } from './LiaisonModal';

/** 单位名录: the county's units, their joint-meeting seats with filed changes, and liaisons. */
export function UnitsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const office = mayRunSupervisionOffice(useMe());
  const { message } = App.useApp();
  const errorText = useErrorText();
  const q = useQuery({ queryKey: ['fetchUnits'], queryFn: ({ signal }) => fetchUnits(signal) });
  const [editing, setEditing] = useState<UnitView | null>(null);
  const [naming, setNaming] = useState<UnitView | null>(null);
  const [form] = Form.useForm<{ position: MemberPosition; post: string; sinceOn: Dayjs; note: string }>();
  const save = useMutation({
    mutationFn: (v: { position: MemberPosition; post: string; sinceOn: Dayjs; note: string }) =>
      changeSeat(editing!.id, { ...v, sinceOn: v.sinceOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      void message.success(t('supervision.units.filed'));
      setEditing(null);
      form.resetFields();
      void q.refetch();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const remove = useMutation({
    mutationFn: (v: { unitId: number; userId: number }) => removeLiaison(v.unitId, v.userId),
    onSuccess: () => {
      void message.success(t('supervision.units.liaisonRemoved'));
      void q.refetch();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const pick = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
  const columns: TableColumnsType<UnitView> = [
    { title: t('supervision.units.name'), dataIndex: 'name', width: 220 },
    { title: t('supervision.units.aliases'), width: 200, render: (_: unknown, r) => r.aliases.join('、') },
    { title: t('supervision.units.kind'), width: 140, render: (_: unknown, r) => pick(UNIT_KIND_LABELS[r.kind]) },
    {
      title: t('supervision.units.seats'),
      width: 300,
      render: (_: unknown, r) =>
        r.seats.map((s) => (
          <div key={s.id} style={s.untilOn ? { color: '#999' } : undefined}>
            {pick(POSITION_LABELS[s.position])}({s.post}){' '}
            {s.untilOn
              ? t('supervision.units.until', { date: s.untilOn })
              : t('supervision.units.since', { date: s.sinceOn })}
          </div>
        )),
    },
    {
      title: t('supervision.units.liaisons'),
      width: 240,
      render: (_: unknown, r) =>
        r.liaisons.length === 0
          ? t('supervision.units.none')
          : r.liaisons.map((l) => (
              <div key={l.userId}>
                {l.displayName}
                {!l.byDepartment && (
                  <>
                    {' '}
                    <Tag color="blue">{t('supervision.units.named')}</Tag>
                    {office && (
                      <Popconfirm
                        title={t('supervision.units.removeConfirm', { name: l.displayName })}
                        okText={t('supervision.detail.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutate({ unitId: r.id, userId: l.userId })}
                      >
                        <Button type="link" size="small" danger>
                          {t('supervision.units.remove')}
                        </Button>
                      </Popconfirm>
                    )}
                  </>
                )}
              </div>
            )),
    },
    ...(office
      ? [
          {
            title: '',
            width: 150,
            render: (_: unknown, r: UnitView) => (
              <Flex vertical gap={4} align="start">
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('supervision.units.changeSeat')}
                </Button>
                <Button size="small" onClick={() => setNaming(r)}>
                  {t('supervision.units.nameLiaison')}
                </Button>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('supervision.units.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('supervision.units.basis')}</Typography.Text>
      <Card extra={<ExportXlsxButton download={exportUnits} testId="kt-units-export" />}>
        <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={q.data?.items}
          loading={q.isFetching}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          data-testid="kt-units"
        />
      </Card>
      <Modal
        open={editing !== null}
        title={`${t('supervision.units.changeSeat')} · ${editing?.name ?? ''}`}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('supervision.detail.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ position: 'member' }}>
          <Form.Item name="position" label={t('supervision.units.position')} rules={[{ required: true }]}>
            <Select
              options={(['convener', 'deputyConvener', 'member'] as const).map((p) => ({
                value: p,
                label: pick(POSITION_LABELS[p]),
              }))}
            />
          </Form.Item>
          <Form.Item name="post" label={t('supervision.units.post')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="sinceOn" label={t('supervision.units.sinceOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('supervision.units.note')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <LiaisonModal
        unit={naming}
        onClose={() => setNaming(null)}
        onDone={() => {
          setNaming(null);
          void q.refetch();
        }}
      />
    </Flex>
  );
}
