import { BellOutlined, RightOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useResidentMe } from '../../../lib/portalAuth';
import { useNotifications } from '../notifications/useNotifications';
import { PortalPage } from '../PortalPage';
import { FamilyCard } from './FamilyCard';
import { GreetingCard } from './GreetingCard';
import { MyApplications } from './MyApplications';
import { ServiceTiles } from './ServiceTiles';

/** 掌上办 home: who is signed in, the services, the family, the applications and messages. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useResidentMe();
  const notes = useNotifications();
  return (
    <PortalPage title={t('portal.name')} unread={notes.unread} testId="portal-home">
      <GreetingCard me={me} />
      <ServiceTiles />
      <Card className="portal-card" size="small">
        <Link to="/m/notifications" className="portal-row" data-testid="portal-notifications-link">
          <span>
            <BellOutlined /> {t('portal.notifications.title')}
          </span>
          <span>
            <span className="portal-muted" data-testid="portal-unread" data-count={notes.unread}>
              {notes.unread > 0
                ? t('portal.notifications.unreadCount', { n: notes.unread })
                : t('portal.notifications.allRead')}
            </span>{' '}
            <RightOutlined />
          </span>
        </Link>
      </Card>
      {me.family && <FamilyCard family={me.family} />}
      <MyApplications />
    </PortalPage>
  );
}
