import type { TaskDetail } from '@cradle/contract';
import { ArrowLeftOutlined, FileDoneOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { fetchTask } from '../../api/familyBundle';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { pick } from '../../lib/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLang } from '../../lib/useLang';
import { BundleOverview } from './BundleOverview';
import { isBundleService } from './familyDomain';
import { Deadline, EnrolmentDeadline, TaskStatusTag } from './familyTags';
import { TaskWork } from './TaskWork';

/** One department task of a newborn bundle: the shared form, and the department's completion or return. */
export function BundleTaskDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useQuery({
    queryKey: ['fetchTask', id],
    queryFn: ({ signal }) => fetchTask(id, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  // An action answers with the task as it now is: show that without asking again.
  // Kept in the query's cache, so a later refetch or revisit starts from it.
  const queryClient = useQueryClient();
  const setLatest = (next: TaskDetail) => queryClient.setQueryData(['fetchTask', id], next);
  const detail = loaded.data && loaded.data.task.id === id ? loaded.data : undefined;

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => void navigate('/bundle-tasks')}
      style={{ paddingInline: 0 }}
    >
      {t('family.tasks.back')}
    </Button>
  );
  if (!valid || (isApiError(loaded.error) && (loaded.error.status === 404 || loaded.error.status === 403))) {
    return (
      <Result
        status="404"
        title={t('family.tasks.notFound')}
        subTitle={isApiError(loaded.error) ? loaded.error.message : undefined}
        extra={back}
      />
    );
  }
  const task = detail?.task;

  return (
    <Flex vertical gap={16} data-testid="task-detail">
      <div>{back}</div>
      <ApiErrorAlert error={loaded.error} onRetry={loaded.refetch} />
      <Spin spinning={loaded.isFetching && !detail}>
        {detail && task ? (
          <Flex vertical gap={16}>
            <Space wrap align="center">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="task-heading" data-service={task.service}>
                {t('family.tasks.heading', { service: pick(task.label, lang), number: detail.bundle.bundleNo })}
              </Typography.Title>
              <TaskStatusTag status={task.status} />
              {task.status === 'pending' && (
                <span>
                  {t('family.tasks.deadline')}: <Deadline date={task.deadline} state={task.deadlineState} />
                </span>
              )}
              <EnrolmentDeadline date={task.enrolmentDeadline} late={task.late} />
            </Space>
            <Card
              title={
                <>
                  <FileDoneOutlined /> {t('family.tasks.work', { department: pick(task.departmentLabel, lang) })}
                </>
              }
              data-testid="task-work"
            >
              {isBundleService(task.service) ? (
                <TaskWork
                  detail={detail}
                  service={task.service}
                  onChanged={(next) => {
                    if (next) setLatest(next);
                    else void loaded.refetch();
                  }}
                />
              ) : (
                <Typography.Text type="secondary">{task.service}</Typography.Text>
              )}
            </Card>
            <Card
              title={
                <>
                  <SolutionOutlined /> {t('family.tasks.bundle')}
                </>
              }
            >
              <BundleOverview detail={detail} />
            </Card>
          </Flex>
        ) : (
          <div style={{ minHeight: 240 }} />
        )}
      </Spin>
    </Flex>
  );
}
