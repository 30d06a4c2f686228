import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../api/exports';
import { useErrorText } from '../lib/errors';
import { saveBlob } from '../lib/saveBlob';

type Props = {
  /** Fetches the list's export with the page's current filters (an api/ function over downloadExport). */
  download: () => Promise<ExportedFile>;
  testId?: string;
};

/**
 * 导出 Excel: the list as the server exports it, with the filters the page shows (masked ID
 * numbers, within the user's jurisdiction, audited on the server). A refusal is shown as a message.
 */
export function ExportXlsxButton({ download, testId = 'export-xlsx' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const exported = useMutation({
    mutationFn: download,
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={exported.isPending}
      onClick={() => exported.mutate()}
      data-testid={testId}
    >
      {exported.isPending ? t('export.working') : t('export.xlsx')}
    </Button>
  );
}
