import type { Notification } from '@cradle/contract';
import { Badge, Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { markNotificationRead } from '../../../api/portal';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { PortalPage } from '../PortalPage';
import { subjectPath } from './subjectPath';
import { useNotifications } from './useNotifications';

function NotificationRow({ note, onOpen }: { note: Notification; onOpen: (note: Notification) => void }) {
  return (
    <button
      type="button"
      className="portal-row portal-row-button"
      onClick={() => onOpen(note)}
      data-testid="portal-notification"
      data-read={note.read}
    >
      <span className="portal-row-main" style={{ textAlign: 'left' }}>
        <span style={{ display: 'block', fontWeight: note.read ? 400 : 600 }}>
          {!note.read && <Badge status="processing" />} {note.body}
        </span>
        <span className="portal-muted">{formatDateTime(note.createdAt)}</span>
      </span>
    </button>
  );
}

/** 消息: the resident's messages, newest first; opening one marks it read and goes to its application. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notes = useNotifications();

  async function open(note: Notification) {
    if (!note.read) await markNotificationRead(note.id).catch(() => undefined);
    const path = subjectPath(note);
    if (path) void navigate(path);
    else void notes.refetch();
  }

  const items = notes.data ?? [];
  return (
    <PortalPage title={t('portal.notifications.title')} back="/m" testId="portal-notifications">
      <ApiErrorAlert error={notes.error} onRetry={notes.refetch} />
      <Card className="portal-card" size="small">
        {notes.isFetching && !notes.data ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description={t('portal.notifications.empty')} />
        ) : (
          items.map((n) => <NotificationRow key={n.id} note={n} onOpen={(x) => void open(x)} />)
        )}
      </Card>
    </PortalPage>
  );
}
