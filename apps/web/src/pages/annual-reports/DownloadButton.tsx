import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useErrorText } from '../../lib/errors';
import { saveBlob } from '../../lib/saveBlob';

/** A printable document (PDF, Word) fetched and handed to the browser; a refusal is a message. */
export function DownloadButton(props: {
  label: string;
  download: () => Promise<{ blob: Blob; fileName: string }>;
  testId: string;
}) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const run = useMutation({
    mutationFn: props.download,
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Button icon={<DownloadOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid={props.testId}>
      {props.label}
    </Button>
  );
}
