import type { BankReturnView } from '@cradle/contract';
import { Alert, Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { bankReturnRowErrors } from '../../api/paymentFiles';
import type { BankReturnRowError } from '../../api/paymentFiles';
import { useErrorText } from '../../lib/errors';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';

/** What the return did to the batch's payments. */
export function BankReturnSummaryView({ summary }: { summary: BankReturnView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const counts = ['paid', 'failed', 'returned', 'unchanged'] as const;
  return (
    <div data-testid="bank-return-summary">
      <Alert
        type="success"
        showIcon
        title={t('benefits.paymentFiles.returnImported', { name: summary.fileName, rows: summary.rows })}
        style={{ marginBottom: 16 }}
      />
      <Row gutter={[16, 16]}>
        {counts.map((c) => (
          <Col key={c} xs={12} md={6}>
            <Statistic
              title={t(`benefits.paymentFiles.returnCounts.${c}`)}
              value={formatInteger(summary[c], lang)}
              data-testid={`bank-return-${c}`}
              data-value={summary[c]}
            />
          </Col>
        ))}
      </Row>
    </div>
  );
}

// The server's row codes start with what the row got wrong; a payment's problems are its reference's.
const FIELD_OF: Record<string, 'reference' | 'result' | 'amount'> = {
  reference: 'reference',
  payment: 'reference',
  result: 'result',
  amount: 'amount',
};

/** A refused return: the server's message, and each bad row with the column it concerns. */
export function BankReturnErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const { errors, errorCount } = bankReturnRowErrors((error as { details?: unknown }).details);
  const field = (code: string) => {
    const f = FIELD_OF[code.split('.')[0] ?? ''];
    return f ? t(`benefits.paymentFiles.returnFields.${f}`) : code;
  };
  const columns: TableColumnsType<BankReturnRowError> = [
    { title: t('import.errors.row'), dataIndex: 'row', width: 90, align: 'right' },
    { title: t('import.errors.field'), dataIndex: 'code', width: 140, render: field },
    { title: t('benefits.paymentFiles.returnFields.reference'), dataIndex: 'reference', width: 160 },
    {
      title: t('import.errors.message'),
      dataIndex: 'message',
      render: (m: BankReturnRowError['message']) => (lang === 'en' ? m.en : m.zh),
    },
  ];
  return (
    <div data-testid="bank-return-error">
      <Alert
        type="error"
        showIcon
        title={errorText(error)}
        description={errors.length > 0 ? t('benefits.paymentFiles.nothingChanged') : undefined}
        style={{ marginBottom: 16 }}
      />
      {errors.length > 0 && (
        <>
          {errorCount > errors.length && (
            <Alert
              type="info"
              showIcon
              title={t('benefits.paymentFiles.errorsTruncated', { shown: errors.length, total: errorCount })}
              style={{ marginBottom: 16 }}
            />
          )}
          <Table<BankReturnRowError>
            rowKey={(e) => `${e.row}-${e.code}`}
            size="small"
            columns={columns}
            dataSource={errors}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
            data-testid="bank-return-errors"
          />
        </>
      )}
    </div>
  );
}
