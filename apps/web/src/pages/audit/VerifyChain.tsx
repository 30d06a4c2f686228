import type { ChainCheck } from '@cradle/contract';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { verifyAuditChain } from '../../api/audit';
import { useErrorText } from '../../lib/errors';

export function VerifyChainButton({ onResult }: { onResult: (result: ChainCheck) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const verify = useMutation({
    mutationFn: verifyAuditChain,
    onSuccess: onResult,
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="audit-verify"
    >
      {t('audit.verify.button')}
    </Button>
  );
}

export function VerifyResult({ result, onClose }: { result: ChainCheck; onClose: () => void }) {
  const { t } = useTranslation();
  const checked = t('audit.verify.checked', { checked: result.checked });
  const broken = result.firstBroken;
  return (
    <Alert
      data-testid="audit-verify-result"
      data-ok={String(result.ok)}
      type={result.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      title={result.ok || !broken ? t('audit.verify.ok') : t('audit.verify.broken', { seq: broken.seq })}
      description={broken ? `${t('audit.verify.reason', { reason: broken.reason })} · ${checked}` : checked}
    />
  );
}
