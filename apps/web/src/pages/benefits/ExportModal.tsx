import type { PaymentFileFormat } from '@cradle/contract';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exportPaymentFile, paymentChecksumUrl } from '../../api/paymentFiles';
import type { PaymentExport } from '../../api/paymentFiles';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatInteger } from '../../lib/format';
import { formatFen } from '../../lib/money';
import { saveBlob } from '../../lib/saveBlob';
import { useLang } from '../../lib/useLang';

type Props = { batchId: number; open: boolean; onClose: () => void; onExported: () => void };
type Values = { format: PaymentFileFormat; totp: string };

/** 导出一卡通文件: the file holds full ID numbers, so finance confirms with a fresh authenticator code. */
export function ExportModal({ batchId, open, onClose, onExported }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const exported = useMutation({
    mutationFn: ({ format, totp }: Values) => exportPaymentFile(batchId, format, totp),
    onSuccess: (e) => {
      saveBlob(e.blob, e.fileName);
      onExported();
    },
    // A code is good once and for half a minute: ask for the next one.
    onError: () => form.setFieldValue('totp', ''),
  });
  const exporting = exported.isPending;
  const error = exported.error;
  const done: PaymentExport | undefined = exported.data;

  const submit = (values: Values) => exported.mutate(values);

  const reset = () => {
    exported.reset();
    form.resetFields();
  };

  return (
    <Modal
      open={open}
      title={t('benefits.paymentFiles.exportTitle', { id: batchId })}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        done ? (
          <Button type="primary" onClick={onClose} data-testid="export-close">
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => form.submit()}
              data-testid="export-submit"
            >
              {t('benefits.paymentFiles.exportSubmit')}
            </Button>
          </>
        )
      }
      data-testid="export-modal"
    >
      {done ? (
        <div data-testid="export-result">
          <Alert
            type="success"
            showIcon
            title={t('benefits.paymentFiles.exported', { name: done.fileName })}
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'rows',
                label: t('benefits.paymentFiles.rowCount'),
                children: <span data-testid="export-rows">{formatInteger(done.rowCount, lang)}</span>,
              },
              {
                key: 'total',
                label: t('benefits.paymentFiles.totalYuan'),
                children: <span data-testid="export-total">{formatFen(done.totalFen)}</span>,
              },
              {
                key: 'sha256',
                label: 'SHA-256',
                children: (
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="export-sha256">
                    {done.sha256}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('benefits.paymentFiles.checksumHint')}{' '}
            <Typography.Link href={paymentChecksumUrl(done.id)} download data-testid="export-checksum">
              {t('benefits.paymentFiles.checksumDownload')}
            </Typography.Link>
          </Typography.Paragraph>
        </div>
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            icon={<SafetyCertificateOutlined />}
            title={t('benefits.paymentFiles.exportWhy')}
            style={{ marginBottom: 16 }}
          />
          <div data-testid="export-error">
            <ApiErrorAlert error={error} />
          </div>
          <Form form={form} layout="vertical" initialValues={{ format: 'csv', totp: '' }} onFinish={submit}>
            <Form.Item name="format" label={t('benefits.paymentFiles.format')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'csv', label: 'CSV' },
                  { value: 'xlsx', label: 'XLSX' },
                ]}
                data-testid="export-format"
              />
            </Form.Item>
            <Form.Item
              name="totp"
              label={t('benefits.paymentFiles.totp')}
              extra={t('benefits.paymentFiles.totpHint')}
              rules={[{ pattern: /^\d{6}$/, required: true, message: t('benefits.paymentFiles.totpRequired') }]}
            >
              <Input.OTP
                length={6}
                autoFocus
                inputMode="numeric"
                formatter={(v) => v.replace(/\D/g, '')}
                data-testid="export-totp"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
