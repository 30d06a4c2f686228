import { Result, Spin } from 'antd';
import { isApiError } from '../../api/client';

/** A print view waiting for its data, or saying why there is nothing to print. */
export function PrintLoading({ error }: { error: unknown }) {
  if (error)
    return (
      <Result
        status={isApiError(error) && error.status === 403 ? '403' : '404'}
        title={error instanceof Error ? error.message : undefined}
        data-testid="print-error"
      />
    );
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}
