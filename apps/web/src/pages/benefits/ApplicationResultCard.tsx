import type { ApplicationDetail } from '@cradle/contract';
import { FileDoneOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLang } from '../../lib/useLang';
import { ApplicationStatusTags, schemeNameOf } from './applicationLabels';
import { EligibilityVerdict } from './EligibilityVerdict';
import { ReviewSteps } from './ReviewSteps';

/** The application just submitted on a person's page: where it waits, and what today's check says. */
export function ApplicationResultCard({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card
      title={
        <Space>
          <FileDoneOutlined />
          {t('benefits.apply.result', { id: a.id })}
          <ApplicationStatusTags application={a} />
        </Space>
      }
      extra={
        <Link to={`/applications/${a.id}`} data-testid="application-open">
          {t('benefits.apply.open')} <RightOutlined />
        </Link>
      }
      data-testid="application-result"
      data-id={a.id}
    >
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'scheme', label: t('benefits.applications.scheme'), children: schemeNameOf(a.schemeCode, lang) },
            {
              key: 'level',
              label: t('benefits.applications.level'),
              children: <span data-testid="application-level">{t(`benefits.reviewLevel.${a.level}`)}</span>,
            },
            {
              key: 'applicant',
              label: t('benefits.applications.applicant'),
              children: a.applicantName ?? t('common.none'),
            },
          ]}
        />
        <ReviewSteps application={a} />
        {a.eligibility ? (
          <EligibilityVerdict result={a.eligibility} />
        ) : (
          <Typography.Text type="secondary">{t('benefits.applications.noEligibility')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
