import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { MeetingView } from '@cradle/contract';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { exportMeetings, fetchMeetings, fetchUnits, recordMeeting } from '../../api/supervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { mayRunSupervisionOffice, useMe } from '../../lib/auth';

interface Values {
  kind: 'plenary' | 'topical';
  title: string;
  heldOn: Dayjs;
  chair: string;
  minutes: string;
  signedBy: string;
  attendeeUnitIds?: number[];
  decisions?: { text: string; ownerUnitIds?: number[]; dueOn: Dayjs }[];
}

/** 联席会议: meetings with minutes and decisions (each a key task), and the once-a-year rule. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const office = mayRunSupervisionOffice(useMe());
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['fetchMeetings'], queryFn: ({ signal }) => fetchMeetings(signal) });
  const units = useQuery({ queryKey: ['fetchUnits'], queryFn: ({ signal }) => fetchUnits(signal), enabled: office });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const record = useMutation({
    mutationFn: (v: Values) =>
      recordMeeting({
        ...v,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        attendeeUnitIds: v.attendeeUnitIds ?? [],
        decisions: (v.decisions ?? []).map((d) => ({
          ...d,
          ownerUnitIds: d.ownerUnitIds ?? [],
          dueOn: d.dueOn.format('YYYY-MM-DD'),
        })),
      }),
    onSuccess: () => {
      void message.success(t('supervision.meetings.recorded'));
      setOpen(false);
      form.resetFields();
      void q.refetch();
      void qc.invalidateQueries({ queryKey: ['fetchKeyTasks'] });
    },
  });
  const unitOptions = units.data?.items.map((u) => ({ value: u.id, label: u.name })) ?? [];
  const columns: TableColumnsType<MeetingView> = [
    { title: t('supervision.meetings.heldOn'), dataIndex: 'heldOn', width: 120 },
    {
      title: t('supervision.meetings.kind'),
      width: 100,
      render: (_: unknown, r) => <Tag>{t(`supervision.meetings.${r.kind}`)}</Tag>,
    },
    { title: t('supervision.meetings.titleField'), dataIndex: 'title', width: 220 },
    { title: t('supervision.meetings.chair'), dataIndex: 'chair', width: 100 },
    { title: t('supervision.meetings.signedBy'), dataIndex: 'signedBy', width: 120 },
    {
      title: t('supervision.meetings.minutes'),
      dataIndex: 'minutes',
      render: (m: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: m }} style={{ margin: 0 }}>
          {m}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('supervision.meetings.decisions'),
      width: 160,
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          {r.decisionTaskIds.map((id, i) => (
            <Link key={id} to={`/supervision/tasks/${id}`} data-testid={`meeting-decision-${id}`}>
              {i + 1}
            </Link>
          ))}
        </Space>
      ),
    },
  ];
  const unmet = q.data?.yearly.filter((y) => !y.met) ?? [];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('supervision.meetings.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('supervision.meetings.basis')}</Typography.Text>
      {unmet.map((y) => (
        <Alert
          key={y.year}
          type="warning"
          showIcon
          title={t('supervision.meetings.ruleUnmet', { year: y.year })}
          data-testid={`meeting-rule-${y.year}`}
        />
      ))}
      <Card
        title={q.data?.yearly
          .filter((y) => y.met)
          .map((y) => (
            <Tag key={y.year} color="green">
              {t('supervision.meetings.ruleMet', { year: y.year, n: y.meetings })}
            </Tag>
          ))}
        extra={
          <Space>
            {office && (
              <Button type="primary" onClick={() => setOpen(true)} data-testid="meeting-record">
                {t('supervision.meetings.record')}
              </Button>
            )}
            <ExportXlsxButton download={exportMeetings} testId="meeting-export" />
          </Space>
        }
      >
        <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={q.data?.items}
          loading={q.isFetching}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        />
      </Card>
      <Modal
        open={open}
        width={860}
        title={t('supervision.meetings.record')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('supervision.detail.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={record.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => record.mutate(v)}
          initialValues={{ kind: 'plenary', decisions: [] }}
        >
          <Space wrap>
            <Form.Item name="kind" label={t('supervision.meetings.kind')} rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                options={(['plenary', 'topical'] as const).map((k) => ({
                  value: k,
                  label: t(`supervision.meetings.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('supervision.meetings.titleField')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input style={{ width: 300 }} maxLength={200} data-testid="meeting-title" />
            </Form.Item>
            <Form.Item name="heldOn" label={t('supervision.meetings.heldOn')} rules={[{ required: true }]}>
              <DatePicker data-testid="meeting-held-on" />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item
              name="chair"
              label={t('supervision.meetings.chair')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input style={{ width: 200 }} maxLength={50} data-testid="meeting-chair" />
            </Form.Item>
            <Form.Item
              name="signedBy"
              label={t('supervision.meetings.signedBy')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input style={{ width: 200 }} maxLength={50} data-testid="meeting-signed-by" />
            </Form.Item>
          </Space>
          <Form.Item
            name="minutes"
            label={t('supervision.meetings.minutes')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={4} maxLength={8000} data-testid="meeting-minutes" />
          </Form.Item>
          <Form.Item name="attendeeUnitIds" label={t('supervision.meetings.attendees')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={unitOptions}
              maxTagCount={8}
            />
          </Form.Item>
          <Form.List name="decisions">
            {(fields, { add, remove }) => (
              <Form.Item label={t('supervision.meetings.decisions')}>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'text']}>
                      <Input
                        placeholder={t('supervision.meetings.decisionText')}
                        style={{ width: 300 }}
                        maxLength={1000}
                        data-testid={`meeting-decision-text-${f.name}`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'ownerUnitIds']}>
                      <Select
                        mode="multiple"
                        placeholder={t('supervision.meetings.owners')}
                        style={{ width: 260 }}
                        showSearch={{ optionFilterProp: 'label' }}
                        options={unitOptions}
                        data-testid={`meeting-decision-owners-${f.name}`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                      <DatePicker
                        placeholder={t('supervision.meetings.dueOn')}
                        data-testid={`meeting-decision-due-${f.name}`}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="meeting-add-decision">
                  {t('supervision.meetings.addDecision')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
          <ApiErrorAlert error={record.error} />
        </Form>
      </Modal>
    </Flex>
  );
}
