import { ArrowLeftOutlined, FileDoneOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Result, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { fetchRegistration } from '../../api/familyRegistrations';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ConflictsCard } from './ConflictsCard';
import { Deadline, RegistrationStatusTag } from './familyTags';
import { HistoryTimeline } from './HistoryTimeline';
import { ParityCard } from './ParityCard';
import { RegistrationActions } from './RegistrationActions';
import { RegistrationDeclared } from './RegistrationDeclared';

/** One childbirth registration: the declarations, parity, the registry's disagreements, what to do, and its history. */
export function RegistrationDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useQuery({
    queryKey: ['fetchRegistration', id],
    queryFn: ({ signal }) => fetchRegistration(id, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const r = loaded.data && loaded.data.id === id ? loaded.data : undefined;

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => void navigate('/childbirth-registrations')}
      style={{ paddingInline: 0 }}
    >
      {t('family.registrations.back')}
    </Button>
  );
  if (!valid || (isApiError(loaded.error) && (loaded.error.status === 404 || loaded.error.status === 403))) {
    return (
      <Result
        status="404"
        title={t('family.registrations.notFound')}
        subTitle={isApiError(loaded.error) ? loaded.error.message : undefined}
        extra={back}
      />
    );
  }

  return (
    <Flex vertical gap={16} data-testid="registration-detail">
      <div>{back}</div>
      <ApiErrorAlert error={loaded.error} onRetry={loaded.refetch} />
      <Spin spinning={loaded.isFetching && !r}>
        {r ? (
          <Flex vertical gap={16}>
            <Space wrap align="center">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="registration-heading">
                {t('family.registrations.heading', { number: r.registrationNo })}
              </Typography.Title>
              <RegistrationStatusTag status={r.status} />
              {r.status === 'submitted' && (
                <span>
                  {t('family.registrations.deadline')}: <Deadline date={r.deadline} state={r.deadlineState} />
                </span>
              )}
            </Space>
            <Card
              title={
                <>
                  <FileDoneOutlined /> {t('family.registrations.actions')}
                </>
              }
            >
              <RegistrationActions registration={r} onChanged={() => void loaded.refetch()} />
            </Card>
            <Card title={t('family.registrations.declared')}>
              <RegistrationDeclared registration={r} />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}>
                <ConflictsCard registration={r} />
              </Col>
              <Col xs={24} xl={8}>
                <ParityCard registration={r} />
              </Col>
            </Row>
            <Card
              title={
                <>
                  <HistoryOutlined /> {t('family.history.title')}
                </>
              }
            >
              <HistoryTimeline history={r.history} />
            </Card>
          </Flex>
        ) : (
          <div style={{ minHeight: 240 }} />
        )}
      </Spin>
    </Flex>
  );
}
