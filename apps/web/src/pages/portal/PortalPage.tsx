import { BellOutlined, LeftOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../layout/LanguageSwitch';

type Props = {
  title: string;
  /** Where the back arrow goes; none on the home and sign-in pages. */
  back?: string;
  /** Unread messages, for the bell on the home page. */
  unread?: number;
  children: ReactNode;
  testId?: string;
};

/** One portal screen: a sticky bar with back, title, messages and language, then the column. */
export function PortalPage({ title, back, unread, children, testId }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="portal" data-testid={testId}>
      <header className="portal-bar">
        {back ? (
          <Button
            type="text"
            icon={<LeftOutlined />}
            aria-label={t('portal.back')}
            onClick={() => void navigate(back)}
            data-testid="portal-back"
          />
        ) : (
          <span style={{ width: 8 }} />
        )}
        <h1 className="portal-bar-title">{title}</h1>
        {unread !== undefined && (
          <Badge count={unread} size="small" offset={[-6, 6]}>
            <Button
              type="text"
              icon={<BellOutlined />}
              aria-label={t('portal.notifications.title')}
              onClick={() => void navigate('/m/notifications')}
              data-testid="portal-bell"
            />
          </Badge>
        )}
        <LanguageSwitch />
      </header>
      <main className="portal-column">{children}</main>
    </div>
  );
}
