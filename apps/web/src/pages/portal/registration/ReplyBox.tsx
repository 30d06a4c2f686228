import type { PortalRegistrationDetail } from '@cradle/contract';
import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
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
  // The message missing or a file too large: found here, before anything is sent.
  const [localError, setLocalError] = useState<Error | null>(null);
  const reply = useMutation({
    mutationFn: async (body: string) => {
      for (const f of files)
        if (f.originFileObj)
          await uploadAttachment({ kind: 'childbirthRegistration', id: registrationId }, f.originFileObj);
      return replyToInfoRequest(registrationId, body);
    },
    onSuccess: (updated) => {
      void message.success(t('portal.reply.sent'));
      setText('');
      setFiles([]);
      onReplied(updated);
    },
  });
  const error: unknown = localError ?? reply.error;
  const sending = reply.isPending;

  function send() {
    setLocalError(null);
    reply.reset();
    if (text.trim() === '') {
      setLocalError(new Error(t('portal.reply.messageRequired')));
      return;
    }
    reply.mutate(text.trim());
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
              setLocalError(new Error(t('portal.reply.tooLarge', { name: file.name })));
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
        onClick={send}
        data-testid="portal-reply-send"
      >
        {t('portal.reply.send')}
      </Button>
    </Form>
  );
}
