import type { ApplicationDetail, PersonDetail } from '@cradle/contract';
import { ArrowLeftOutlined, EyeOutlined, FileAddOutlined, IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { fetchPerson } from '../../api/registry';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { mayCheckEligibility, mayHandleApplications, mayWrite, useMe } from '../../lib/auth';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApplicationResultCard } from '../benefits/ApplicationResultCard';
import { ApplyModal } from '../benefits/ApplyModal';
import { EligibilityCard } from '../benefits/EligibilityCard';
import { HouseholdCard } from './HouseholdCard';
import { RelationshipsCard } from './RelationshipsCard';
import { RevealIdModal } from './RevealIdModal';
import { MaskedId, idKindLabel, parityLabel, relationToHeadText, sexLabel } from './personColumns';

function BasicInfo({ person, onReveal }: { person: PersonDetail; onReveal: () => void }) {
  const { t } = useTranslation();
  const readOnly = !mayWrite(useMe());
  const none = t('common.none');
  const items = [
    { key: 'name', label: t('persons.columns.name'), children: person.name },
    { key: 'sex', label: t('persons.columns.sex'), children: sexLabel(t, person.sex) },
    { key: 'birthDate', label: t('persons.columns.birthDate'), children: person.birthDate },
    { key: 'age', label: t('persons.columns.age'), children: t('person.age', { count: person.age }) },
    {
      key: 'idNumber',
      label: t('persons.columns.idNumber'),
      span: 2,
      children: (
        <Space wrap>
          <span data-testid="masked-id">
            <MaskedId value={person.idNumberMasked} />
          </span>
          <Tooltip title={readOnly ? t('person.reveal.readOnly') : undefined}>
            <Button
              size="small"
              icon={<EyeOutlined />}
              onClick={onReveal}
              disabled={readOnly}
              data-testid="reveal-button"
            >
              {t('person.reveal.button')}
            </Button>
          </Tooltip>
        </Space>
      ),
    },
    { key: 'idKind', label: t('persons.columns.idKind'), children: idKindLabel(t, person.idKind) },
    { key: 'ethnicity', label: t('person.ethnicity'), children: person.ethnicity ?? none },
    { key: 'hukou', label: t('persons.columns.hukouRegion'), children: person.hukouRegion.name },
    { key: 'residence', label: t('persons.columns.residenceRegion'), children: person.residenceRegion.name },
    {
      key: 'relationToHead',
      label: t('person.relationToHead'),
      children: relationToHeadText(t, person.relationToHead) ?? none,
    },
    { key: 'parity', label: t('person.parity'), children: parityLabel(t, person.parity) ?? none },
  ];
  return <Descriptions bordered size="middle" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}

export function PersonDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const id = Number(useParams().id);
  const [revealOpen, setRevealOpen] = useState(false);
  const [applyOpen, setApplyOpen] = useState(false);
  const [applied, setApplied] = useState<ApplicationDetail | null>(null);
  const me = useMe();
  const caseworker = mayCheckEligibility(me);
  // 申请补贴: village and township workers and county administrators apply for a family.
  const applicant = mayHandleApplications(me);
  const {
    data: person,
    error,
    isFetching: loading,
    refetch: reload,
  } = useQuery({
    queryKey: ['fetchPerson', id],
    queryFn: ({ signal }) => fetchPerson(id, signal),
    placeholderData: keepPreviousData,
  });

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => void (location.key === 'default' ? navigate('/persons') : navigate(-1))}
      style={{ paddingInline: 0 }}
    >
      {t('person.back')}
    </Button>
  );

  if (!Number.isInteger(id) || id < 1 || (isApiError(error) && (error.status === 404 || error.status === 403))) {
    return (
      <Result
        status="404"
        title={t('person.notFound')}
        subTitle={isApiError(error) ? error.message : undefined}
        extra={back}
      />
    );
  }

  return (
    <Flex vertical gap={16} data-testid="person-detail">
      <div>{back}</div>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Spin spinning={loading && !person}>
        {person && person.id === id ? (
          <Flex vertical gap={16}>
            <Card
              title={
                <Space>
                  <IdcardOutlined />
                  <Typography.Text strong style={{ fontSize: 18 }} data-testid="person-name">
                    {person.name}
                  </Typography.Text>
                  <Tag>{sexLabel(t, person.sex)}</Tag>
                  <Tag>{t('person.age', { count: person.age })}</Tag>
                </Space>
              }
              extra={
                <Space>
                  <Button
                    icon={<PrinterOutlined />}
                    href={`/persons/${person.id}/print`}
                    target="_blank"
                    data-testid="print-button"
                  >
                    {t('print.print')}
                  </Button>
                  {applicant && (
                    <Button
                      type="primary"
                      icon={<FileAddOutlined />}
                      onClick={() => setApplyOpen(true)}
                      data-testid="apply-button"
                    >
                      {t('benefits.apply.button')}
                    </Button>
                  )}
                </Space>
              }
            >
              <BasicInfo person={person} onReveal={() => setRevealOpen(true)} />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <HouseholdCard household={person.household} selfId={person.id} />
              </Col>
              <Col xs={24} xl={10}>
                <RelationshipsCard relationships={person.relationships} />
              </Col>
            </Row>
            {applied && applied.beneficiaryId === person.id && (
              <ApplicationResultCard key={`applied-${applied.id}`} application={applied} />
            )}
            {caseworker && <EligibilityCard key={`eligibility-${person.id}`} personId={person.id} />}
            {applicant && (
              <ApplyModal
                key={`apply-${person.id}`}
                personId={person.id}
                personName={person.name}
                open={applyOpen}
                onClose={() => setApplyOpen(false)}
                onSubmitted={(a) => {
                  setApplied(a);
                  setApplyOpen(false);
                }}
              />
            )}
            <RevealIdModal
              key={`reveal-${person.id}`}
              personId={person.id}
              personName={person.name}
              open={revealOpen}
              onClose={() => setRevealOpen(false)}
            />
          </Flex>
        ) : (
          <div style={{ minHeight: 240 }} />
        )}
      </Spin>
    </Flex>
  );
}
