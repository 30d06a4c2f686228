import { Alert } from 'antd';
import { useErrorText } from '../../../lib/errors';

/** Above a form: the server's refusal, and any problems that have no field of their own. */
export function SubmitErrors({ error, general }: { error: unknown; general: string[] }) {
  const errorText = useErrorText();
  if (error === null && general.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="portal-card"
      title={error !== null ? errorText(error) : general[0]}
      description={error !== null && general.length > 0 ? general.map((g) => <div key={g}>{g}</div>) : undefined}
      data-testid="portal-form-error"
    />
  );
}
