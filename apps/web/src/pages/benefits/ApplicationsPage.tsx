import type { ApplicationSummary, ReviewLevel } from '@cradle/contract';
import { SearchOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  InputNumber,
  Segmented,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { exportApplicationQueue, fetchApplicationQueue, fetchMyApplications } from '../../api/applications';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { reviewLevelOf } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { MaskedId } from '../persons/personColumns';
import { ApplicationStatusTags, schemeNameOf } from './applicationLabels';

/** Opens an application by its number: how a village worker gets back to one that left their queue. */
function OpenById() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [id, setId] = useState<number | null>(null);
  const open = () => id !== null && void navigate(`/applications/${id}`);
  return (
    <Space.Compact>
      <InputNumber<number>
        min={1}
        precision={0}
        value={id}
        onChange={setId}
        onPressEnter={open}
        placeholder={t('benefits.applications.openById')}
        style={{ width: 160 }}
        data-testid="application-id-input"
      />
      <Button icon={<SearchOutlined />} disabled={id === null} onClick={open} data-testid="application-id-open">
        {t('benefits.applications.open')}
      </Button>
    </Space.Compact>
  );
}

type View = 'queue' | 'mine';

/**
 * 申请审核: what waits for the user's review level in their jurisdiction, oldest first; or
 * (我提交的) the applications the user submitted for families, any status, newest first.
 * Fixed column widths: at 1366 px with the sidebar open the status and the notice deadline show
 * without scrolling sideways; a long scheme name is shortened, whole in its tooltip.
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const level: ReviewLevel | null = reviewLevelOf(me.roles);
  // In the address, so a reload or the back button keeps 我提交的.
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'mine' ? 'mine' : 'queue';
  const setView = (v: View) => setParams(v === 'mine' ? { view: 'mine' } : {}, { replace: true });
  const {
    data,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchApplicationQueue', view],
    queryFn: ({ signal }) => (view === 'mine' ? fetchMyApplications(signal) : fetchApplicationQueue(signal)),
    placeholderData: keepPreviousData,
  });
  const none = t('common.none');

  const columns: TableColumnsType<ApplicationSummary> = [
    {
      title: t('benefits.applications.id'),
      dataIndex: 'id',
      width: 80,
      render: (id: number) => <Link to={`/applications/${id}`}>#{id}</Link>,
    },
    {
      title: t('benefits.applications.beneficiaryCol'),
      key: 'beneficiary',
      width: 200,
      render: (_, a) => (
        <Flex vertical>
          <Typography.Text>{a.beneficiaryName}</Typography.Text>
          <MaskedId value={a.beneficiaryIdMasked} />
        </Flex>
      ),
    },
    {
      title: t('benefits.applications.scheme'),
      dataIndex: 'schemeCode',
      ellipsis: { showTitle: false },
      render: (code: string) => (
        <Tooltip title={schemeNameOf(code, lang)} placement="topLeft">
          <span data-testid="application-scheme">{schemeNameOf(code, lang)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('benefits.applications.level'),
      dataIndex: 'level',
      width: 110,
      render: (l: ReviewLevel) => t(`benefits.reviewLevel.${l}`),
    },
    {
      title: t('benefits.applications.status'),
      key: 'status',
      width: 150,
      className: 'col-status',
      render: (_, a) => <ApplicationStatusTags application={a} />,
    },
    {
      title: t('benefits.applications.noticeUntil'),
      dataIndex: 'noticeUntil',
      width: 120,
      className: 'col-deadline',
      render: (d: string | null) => d ?? none,
    },
    {
      title: t('benefits.applications.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (d: string) => formatDateTime(d),
    },
  ];
  const levelName = level ? t(`benefits.reviewLevel.${level}`) : none;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('benefits.applications.title')}
        </Typography.Title>
        <Space wrap>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'queue', label: t('benefits.applications.viewQueue') },
              { value: 'mine', label: t('benefits.applications.viewMine') },
            ]}
            data-testid="applications-view"
          />
          <ExportXlsxButton download={() => exportApplicationQueue(view === 'mine')} testId="applications-export" />
        </Space>
      </Flex>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">
            {t(
              view === 'mine'
                ? 'benefits.applications.hintMine'
                : level === 'county'
                  ? 'benefits.applications.hintCounty'
                  : 'benefits.applications.hint',
              {
                region: me.jurisdiction.name,
                level: levelName,
              },
            )}
          </Typography.Text>
          <OpenById />
        </Flex>
        <Table<ApplicationSummary>
          className="clickable-rows"
          rowKey="id"
          columns={columns}
          dataSource={data}
          loading={loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          tableLayout="fixed"
          locale={{ emptyText: t(view === 'mine' ? 'benefits.applications.emptyMine' : 'benefits.applications.empty') }}
          onRow={(a) => ({
            onClick: (e) => !(e.target as HTMLElement).closest('a') && void navigate(`/applications/${a.id}`),
          })}
          data-testid="applications-table"
        />
      </Card>
    </Flex>
  );
}
