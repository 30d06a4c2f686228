import type { Notification } from '@cradle/contract';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchNotifications } from '../api/notifications';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useMe } from '../lib/auth';
import { formatDateTime } from '../lib/format';
import { useQuery } from '@tanstack/react-query';

// Queue messages arrive as families submit; a minute is soon enough for work counted in days.
const POLL_MS = 60_000;

/** Where a message's subject opens in the console; null for subjects without a staff page. */
function subjectPath(n: Notification): string | null {
  if (n.subjectId === null) return null;
  if (n.subjectKind === 'childbirthRegistration') return `/childbirth-registrations/${n.subjectId}`;
  if (n.subjectKind === 'bundleTask') return `/bundle-tasks/${n.subjectId}`;
  return null;
}

// Queue messages are shared by everyone on the queue, so "seen" is this browser's: the newest id opened.
const seenKey = (userId: number) => `cradle.notifications.seen.${userId}`;
const readSeen = (userId: number) => Number(localStorage.getItem(seenKey(userId)) ?? 0) || 0;

function NotificationList({ items, onOpen }: { items: Notification[]; onOpen: () => void }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('family.notifications.empty')} />;
  return (
    <Flex vertical gap={12} style={{ maxHeight: 420, overflowY: 'auto' }}>
      {items.map((n) => {
        const path = subjectPath(n);
        return (
          <div key={n.id} data-testid="notification" data-subject={n.subjectKind ?? ''}>
            {path ? (
              <Link to={path} onClick={onOpen}>
                {n.body}
              </Link>
            ) : (
              <Typography.Text>{n.body}</Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt)}
              </Typography.Text>
            </div>
          </div>
        );
      })}
    </Flex>
  );
}

/** 消息: the messages to the user's queues (a new registration, a task reaching the department), newest first. */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(() => readSeen(me.id));
  const { data, error, refetch } = useQuery({
    queryKey: ['fetchNotifications'],
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: POLL_MS,
  });
  const items = data?.items ?? [];
  const unseen = items.filter((n) => n.id > seen).length;

  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) void refetch();
    const newest = items[0]?.id ?? 0;
    if (!next && newest > seen) {
      localStorage.setItem(seenKey(me.id), String(newest));
      setSeen(newest);
    }
  };

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={toggle}
      title={t('family.notifications.title')}
      content={
        <div style={{ width: 360 }} data-testid="notifications">
          <ApiErrorAlert error={error} />
          <NotificationList items={items} onOpen={() => toggle(false)} />
        </div>
      }
    >
      <Button type="text" aria-label={t('family.notifications.title')} data-testid="notification-bell">
        <Badge count={unseen} size="small" data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
