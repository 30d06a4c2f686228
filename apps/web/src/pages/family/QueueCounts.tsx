import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export type CountItem = {
  key: string;
  label: ReactNode;
  value: number;
  tone?: 'danger' | 'warning';
  onClick?: () => void;
  active?: boolean;
};

/** A queue's totals as a row of figures; each one filters the queue to what it counts. */
export function QueueCounts({ items }: { items: CountItem[] }) {
  return (
    <Flex wrap gap={8} data-testid="queue-counts">
      {items.map((c) => (
        <Button
          key={c.key}
          type={c.active ? 'primary' : 'default'}
          ghost={c.active}
          onClick={c.onClick}
          data-testid={`count-${c.key}`}
          data-value={c.value}
        >
          {c.label}
          <Typography.Text strong type={c.value > 0 ? c.tone : undefined} style={{ marginInlineStart: 4 }}>
            {c.value}
          </Typography.Text>
        </Button>
      ))}
    </Flex>
  );
}
