import type { SpecialFamilyFileDetail } from '@cradle/contract';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { decideSpecialFamily, fetchSpecialFamily, recordService, recordVisit } from '../../api/specialFamilies';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../lib/auth';
import { type SPECIAL_FAMILY_NEEDS, SPECIAL_FAMILY_SERVICE_KINDS, VISIT_KINDS } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

type File = SpecialFamilyFileDetail;
type Need = (typeof SPECIAL_FAMILY_NEEDS)[number];
type Grade = '1' | '2' | '3' | '4';

/** 特殊家庭档案: the family (masked), contacts, visits, services, history; the county decides, contacts record. */
export function SpecialFamilyDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['fetchSpecialFamily', id], queryFn: ({ signal }) => fetchSpecialFamily(id, signal) });
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const f = q.data;
  const person = (p: File['mother']) => (p ? `${p.name} ${p.idMasked}` : t('common.none'));
  return (
    <Flex vertical gap={16}>
      <Link to="/special-families">{t('specialFamilies.detail.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('specialFamilies.detail.title', { id: f.id })}
      </Typography.Title>
      <Card title={t('specialFamilies.detail.family')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="special-family-detail">
          <Descriptions.Item label={t('specialFamilies.fields.kind')}>
            {t(`specialFamilyKinds.${f.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.status')}>
            {t(`specialFamilyStatuses.${f.status}`)}
            {f.overdue && (
              <Tag color="red" style={{ marginLeft: 6 }}>
                {t('specialFamilies.overdue')}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.region')}>{f.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.eventDate')}>{f.eventDate}</Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.mother')}>{person(f.mother)}</Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.father')}>{person(f.father)}</Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.child')}>{person(f.child)}</Descriptions.Item>
          {f.disabilityGrade !== null && (
            <Descriptions.Item label={t('specialFamilies.fields.disabilityGrade')}>
              {t(`specialFamilies.grades.${String(f.disabilityGrade) as Grade}`)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('specialFamilies.fields.needs')}>
            {f.needs.length
              ? f.needs.map((n) => t(`specialFamilyNeeds.${n as Need}`)).join(t('common.listSeparator'))
              : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('specialFamilies.fields.proposedBy')}>
            {f.proposedByName} {formatDateTime(f.proposedAt)}
          </Descriptions.Item>
          {f.decidedByName && (
            <Descriptions.Item label={t('specialFamilies.fields.decidedBy')}>
              {f.decidedByName} {f.decidedAt ? formatDateTime(f.decidedAt) : ''}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('specialFamilies.fields.nextVisit')}>
            {f.nextVisitDue ?? t('common.none')} ·{' '}
            {t('specialFamilies.detail.interval', { months: f.visitIntervalMonths })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Decision file={f} />
      <Card title={t('specialFamilies.detail.contacts')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f.contacts}
          columns={[
            { title: t('specialFamilies.propose.contactName'), dataIndex: 'name' },
            {
              title: t('specialFamilies.fields.kind'),
              dataIndex: 'role',
              render: (r: File['contacts'][number]['role']) => t(`contactRoles.${r}`),
            },
            {
              title: t('specialFamilies.propose.contactOrganisation'),
              dataIndex: 'organisation',
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('specialFamilies.propose.contactPhone'),
              dataIndex: 'phoneMasked',
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('specialFamilies.propose.contactAccount'),
              dataIndex: 'hasAccount',
              render: (v: boolean) => t(v ? 'specialFamilies.hasAccount' : 'specialFamilies.noAccount'),
            },
          ]}
        />
      </Card>
      <Visits file={f} />
      <Services file={f} />
      <Card title={t('specialFamilies.detail.history')}>
        <Table
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={f.history}
          columns={[
            {
              title: t('specialFamilies.fields.status'),
              dataIndex: 'status',
              render: (s: File['status']) => t(`specialFamilyStatuses.${s}`),
            },
            {
              title: t('specialFamilies.detail.effectiveFrom', { date: '' }).trim(),
              dataIndex: 'effectiveFrom',
            },
            { title: t('specialFamilies.detail.recordedBy'), dataIndex: 'changedByName' },
            {
              title: t('specialFamilies.fields.proposedAt'),
              dataIndex: 'changedAt',
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t('specialFamilies.detail.note'),
              dataIndex: 'note',
              render: (v: string | null) => v ?? t('common.none'),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

function useRefresh(id: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['fetchSpecialFamily', id] });
    void client.invalidateQueries({ queryKey: ['fetchSpecialFamilies'] });
  };
}

/** The county's decision: confirm or reject a proposal (not its proposer's), or end a confirmed file. */
function Decision({ file }: { file: File }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useRefresh(file.id);
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

const mayRecord = (roles: readonly string[]) => roles.includes('townshipWorker') || roles.includes('villageWorker');

function Visits({ file }: { file: File }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useRefresh(file.id);
  const [form] = Form.useForm<{ visitDate: Dayjs; kind: (typeof VISIT_KINDS)[number]; note?: string }>();
  const save = useMutation({
    mutationFn: (v: { visitDate: Dayjs; kind: (typeof VISIT_KINDS)[number]; note?: string }) =>
      recordVisit(file.id, { visitDate: v.visitDate.format('YYYY-MM-DD'), kind: v.kind, note: v.note?.trim() || null }),
    onSuccess: () => {
      void message.success(t('specialFamilies.detail.visitRecorded'));
      form.resetFields();
      refresh();
    },
    onError: (e) => void message.error({ content: errorText(e), className: 'special-family-error' }),
  });
  const required = [{ required: true, message: t('specialFamilies.propose.required') }];
  return (
    <Card title={t('specialFamilies.detail.visits')}>
      {mayRecord(me.roles) && file.status === 'confirmed' && (
        <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="visitDate" rules={required}>
            <DatePicker
              placeholder={t('specialFamilies.detail.visitDate')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item name="kind" rules={required}>
            <Select
              style={{ width: 170 }}
              placeholder={t('specialFamilies.detail.visitKind')}
              options={VISIT_KINDS.map((k) => ({ value: k, label: t(`visitKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input maxLength={1000} placeholder={t('specialFamilies.detail.visitNote')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('specialFamilies.detail.recordVisit')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.visits}
        columns={[
          { title: t('specialFamilies.detail.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('specialFamilies.detail.visitDate'),
            dataIndex: 'visitDate',
            render: (v: string | null, r) =>
              v ??
              (r.overdue ? <Tag color="red">{t('specialFamilies.overdue')}</Tag> : t('specialFamilies.detail.planned')),
          },
          {
            title: t('specialFamilies.detail.visitKind'),
            dataIndex: 'kind',
            render: (k: File['visits'][number]['kind']) => (k ? t(`visitKinds.${k}`) : t('common.none')),
          },
          {
            title: t('specialFamilies.detail.visitNote'),
            dataIndex: 'note',
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('specialFamilies.detail.recordedBy'),
            dataIndex: 'recordedByName',
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
      />
    </Card>
  );
}

function Services({ file }: { file: File }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useRefresh(file.id);
  type V = { kind: (typeof SPECIAL_FAMILY_SERVICE_KINDS)[number]; serviceDate: Dayjs; detail?: string };
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: (v: V) =>
      recordService(file.id, {
        kind: v.kind,
        serviceDate: v.serviceDate.format('YYYY-MM-DD'),
        detail: v.detail?.trim() || null,
      }),
    onSuccess: () => {
      void message.success(t('specialFamilies.detail.serviceRecorded'));
      form.resetFields();
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const required = [{ required: true, message: t('specialFamilies.propose.required') }];
  return (
    <Card title={t('specialFamilies.detail.services')}>
      {mayRecord(me.roles) && file.status === 'confirmed' && (
        <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="kind" rules={required}>
            <Select
              style={{ width: 200 }}
              placeholder={t('specialFamilies.detail.serviceKind')}
              options={SPECIAL_FAMILY_SERVICE_KINDS.map((k) => ({ value: k, label: t(`specialFamilyServices.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="serviceDate" rules={required}>
            <DatePicker
              placeholder={t('specialFamilies.detail.serviceDate')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item name="detail">
            <Input maxLength={500} placeholder={t('specialFamilies.detail.serviceDetail')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('specialFamilies.detail.recordService')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.services}
        columns={[
          {
            title: t('specialFamilies.detail.serviceKind'),
            dataIndex: 'kind',
            render: (k: File['services'][number]['kind']) => t(`specialFamilyServices.${k}`),
          },
          { title: t('specialFamilies.detail.serviceDate'), dataIndex: 'serviceDate' },
          {
            title: t('specialFamilies.detail.serviceDetail'),
            dataIndex: 'detail',
            render: (v: string | null) => v ?? t('common.none'),
          },
          { title: t('specialFamilies.detail.recordedBy'), dataIndex: 'recordedByName' },
        ]}
      />
    </Card>
  );
}
