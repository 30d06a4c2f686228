import type { KeyTaskItem, KeyTaskUnit } from '@cradle/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Shared bits of the supervision pages: a task's status tag and its units as the annex reads.

const RAG_COLOR = { red: 'red', amber: 'gold', green: 'green' } as const;

export function StatusTag({ task }: { task: Pick<KeyTaskItem, 'status' | 'rag'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={task.status === 'done' ? 'blue' : RAG_COLOR[task.rag]} data-testid="kt-status">
      {t(`supervision.statuses.${task.status}`)}
    </Tag>
  );
}

/** Units of one role: a group is shown once by its name, with how many units it expands to. */
export function UnitNames({ units }: { units: KeyTaskUnit[] }) {
  const { t } = useTranslation();
  const named = units.filter((u) => !u.viaGroup).map((u) => u.name);
  const groups = new Map<string, number>();
  for (const u of units) if (u.viaGroup) groups.set(u.viaGroup, (groups.get(u.viaGroup) ?? 0) + 1);
  const parts = [...named, ...[...groups].map(([group, n]) => t('supervision.tasks.membersCount', { group, n }))];
  return <>{parts.join('、')}</>;
}

export const taskLabel = (task: Pick<KeyTaskItem, 'number' | 'clause'>) =>
  task.number === null ? task.clause : `#${task.number}`;
