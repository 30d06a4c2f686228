import type { EvaluationItemView, SelfEvaluationView } from '@cradle/contract';
import { UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  InputNumber,
  List,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  createRectification,
  downloadEvaluationPdf,
  fetchSelfEvaluation,
  openSelfEvaluation,
  uploadEvidence,
} from '../../api/annualReports';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { useErrorText } from '../../lib/errors';
import { useLang } from '../../lib/useLang';
import { DownloadButton } from '../annual-reports/DownloadButton';
import { ItemEditor } from './ItemEditor';
import { liveText } from './liveValue';

/** 生育友好自评 (issue 15; 003 三): seven dimensions, live figures, evidence, gaps. */
export function SelfEvaluationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const office = me.roles.includes('countyAdmin');
  const uploader = office || me.roles.includes('departmentOperator');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const client = useQueryClient();
  // ?year=2025 opens that year (a link from elsewhere, a bookmark); this year otherwise.
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || new Date().getFullYear());
  const [editing, setEditing] = useState<EvaluationItemView | null>(null);
  const key = ['fetchSelfEvaluation', year];
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchSelfEvaluation(year, signal),
    placeholderData: keepPreviousData,
  });
  const put = (v: SelfEvaluationView) => client.setQueryData(['fetchSelfEvaluation', v.year], v);
  const fail = (e: unknown) => void message.error(errorText(e));
  const open = useMutation({ mutationFn: () => openSelfEvaluation(year), onSuccess: put, onError: fail });
  const upload = useMutation({
    mutationFn: (a: { code: string; file: File }) => uploadEvidence(q.data!.id!, a.code, a.file),
    onSuccess: (v) => {
      void message.success(t('selfEvaluation.uploaded'));
      put(v);
    },
    onError: fail,
  });
  const rectify = useMutation({
    mutationFn: () => createRectification(q.data!.id!),
    onSuccess: (r) => {
      void message.success(t('selfEvaluation.rectified', { count: r.created }));
      void client.invalidateQueries({ queryKey: key });
    },
    onError: fail,
  });
  const v = q.data;
  const w = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
  const columns: TableColumnsType<EvaluationItemView> = [
    { title: t('selfEvaluation.item'), dataIndex: 'code', width: 60 },
    // The seed's words, quoted as written in both languages (003 三).
    { title: t('selfEvaluation.requirement'), dataIndex: 'text', width: '36%' },
    {
      title: t('selfEvaluation.live'),
      width: 150,
      render: (_: unknown, i) => (
        <Flex vertical gap={2}>
          <span data-testid={`evaluation-live-${i.code}`}>{liveText(i, t)}</span>
          {i.threshold !== null && (
            <Typography.Text type="secondary">
              {t('selfEvaluation.threshold', { value: i.threshold * 100 })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('selfEvaluation.check'),
      width: 90,
      render: (_: unknown, i) =>
        i.check === 'unjudged' ? null : (
          <Tag color={i.check === 'met' ? 'green' : 'red'}>{t(`selfEvaluation.${i.check}`)}</Tag>
        ),
    },
    { title: t('selfEvaluation.unit'), dataIndex: 'unitName', width: 120, render: (u: string | null) => u ?? '' },
    {
      title: t('selfEvaluation.entries'),
      width: 140,
      render: (_: unknown, i) =>
        [
          i.ranking ? `${t('selfEvaluation.ranking')}：${i.ranking}` : '',
          i.surveyRate !== null ? t('selfEvaluation.surveyRate', { rate: `${(i.surveyRate * 100).toFixed(1)}%` }) : '',
          i.note ?? '',
        ]
          .filter(Boolean)
          .join('；'),
    },
    {
      title: t('selfEvaluation.evidence'),
      width: 200,
      render: (_: unknown, i) => (
        <Flex vertical gap={4}>
          {i.evidence.map((e) => (
            <Typography.Link
              key={e.id}
              ellipsis
              style={{ maxWidth: 180 }}
              href={`/api/self-evaluations/${v?.id}/evidence/${e.id}`}
              data-testid={`evaluation-evidence-${e.id}`}
            >
              {e.fileName}
            </Typography.Link>
          ))}
          <Flex gap={4}>
            {uploader && v?.id !== null && (
              <Upload
                showUploadList={false}
                accept=".pdf,.jpg,.jpeg,.png"
                beforeUpload={(file) => {
                  upload.mutate({ code: i.code, file });
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />} data-testid={`evaluation-upload-${i.code}`}>
                  {t('selfEvaluation.upload')}
                </Button>
              </Upload>
            )}
            {office && v?.id !== null && (
              <Button size="small" onClick={() => setEditing(i)} data-testid={`evaluation-edit-${i.code}`}>
                {t('selfEvaluation.edit')}
              </Button>
            )}
          </Flex>
        </Flex>
      ),
    },
  ];
  const gaps = v ? v.dimensions.flatMap((d) => d.items).filter((i) => v.withoutEvidence.includes(i.code)) : [];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('selfEvaluation.title')}
      </Typography.Title>
      <Card>
        <Flex gap={16} wrap align="center">
          <span>{t('selfEvaluation.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(y) => y && setYear(y)} />
          {v && (
            <Typography.Text strong data-testid="evaluation-score">
              {v.score ? t('selfEvaluation.score', v.score) : t('selfEvaluation.noScore')}
            </Typography.Text>
          )}
          {office && v && v.id === null && (
            <Button type="primary" loading={open.isPending} onClick={() => open.mutate()} data-testid="evaluation-open">
              {t('selfEvaluation.open')}
            </Button>
          )}
          {v && v.id !== null && (
            <DownloadButton
              label={t('selfEvaluation.pdf')}
              download={() => downloadEvaluationPdf(v.id!, v.year)}
              testId="evaluation-pdf"
            />
          )}
        </Flex>
        {v && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {w(v.scoringReading)} {w(v.relativeReading)}
          </Typography.Paragraph>
        )}
        {v && v.id === null && <Typography.Paragraph>{t('selfEvaluation.notOpened')}</Typography.Paragraph>}
      </Card>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {v && v.id !== null && (
        <Card
          title={
            gaps.length ? t('selfEvaluation.withoutEvidence', { count: gaps.length }) : t('selfEvaluation.allEvidence')
          }
          extra={
            office &&
            gaps.length > 0 && (
              <Button loading={rectify.isPending} onClick={() => rectify.mutate()} data-testid="evaluation-rectify">
                {t('selfEvaluation.rectify')}
              </Button>
            )
          }
        >
          <List
            size="small"
            dataSource={gaps}
            data-testid="evaluation-gaps"
            style={{ maxHeight: 240, overflow: 'auto' }}
            renderItem={(i) => (
              <List.Item>
                {i.code} {i.text}
                {i.unitName ? `（${i.unitName}）` : ''}
              </List.Item>
            )}
          />
        </Card>
      )}
      {v?.dimensions.map((d) => (
        <Card key={d.number} title={`${d.clause} ${w(d.title)}`} data-testid={`evaluation-dimension-${d.number}`}>
          <Table
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={d.items}
            pagination={false}
            loading={q.isFetching}
          />
        </Card>
      ))}
      {editing && v && <ItemEditor view={v} item={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
