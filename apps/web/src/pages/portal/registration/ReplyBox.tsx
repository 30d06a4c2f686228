import type { PortalRegistrationDetail } from '@cradle/contract';
import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { replyToInfoRequest, uploadAttachment } from '../../../api/portalRegistration';
import { useErrorText } from '../../../lib/errors';

/** The server's limit per attachment (5 MiB); checked here first so a family is told before uploading. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 5;

type Props = { registrationId: number; onReplied: (r: PortalRegistrationDetail) => void };

/** Answers the township's request for more information: a message and optional files. */
export function ReplyBox({ registrationId, onReplied }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  async function send() {
    setError(null);
    if (text.trim() === '') {
      setError(new Error(t('portal.reply.messageRequired')));
      return;
    }
    setSending(true);
    try {
      for (const f of files)
        if (f.originFileObj)
          await uploadAttachment({ kind: 'childbirthRegistration', id: registrationId }, f.originFileObj);
      const updated = await replyToInfoRequest(registrationId, text.trim());
      void message.success(t('portal.reply.sent'));
      setText('');
      setFiles([]);
      onReplied(updated);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  }

  return (
    <Form layout="vertical" data-testid="portal-reply">
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorText(error)}
          style={{ marginBottom: 12 }}
          data-testid="portal-reply-error"
        />
      )}
      <Form.Item label={t('portal.reply.message')}>
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="portal-reply-message"
        />
      </Form.Item>
      <Form.Item label={t('portal.reply.attachments')} extra={t('portal.reply.attachmentsHint')}>
        <Upload
          fileList={files}
          multiple
          maxCount={MAX_FILES}
          beforeUpload={(file) => {
            if (file.size > ATTACHMENT_MAX_BYTES) {
              setError(new Error(t('portal.reply.tooLarge', { name: file.name })));
              return Upload.LIST_IGNORE;
            }
            return false; // kept here, uploaded on send
          }}
          onChange={({ fileList }) => setFiles(fileList)}
          accept="image/*,application/pdf"
        >
          <Button icon={<PaperClipOutlined />} data-testid="portal-reply-attach">
            {t('portal.reply.attach')}
          </Button>
        </Upload>
      </Form.Item>
      <Button
        type="primary"
        block
        icon={<SendOutlined />}
        loading={sending}
        onClick={() => void send()}
        data-testid="portal-reply-send"
      >
        {t('portal.reply.send')}
      </Button>
    </Form>
  );
}
