import type { ResidentMe } from '@cradle/contract';
import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useResident } from '../../../lib/portalAuth';

/** Who is signed in, a prompt to link the registry record when not yet linked, and sign-out. */
export function GreetingCard({ me }: { me: ResidentMe }) {
  const { t } = useTranslation();
  const { signOut } = useResident();
  const name = me.family?.self.name;
  return (
    <Card className="portal-card" size="small">
      <Flex justify="space-between" align="center" gap={8}>
        <div>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="portal-greeting">
            {name ? t('portal.home.hello', { name }) : t('portal.home.helloPhone', { phone: me.resident.phoneMasked })}
          </Typography.Text>
          <div className="portal-muted">{me.resident.bound ? t('portal.home.bound') : t('portal.home.notBound')}</div>
        </div>
        <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="portal-sign-out">
          {t('portal.home.signOut')}
        </Button>
      </Flex>
      {!me.resident.bound && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('portal.home.bindPrompt')}
          action={
            <Link to="/m/binding" data-testid="portal-bind-link">
              {t('portal.home.bindAction')}
            </Link>
          }
        />
      )}
    </Card>
  );
}
