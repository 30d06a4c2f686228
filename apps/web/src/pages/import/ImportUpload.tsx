import { InboxOutlined } from '@ant-design/icons';
import { App, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadImport } from '../../api/imports';
import { useErrorText } from '../../lib/errors';
import { MEGABYTE, formatFileSize } from '../../lib/format';

export const MAX_UPLOAD_BYTES = 200 * MEGABYTE;
const ACCEPTED = ['.csv', '.xlsx'];
// Offered by the file dialog too, so an .xls can be chosen and told how to convert, not hidden.
const OFFERED = [...ACCEPTED, '.xls'];

type Props = {
  onUploaded: (jobId: number) => void;
  /** Where the file goes: the persons import unless a page says otherwise (life events). */
  upload?: (file: File, onProgress: (fraction: number) => void) => Promise<number>;
};

export function ImportUpload({ onUploaded, upload: uploadFile = uploadImport }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [upload, setUpload] = useState<{ name: string; fraction: number } | null>(null);
  const maxSize = formatFileSize(MAX_UPLOAD_BYTES);

  async function send(file: File) {
    setUpload({ name: file.name, fraction: 0 });
    try {
      const id = await uploadFile(file, (fraction) => setUpload({ name: file.name, fraction }));
      onUploaded(id);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setUpload(null);
    }
  }

  // Checked before sending, so a wrong file fails in a second instead of after a 200 MB upload.
  function accept(file: File): boolean {
    const lower = file.name.toLowerCase();
    if (!ACCEPTED.some((ext) => lower.endsWith(ext))) {
      void message.error({
        content: t(lower.endsWith('.xls') ? 'import.upload.legacyXls' : 'import.upload.wrongType'),
        duration: 10,
        className: 'import-wrong-type',
      });
      return false;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('import.upload.tooLarge', { size: maxSize }));
      return false;
    }
    return true;
  }

  return (
    <div data-testid="import-upload">
      <Upload.Dragger
        name="file"
        accept={OFFERED.join(',')}
        multiple={false}
        showUploadList={false}
        disabled={upload !== null}
        beforeUpload={(file) => {
          if (accept(file)) void send(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.upload.title')}</p>
        <p className="ant-upload-hint">{t('import.upload.hint', { size: maxSize })}</p>
      </Upload.Dragger>
      {upload && (
        <div style={{ marginTop: 12 }} data-testid="upload-progress">
          <Typography.Text type="secondary">{t('import.upload.uploading', { name: upload.name })}</Typography.Text>
          <Progress percent={Math.round(upload.fraction * 100)} status="active" />
        </div>
      )}
    </div>
  );
}
