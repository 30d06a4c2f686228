import type { KeyTaskDetail, ReportView } from '@cradle/contract';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import {
  acceptProgress,
  addMilestone,
  fetchKeyTask,
  fetchKeyTasks,
  linkIndicator,
  sendBackProgress,
  sendNotice,
} from '../../api/supervision';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { mayRunSupervisionOffice, useMe } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useErrorText } from '../../lib/errors';
import { useLang } from '../../lib/useLang';
import { ReportForm } from './ReportForm';
import { StatusTag, taskLabel, UnitNames } from './labels';

/** A key task: its text and units, deadline and milestones, indicator, reports and notices. */
export function TaskDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const office = mayRunSupervisionOffice(me);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const key = ['fetchKeyTask', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchKeyTask(id, signal) });
  // The units this liaison reports for (the list's answer, shared with the task list).
  const mine = useQuery({
    queryKey: ['fetchKeyTasks', {}],
    queryFn: ({ signal }) => fetchKeyTasks({}, signal),
    enabled: !office,
  });
  const [modal, setModal] = useState<'milestone' | 'notice' | { sendBack: ReportView } | null>(null);
  const [form] = Form.useForm();
  const done = (text: string) => (d: KeyTaskDetail) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['fetchKeyTasks'] });
    void message.success(text);
    setModal(null);
    form.resetFields();
  };
  const act = useMutation({
    mutationFn: (f: () => Promise<KeyTaskDetail>) => f(),
    onError: (e) => void message.error(errorText(e)),
  });
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const d = q.data;
  const task = d.task;
  const msg = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
  const c = t('supervision.detail.colon');
  const lateUnits = [...task.leads, ...task.supports, ...task.implementing];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="kt-title">
        {t('supervision.detail.title', { label: taskLabel(task) })} <StatusTag task={task} />
      </Typography.Title>
      <Card>
        <Typography.Paragraph data-testid="kt-text">{task.text}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('supervision.tasks.clause')}>{task.clause}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.tasks.due')}>
            {task.dueOn} · {t(`supervision.dueBasis.${task.dueBasis}`)}
            {task.recurrence ? ` · ${t('supervision.tasks.yearly')}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.tasks.leads')}>
            {task.leads.length ? <UnitNames units={task.leads} /> : t('supervision.tasks.noLead')}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.tasks.supports')}>
            <UnitNames units={task.supports} />
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.tasks.implementing')}>
            <UnitNames units={task.implementing} />
          </Descriptions.Item>
          {task.responsibility && (
            <Descriptions.Item label={t('supervision.detail.responsibility')}>{task.responsibility}</Descriptions.Item>
          )}
          {task.myRoles.length > 0 && (
            <Descriptions.Item label={t('supervision.tasks.myRoles')}>
              {task.myRoles.map((r) => (
                <Tag key={r}>{t(`supervision.roles.${r}`)}</Tag>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('supervision.detail.indicator')}
        extra={
          office && (
            <Select
              allowClear
              style={{ width: 280 }}
              placeholder={t('supervision.detail.indicatorLink')}
              value={d.indicator?.code}
              onChange={(code?: string) =>
                act.mutate(() =>
                  linkIndicator(id, code ?? null).then((x) => (done(t('supervision.detail.saved'))(x), x)),
                )
              }
              options={d.indicatorChoices.map((c) => ({ value: c.code, label: msg(c.name) }))}
              data-testid="kt-indicator"
            />
          )
        }
      >
        {d.indicator ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={msg(d.indicator.name)}>
              {t('supervision.detail.indicatorValue', { year: d.indicator.year })}
              {c}
              <b data-testid="kt-indicator-value">{d.indicator.value ?? t('supervision.detail.noValue')}</b>{' '}
              {msg(d.indicator.unit)}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.detail.indicatorTarget')}>{d.indicator.target}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('supervision.detail.indicatorNone')}</Typography.Text>
        )}
      </Card>
      <Card
        title={t('supervision.detail.milestones')}
        extra={
          office && (
            <Button onClick={() => setModal('milestone')} data-testid="kt-add-milestone">
              {t('supervision.detail.addMilestone')}
            </Button>
          )
        }
      >
        <List
          size="small"
          dataSource={d.milestones}
          renderItem={(m) => (
            <List.Item>
              {m.dueOn} {m.title}{' '}
              <StatusTag
                task={{
                  status: m.status,
                  rag: m.status === 'overdue' ? 'red' : m.status === 'dueSoon' ? 'amber' : 'green',
                }}
              />
            </List.Item>
          )}
        />
      </Card>
      {task.myRoles.length > 0 && !office && mine.data && (
        <ReportForm
          taskId={id}
          units={mine.data.myUnits.filter((u) => lateUnits.some((x) => x.unitId === u.id))}
          onDone={(x) => qc.setQueryData(key, x)}
        />
      )}
      <Card title={t('supervision.detail.reports')}>
        {d.reports.length === 0 && (
          <Typography.Text type="secondary">{t('supervision.detail.noReports')}</Typography.Text>
        )}
        {d.reports.map((r) => (
          <Card
            key={r.id}
            type="inner"
            size="small"
            style={{ marginBottom: 12 }}
            data-testid={`kt-report-${r.id}`}
            title={
              <Space>
                {r.unitName}
                <span>{r.period}</span>
                <Tag data-testid="kt-report-state">{t(`supervision.reportStates.${r.state}`)}</Tag>
                {r.completes && <Tag color="blue">{t('supervision.detail.completes')}</Tag>}
              </Space>
            }
            extra={
              office &&
              r.state === 'submitted' && (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    data-testid={`kt-accept-${r.id}`}
                    loading={act.isPending}
                    onClick={() =>
                      act.mutate(() => acceptProgress(r.id).then((x) => (done(t('supervision.detail.accepted'))(x), x)))
                    }
                  >
                    {t('supervision.detail.accept')}
                  </Button>
                  <Button size="small" onClick={() => setModal({ sendBack: r })}>
                    {t('supervision.detail.sendBack')}
                  </Button>
                </Space>
              )
            }
          >
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Paragraph>
            {r.figures.length > 0 && (
              <Typography.Paragraph>
                {t('supervision.detail.figures')}
                {c}
                {r.figures.map((f) => `${f.label} ${f.value}`).join(';')}
              </Typography.Paragraph>
            )}
            {r.evidence.length > 0 && (
              <Typography.Paragraph>
                {t('supervision.detail.evidence')}
                {c}
                {r.evidence.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && '、'}
                    <a href={`/api/supervision/evidence/${e.id}`} data-testid={`kt-evidence-${e.id}`}>
                      {e.fileName}
                    </a>
                  </span>
                ))}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary">
              {t('supervision.detail.submittedBy')}
              {c}
              {r.submittedByName} {formatDateTime(r.submittedAt)}
              {r.reviewedByName &&
                ` · ${t('supervision.detail.reviewedBy', { name: r.reviewedByName })} ${formatDateTime(r.reviewedAt)}`}
              {r.sendBackReason && ` · ${t('supervision.detail.sendBackReason')}${c}${r.sendBackReason}`}
            </Typography.Text>
          </Card>
        ))}
      </Card>
      <Card
        title={t('supervision.detail.notices')}
        extra={
          office &&
          (task.status === 'overdue' || task.status === 'dueSoon') && (
            <Button danger onClick={() => setModal('notice')} data-testid="kt-notice">
              {t('supervision.detail.sendNotice')}
            </Button>
          )
        }
      >
        <List
          size="small"
          dataSource={d.notices}
          renderItem={(n) => (
            <List.Item>
              {formatDateTime(n.sentAt)} {n.unitName}
              {c}
              {n.note} · {n.sentByName}
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={modal !== null}
        title={
          modal === 'milestone'
            ? t('supervision.detail.addMilestone')
            : modal === 'notice'
              ? t('supervision.detail.sendNotice')
              : t('supervision.detail.sendBack')
        }
        onCancel={() => setModal(null)}
        onOk={() => form.submit()}
        okText={t('supervision.detail.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: {
            title?: string;
            dueOn?: { format: (f: string) => string };
            unitId?: number;
            note?: string;
            reason?: string;
          }) => {
            if (modal === 'milestone')
              act.mutate(() =>
                addMilestone(id, { title: v.title!, dueOn: v.dueOn!.format('YYYY-MM-DD') }).then(
                  (x) => (done(t('supervision.detail.milestoneAdded'))(x), x),
                ),
              );
            else if (modal === 'notice')
              act.mutate(() =>
                sendNotice(id, { unitId: v.unitId!, note: v.note! }).then(
                  (x) => (done(t('supervision.detail.noticeSent'))(x), x),
                ),
              );
            else if (modal)
              act.mutate(() =>
                sendBackProgress(modal.sendBack.id, v.reason!).then(
                  (x) => (done(t('supervision.detail.sentBack'))(x), x),
                ),
              );
          }}
        >
          {modal === 'milestone' && (
            <>
              <Form.Item
                name="title"
                label={t('supervision.detail.milestoneTitle')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name="dueOn"
                label={t('supervision.detail.milestoneDue')}
                extra={d.planEndsOn && t('supervision.detail.milestoneHint', { date: d.planEndsOn })}
                rules={[{ required: true }]}
              >
                <DatePicker />
              </Form.Item>
            </>
          )}
          {modal === 'notice' && (
            <>
              <Form.Item name="unitId" label={t('supervision.detail.noticeUnit')} rules={[{ required: true }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={lateUnits.map((u) => ({ value: u.unitId, label: u.name }))}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('supervision.detail.noticeNote')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          )}
          {typeof modal === 'object' && modal !== null && (
            <Form.Item
              name="reason"
              label={t('supervision.detail.sendBackReason')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Flex>
  );
}
