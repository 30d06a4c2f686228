import { FileProtectOutlined, GiftOutlined, HomeOutlined, WalletOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The two services a family starts here, 生育登记 and 出生一件事, and the children's benefits. */
export function ServiceTiles() {
  const { t } = useTranslation();
  return (
    <nav className="portal-tiles" aria-label={t('portal.home.services')}>
      <Link to="/m/registrations/new" className="portal-tile" data-testid="portal-start-registration">
        <FileProtectOutlined />
        <strong>{t('portal.registration.name')}</strong>
        <span className="portal-muted">{t('portal.home.registrationHint')}</span>
      </Link>
      <Link to="/m/bundles/new" className="portal-tile" data-testid="portal-start-bundle">
        <GiftOutlined />
        <strong>{t('portal.bundle.name')}</strong>
        <span className="portal-muted">{t('portal.home.bundleHint')}</span>
      </Link>
      <Link
        to="/m/benefits"
        className="portal-tile"
        style={{ gridColumn: '1 / -1' }}
        data-testid="portal-open-benefits"
      >
        <WalletOutlined />
        <strong>{t('portalBenefits.tile')}</strong>
        <span className="portal-muted">{t('portalBenefits.tileHint')}</span>
      </Link>
      <Link
        to="/m/childcare"
        className="portal-tile"
        style={{ gridColumn: '1 / -1' }}
        data-testid="portal-open-childcare"
      >
        <HomeOutlined />
        <strong>{t('childcare.public.link')}</strong>
        <span className="portal-muted">{t('childcare.public.intro')}</span>
      </Link>
    </nav>
  );
}
