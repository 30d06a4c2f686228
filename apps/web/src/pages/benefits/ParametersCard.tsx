import type { ParameterView } from '@cradle/contract';
import { SlidersOutlined } from '@ant-design/icons';
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/domain';
import { useLang } from '../../lib/useLang';
import { LegalBasisText, formatParameterValue } from './schemeLabels';

type Props = { parameters: readonly ParameterView[]; regionName: (code: string) => string };

/** The values in force today for the user's jurisdiction, each with where it comes from. */
export function ParametersCard({ parameters, regionName }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const none = t('common.none');

  const columns: TableColumnsType<ParameterView> = [
    { title: t('benefits.parameters.name'), key: 'label', render: (_, p) => pick(p.label, lang) },
    {
      title: t('benefits.parameters.value'),
      key: 'value',
      render: (_, p) =>
        p.current ? (
          <Typography.Text strong data-testid={`parameter-value-${p.name}`}>
            {formatParameterValue(t, p.unit, p.current.value)}
          </Typography.Text>
        ) : (
          <Tag color="red">{p.setBy ? t(`benefits.setBy.${p.setBy}`) : t('benefits.parameters.notSet')}</Tag>
        ),
    },
    {
      title: t('benefits.parameters.source'),
      key: 'source',
      render: (_, p) =>
        !p.current ? (
          none
        ) : p.current.jurisdictionCode === '' ? (
          <Tag>{t('benefits.parameters.schemeOwn')}</Tag>
        ) : (
          <Tag color="purple">
            {t('benefits.parameters.version', {
              region: regionName(p.current.jurisdictionCode),
              version: p.current.version ?? '',
            })}
          </Tag>
        ),
    },
    { title: t('benefits.parameters.from'), key: 'from', render: (_, p) => p.current?.from ?? none },
    {
      title: t('benefits.parameters.basis'),
      key: 'basis',
      render: (_, p) => (p.current ? <LegalBasisText basis={p.current.basis} /> : none),
    },
  ];

  return (
    <Card
      title={
        <>
          <SlidersOutlined /> {t('benefits.parameters.title')}
        </>
      }
      data-testid="parameters-card"
    >
      <Table<ParameterView>
        rowKey="name"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={[...parameters]}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
