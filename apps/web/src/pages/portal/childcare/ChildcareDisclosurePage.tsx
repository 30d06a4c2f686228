import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { fetchPublicInstitutions } from '../../../api/childcare';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { fen, formatYuan, ratingGradeLabel, type RatingGrade } from '../../../lib/domain';
import { useWord } from '../../childcare/supervisionWords';
import { useSystemInfo } from '../../../lib/useSystemInfo';

/**
 * 托育机构信息公示 (issue 14): filed institutions by township, with no sign-in: type, affordable
 * or not, fees, slots and vacancies, filing number. Nothing personal is sent or shown.
 */
export function ChildcareDisclosurePage() {
  const { t } = useTranslation();
  const word = useWord();
  const info = useSystemInfo();
  const [params] = useSearchParams();
  const scope = info?.scope.code ?? '';
  const county = params.get('county') ?? (scope.length >= 6 ? scope.slice(0, 6) : '');
  const q = useQuery({
    queryKey: ['fetchPublicInstitutions', county],
    queryFn: ({ signal }) => fetchPublicInstitutions(county, signal),
    enabled: county.length === 6,
  });
  if (q.error) return <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoading />;
  const yuan = (amount: number) => t('childcare.public.perMonth', { amount: formatYuan(fen(amount)) });
  return (
    <Flex vertical gap={16} style={{ padding: 16, maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="cc-public-title">
        {q.data.county.name} {t('childcare.public.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('childcare.public.intro')}</Typography.Text>
      {q.data.townships.length === 0 && <Empty description={t('childcare.public.empty')} />}
      {q.data.townships.map((township) => (
        <Card key={township.code} title={township.name} data-testid={`cc-public-${township.code}`}>
          <List
            dataSource={township.institutions}
            renderItem={(i) => (
              <List.Item key={i.filingNo} data-testid="cc-public-item">
                <Flex vertical gap={4}>
                  <Typography.Text strong>
                    {i.name}{' '}
                    <Tag color={i.affordable ? 'green' : 'default'}>
                      {i.affordable ? t('childcare.public.affordable') : t('childcare.public.notAffordable')}
                    </Tag>
                    <Tag>{t(`institutionTypes.${i.type}`)}</Tag>
                    <Tag>{t(`operatorForms.${i.operatorForm}`)}</Tag>
                    {i.rating && (
                      <Tag color="blue" data-testid="cc-public-rating">
                        {t('childcareSupervision.publicRating', {
                          year: i.rating.year,
                          grade: word(ratingGradeLabel(i.rating.grade as RatingGrade)),
                        })}
                      </Tag>
                    )}
                  </Typography.Text>
                  <Typography.Text>{i.address}</Typography.Text>
                  <Typography.Text>
                    {t('childcare.public.slots', {
                      slots: i.slots,
                      affordable: i.affordableSlots,
                      vacancies: i.vacancies,
                    })}
                  </Typography.Text>
                  <Typography.Text>
                    {t('childcare.public.fee')}：{yuan(i.monthlyFeeFen)}
                    {i.affordableFeeFen !== null &&
                      `；${t('childcare.public.affordableFee')}：${yuan(i.affordableFeeFen)}`}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('childcare.public.filingNo')}：{i.filingNo} · {t('childcare.public.filedOn')}：{i.filedOn}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ))}
      <Link to="/m">{t('portal.backHome')}</Link>
    </Flex>
  );
}
