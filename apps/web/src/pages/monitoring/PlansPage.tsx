import type { PlanDefinition, PlanVersionView } from '@cradle/contract';
import { AimOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createPlanDraft, fetchPlanDrafts, movePlanDraft } from '../../api/monitoringEntry';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { isAdmin, useMe } from '../../lib/auth';
import { BUILT_IN_PLANS, findIndicator, INDICATORS, pick, type Plan } from '../../lib/domain';
import { useErrorText } from '../../lib/errors';
import { useLang } from '../../lib/useLang';

// As the form holds a row: any field may still be empty.
type TargetRow = {
  indicator: string;
  year?: number | null;
  comparison: 'atMost' | 'atLeast' | 'equal' | 'band';
  value?: string;
  upper?: string;
  clause?: string;
  reading?: string;
};

/** 规划目标: the built-in plans with each target's clause and reading, and the county's own drafts under four eyes. */
export function PlansPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const admin = isAdmin(me);
  const drafts = useQuery({
    queryKey: ['planDrafts'],
    queryFn: ({ signal }) => fetchPlanDrafts(signal),
    enabled: admin,
  });
  const move = useMutation({
    mutationFn: ({ id, step }: { id: number; step: 'submit' | 'publish' | 'withdraw' }) => movePlanDraft(id, step),
    onSuccess: (_, { step }) => {
      void message.success(t(`monitoringEntry.plans.done.${step}`));
      void drafts.refetch();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const governing = BUILT_IN_PLANS.filter((p) => me.jurisdiction.code.startsWith(p.jurisdictionCode));

  const comparisonText = (c: TargetRow['comparison'], value: string, upper?: string | null) =>
    t(`monitoringEntry.plans.comparison.${c}`, { value, upper: upper ?? '' });
  const targetsTable = (plan: Plan) => (
    <Table
      size="small"
      pagination={false}
      rowKey={(r) => `${r.indicator}-${r.year}-${r.comparison}`}
      dataSource={[...plan.targets]}
      columns={[
        {
          title: t('monitoringEntry.plans.indicator'),
          key: 'i',
          render: (_, r) => pick(findIndicator(r.indicator)?.name ?? { zh: r.indicator, en: r.indicator }, lang),
        },
        {
          title: t('monitoringEntry.plans.year'),
          key: 'y',
          width: 90,
          render: (_, r) => r.year ?? t('monitoringEntry.plans.everyYear'),
        },
        {
          title: t('monitoringEntry.plans.target'),
          key: 'v',
          width: 140,
          render: (_, r) =>
            `${comparisonText(r.comparison, r.value)}${pick(findIndicator(r.indicator)?.unit ?? { zh: '', en: '' }, lang)}`,
        },
        {
          title: t('monitoringEntry.plans.clause'),
          key: 'c',
          width: 160,
          render: (_, r) => `${r.basis.document} ${r.basis.clause}`,
        },
        {
          title: t('monitoringEntry.plans.reading'),
          key: 'r',
          render: (_, r) =>
            r.readings.map((x, i) => (
              <div key={i}>
                <Tag color={x.by === 'seed' ? 'blue' : 'purple'}>{t(`monitoringEntry.warnings.by.${x.by}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pick(x.note, lang)}
                </Typography.Text>
              </div>
            )),
        },
      ]}
    />
  );

  return (
    <Flex vertical gap={16} data-testid="plans-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        <AimOutlined /> {t('monitoringEntry.plans.title')}
      </Typography.Title>
      <Card title={t('monitoringEntry.plans.builtIn')}>
        <Collapse
          items={governing.map((p) => ({
            key: p.code,
            label: (
              <span>
                {pick(p.title, lang)} <Typography.Text type="secondary">{p.documentNumber ?? ''}</Typography.Text>{' '}
                {p.draft && <Tag>{t('monitoringEntry.plans.forComment')}</Tag>}
              </span>
            ),
            children: targetsTable(p),
          }))}
        />
      </Card>
      {admin && (
        <Card
          title={t('monitoringEntry.plans.county')}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="plan-new">
              {t('monitoringEntry.plans.new')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('monitoringEntry.plans.fourEyes')}</Typography.Paragraph>
          <ApiErrorAlert error={drafts.error} onRetry={() => void drafts.refetch()} />
          <Table<PlanVersionView>
            rowKey="id"
            size="small"
            loading={drafts.isFetching}
            dataSource={drafts.data ?? []}
            pagination={false}
            data-testid="plan-drafts"
            expandable={{
              expandedRowRender: (v) =>
                targetsTable({
                  code: v.planCode,
                  title: { zh: v.definition.title, en: v.definition.title },
                  documentNumber: v.definition.documentNumber,
                  issuer: { zh: v.definition.issuer, en: v.definition.issuer },
                  issueDate: v.definition.issueDate,
                  jurisdictionCode: v.jurisdictionCode,
                  period: { from: v.definition.periodFrom, to: v.definition.periodTo },
                  seed: null,
                  draft: false,
                  readings: [],
                  targets: v.definition.targets.map((x) => ({
                    indicator: x.indicator,
                    year: x.year,
                    comparison: x.comparison === 'band' ? 'atLeast' : x.comparison,
                    value: x.comparison === 'band' ? `${x.value}–${x.upper ?? ''}` : x.value,
                    quote: x.quote ?? '',
                    basis: { document: v.definition.documentNumber ?? '', clause: x.clause },
                    readings: x.reading ? [{ by: 'seed' as const, note: { zh: x.reading, en: x.reading } }] : [],
                  })),
                }),
            }}
            columns={[
              { title: t('monitoringEntry.plans.planTitle'), key: 't', render: (_, v) => v.definition.title },
              { title: t('monitoringEntry.plans.version'), dataIndex: 'version', width: 70 },
              {
                title: t('monitoringEntry.plans.status'),
                key: 's',
                width: 110,
                render: (_, v) => (
                  <Tag
                    color={
                      v.status === 'published'
                        ? v.inForce
                          ? 'green'
                          : 'default'
                        : v.status === 'inReview'
                          ? 'orange'
                          : 'blue'
                    }
                  >
                    {t(`monitoringEntry.plans.statuses.${v.status}`)}
                  </Tag>
                ),
              },
              { title: t('monitoringEntry.plans.drafter'), dataIndex: 'createdByName', width: 160 },
              {
                title: '',
                key: 'a',
                width: 200,
                render: (_, v) => (
                  <Flex gap={4}>
                    {v.status === 'draft' && (
                      <Button
                        size="small"
                        onClick={() => move.mutate({ id: v.id, step: 'submit' })}
                        data-testid="plan-submit"
                      >
                        {t('monitoringEntry.plans.submit')}
                      </Button>
                    )}
                    {v.status === 'inReview' && (
                      <>
                        <Button
                          size="small"
                          type="primary"
                          title={v.mine ? t('monitoringEntry.plans.notYours') : undefined}
                          onClick={() => move.mutate({ id: v.id, step: 'publish' })}
                          data-testid="plan-publish"
                        >
                          {t('monitoringEntry.plans.publish')}
                        </Button>
                        <Button size="small" onClick={() => move.mutate({ id: v.id, step: 'withdraw' })}>
                          {t('monitoringEntry.plans.withdraw')}
                        </Button>
                      </>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
      )}
      <PlanDraftModal
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          void drafts.refetch();
        }}
      />
    </Flex>
  );
}

type FormValues = {
  title: string;
  documentNumber?: string;
  issuer: string;
  issueDate: Dayjs;
  period: [Dayjs, Dayjs];
  targets?: TargetRow[];
};

function PlanDraftModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<FormValues>();
  const save = useMutation({
    mutationFn: (body: PlanDefinition) => createPlanDraft(body),
    onSuccess: () => {
      form.resetFields();
      onSaved();
    },
  });
  const required = [{ required: true, message: t('monitoringEntry.required') }];
  const ok = () =>
    void form.validateFields().then((v) =>
      save.mutate({
        title: v.title,
        documentNumber: v.documentNumber?.trim() ? v.documentNumber : null,
        issuer: v.issuer,
        issueDate: v.issueDate.format('YYYY-MM-DD'),
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
        targets: (v.targets ?? []).map((x) => ({
          indicator: x.indicator,
          year: x.year ?? null,
          comparison: x.comparison,
          value: String(x.value ?? ''),
          ...(x.comparison === 'band' ? { upper: String(x.upper ?? '') } : {}),
          clause: x.clause ?? '',
          ...(x.reading ? { reading: x.reading } : {}),
        })),
      }),
    );
  return (
    <Modal
      open={open}
      width={1100}
      title={t('monitoringEntry.plans.new')}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={save.isPending}
      okText={t('monitoringEntry.plans.save')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ issueDate: dayjs(), targets: [{ comparison: 'atLeast', year: null }] }}
        data-testid="plan-form"
      >
        <Flex gap={12} wrap>
          <Form.Item name="title" label={t('monitoringEntry.plans.planTitle')} rules={required} style={{ width: 420 }}>
            <Input />
          </Form.Item>
          <Form.Item name="documentNumber" label={t('monitoringEntry.plans.documentNumber')} style={{ width: 200 }}>
            <Input />
          </Form.Item>
          <Form.Item name="issuer" label={t('monitoringEntry.plans.issuer')} rules={required} style={{ width: 260 }}>
            <Input />
          </Form.Item>
          <Form.Item name="issueDate" label={t('monitoringEntry.plans.issueDate')} rules={required}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="period" label={t('monitoringEntry.plans.period')} rules={required}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Flex>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={6} align="start">
                  <Form.Item name={[f.name, 'indicator']} rules={required} style={{ width: 220, marginBottom: 4 }}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('monitoringEntry.plans.indicator')}
                      options={INDICATORS.map((i) => ({ value: i.code, label: pick(i.name, lang) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'year']} style={{ width: 100, marginBottom: 4 }}>
                    <InputNumber placeholder={t('monitoringEntry.plans.everyYear')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'comparison']} rules={required} style={{ width: 110, marginBottom: 4 }}>
                    <Select
                      options={(['atMost', 'atLeast', 'equal', 'band'] as const).map((c) => ({
                        value: c,
                        label: t(`monitoringEntry.plans.comparisonName.${c}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} rules={required} style={{ width: 90, marginBottom: 4 }}>
                    <Input placeholder={t('monitoringEntry.plans.value')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'upper']} style={{ width: 90, marginBottom: 4 }}>
                    <Input placeholder={t('monitoringEntry.plans.upper')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'clause']} rules={required} style={{ width: 110, marginBottom: 4 }}>
                    <Input placeholder={t('monitoringEntry.plans.clause')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reading']} style={{ flex: 1, marginBottom: 4 }}>
                    <Input placeholder={t('monitoringEntry.plans.reading')} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('monitoringEntry.plans.removeTarget')}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ comparison: 'atLeast', year: null })}>
                {t('monitoringEntry.plans.addTarget')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
      <ApiErrorAlert error={save.error} />
    </Modal>
  );
}
