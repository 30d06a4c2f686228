import type { BankReturnView } from '@cradle/contract';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadBankReturn } from '../../api/paymentFiles';
import { BankReturnErrors, BankReturnSummaryView } from './BankReturnResult';
import { ExportModal } from './ExportModal';

const ACCEPTED = ['.csv', '.xlsx'];

type Props = {
  batchId: number;
  /** After an export or a bank return changed the batch's payments. */ onChanged: () => void;
};

/** 一卡通文件 and 银行回盘 for a complete batch: finance exports the file, then imports the bank's answer. */
export function PaymentFilesCard({ batchId, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exportOpen, setExportOpen] = useState(false);
  const [uploading, setUploading] = useState<{ name: string; fraction: number } | null>(null);
  const [summary, setSummary] = useState<BankReturnView>();
  const [error, setError] = useState<unknown>(null);

  const send = async (file: File) => {
    setUploading({ name: file.name, fraction: 0 });
    setSummary(undefined);
    setError(null);
    try {
      setSummary(await uploadBankReturn(batchId, file, (fraction) => setUploading({ name: file.name, fraction })));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
    }
  };

  return (
    <Card
      title={t('benefits.paymentFiles.title')}
      extra={
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          onClick={() => setExportOpen(true)}
          data-testid="export-open"
        >
          {t('benefits.paymentFiles.export')}
        </Button>
      }
      data-testid="payment-files"
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('benefits.paymentFiles.hint')}
        </Typography.Paragraph>
        <Typography.Text strong>{t('benefits.paymentFiles.import')}</Typography.Text>
        <div data-testid="bank-return-upload">
          <Upload.Dragger
            name="file"
            accept={ACCEPTED.join(',')}
            multiple={false}
            showUploadList={false}
            disabled={uploading !== null}
            beforeUpload={(file) => {
              if (ACCEPTED.some((ext) => file.name.toLowerCase().endsWith(ext))) void send(file);
              else void message.error(t('import.upload.wrongType'));
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('benefits.paymentFiles.importTitle')}</p>
            <p className="ant-upload-hint">{t('benefits.paymentFiles.importHint')}</p>
          </Upload.Dragger>
        </div>
        {uploading && (
          <div>
            <Typography.Text type="secondary">{t('import.upload.uploading', { name: uploading.name })}</Typography.Text>
            <Progress percent={Math.round(uploading.fraction * 100)} status="active" />
          </div>
        )}
        {summary && <BankReturnSummaryView summary={summary} />}
        {error !== null && <BankReturnErrors error={error} />}
      </Flex>
      <ExportModal batchId={batchId} open={exportOpen} onClose={() => setExportOpen(false)} onExported={onChanged} />
    </Card>
  );
}
