import { Tooltip } from 'antd';

/**
 * A table cell's text shortened to one line with an ellipsis, whole in its tooltip: for columns
 * with `ellipsis: { showTitle: false }`, so a long address or region name does not widen a
 * queue past the screen (issue 12: 1366 px with the sidebar open).
 */
export function EllipsisCell({ text, testId }: { text: string; testId?: string }) {
  return (
    <Tooltip title={text} placement="topLeft">
      <span data-testid={testId}>{text}</span>
    </Tooltip>
  );
}
