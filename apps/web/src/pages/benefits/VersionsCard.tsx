import { useMutation } from '@tanstack/react-query';
import type { ParameterView, VersionView } from '@cradle/contract';
import { CheckOutlined, HistoryOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { publishVersion, submitVersion } from '../../api/benefits';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { mayDraftVersions, useMe } from '../../lib/auth';
import { pick } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { LegalBasisText, formatParameterValue } from './schemeLabels';
import { VersionStatusTag } from './VersionStatusTag';

type Props = {
  schemeCode: string;
  versions: readonly VersionView[];
  parameters: readonly ParameterView[];
  regionName: (code: string) => string;
  onChanged: () => void;
};

/** A version's values, each named by its parameter's label and shown in its unit. */
function VersionValues({
  values,
  parameters,
}: {
  values: VersionView['values'];
  parameters: readonly ParameterView[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      {Object.entries(values).map(([name, value]) => {
        const p = parameters.find((x) => x.name === name);
        return (
          <div key={name}>
            {p ? pick(p.label, lang) : name}：{p ? formatParameterValue(t, p.unit, value) : JSON.stringify(value)}
          </div>
        );
      })}
    </>
  );
}

export function VersionsCard({ schemeCode, versions, parameters, regionName, onChanged }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const admin = mayDraftVersions(me);
  const move = useMutation({
    mutationFn: ({ v, step }: { v: VersionView; step: 'submit' | 'publish' }) =>
      (step === 'submit' ? submitVersion : publishVersion)(schemeCode, v.id),
    onSuccess: (moved, { step }) => {
      void message.success(
        t(step === 'submit' ? 'benefits.versions.submitted' : 'benefits.versions.published', {
          version: moved.version,
        }),
      );
      onChanged();
    },
  });
  const act = (v: VersionView, step: 'submit' | 'publish') => move.mutate({ v, step });
  const busy = move.isPending ? move.variables.v.id : null;
  const error = move.error;

  const columns: TableColumnsType<VersionView> = [
    {
      title: t('benefits.versions.version'),
      dataIndex: 'version',
      render: (n: number) => t('benefits.versions.number', { n }),
    },
    { title: t('benefits.versions.jurisdiction'), dataIndex: 'jurisdictionCode', render: (c: string) => regionName(c) },
    { title: t('benefits.versions.effectiveFrom'), dataIndex: 'effectiveFrom' },
    {
      title: t('benefits.versions.values'),
      key: 'values',
      render: (_, v) => <VersionValues values={v.values} parameters={parameters} />,
    },
    { title: t('benefits.versions.basis'), key: 'basis', render: (_, v) => <LegalBasisText basis={v.legalBasis} /> },
    {
      title: t('benefits.versions.status'),
      key: 'status',
      render: (_, v) => (
        <>
          <VersionStatusTag status={v.status} />
          {v.publishedAt && <div style={{ fontSize: 12, opacity: 0.65 }}>{formatDateTime(v.publishedAt)}</div>}
        </>
      ),
    },
  ];
  if (admin) {
    columns.push({
      title: t('benefits.versions.actions'),
      key: 'actions',
      render: (_, v) => {
        if (v.status === 'draft') {
          return (
            <Button
              size="small"
              icon={<SendOutlined />}
              loading={busy === v.id}
              onClick={() => {
                act(v, 'submit');
              }}
              data-testid="version-submit"
            >
              {t('benefits.versions.submit')}
            </Button>
          );
        }
        if (v.status === 'inReview') {
          // Four eyes: the server refuses the drafter too; here the button says why before they try.
          const own = v.createdBy === me.id;
          return (
            <Tooltip title={own ? t('benefits.versions.ownDraft') : undefined}>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                disabled={own}
                loading={busy === v.id}
                onClick={() => {
                  act(v, 'publish');
                }}
                data-testid="version-publish"
              >
                {t('benefits.versions.publish')}
              </Button>
            </Tooltip>
          );
        }
        return null;
      },
    });
  }

  return (
    <Card
      title={
        <>
          <HistoryOutlined /> {t('benefits.versions.title')}
        </>
      }
      extra={<Typography.Text type="secondary">{t('benefits.versions.auditedHint')}</Typography.Text>}
      data-testid="versions-card"
    >
      <ApiErrorAlert error={error} />
      <Table<VersionView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={[...versions]}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('benefits.versions.empty') }}
        data-testid="versions-table"
      />
    </Card>
  );
}
