import { useMutation } from '@tanstack/react-query';
import type { ApplicationDetail, ReviewLevel } from '@cradle/contract';
import { CheckOutlined, CloseOutlined, FlagOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appealApplication, approveApplication, closeApplicationNotice } from '../../api/applications';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMe } from '../../lib/auth';
import { chinaDateOf, findBuiltInScheme, reviewLevelOf } from '../../lib/domain';
import { RejectModal } from './RejectModal';

type Props = { application: ApplicationDetail; onChanged: (next: ApplicationDetail | null) => void };
type Step = 'approve' | 'appeal' | 'closeNotice';

const CALLS: Record<Step, (id: number, opinion: string) => Promise<ApplicationDetail>> = {
  approve: approveApplication,
  appeal: appealApplication,
  closeNotice: closeApplicationNotice,
};

/**
 * The buttons the application's state offers the user, as the domain's review() would allow
 * them; the server decides again, and its refusal is shown in the user's language.
 */
export function ApplicationActions({ application: a, onChanged }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [opinion, setOpinion] = useState('');

  const myLevel = reviewLevelOf(me.roles);
  const scheme = findBuiltInScheme(a.schemeCode);
  const levels: readonly ReviewLevel[] = scheme && scheme.reviewLevels.length > 0 ? scheme.reviewLevels : ['county'];
  const last = levels[levels.length - 1];
  const levelName = (l: ReviewLevel) => t(`benefits.reviewLevel.${l}`);

  const done = (step: Step | 'reject', next: ApplicationDetail) => {
    if (step === 'approve') {
      if (next.status === 'inReview') return t('benefits.applications.done.approve', { level: levelName(next.level) });
      if (next.status === 'publicNotice')
        return t('benefits.applications.done.approveNotice', { date: next.noticeUntil ?? '' });
      return t('benefits.applications.done.approveFinal');
    }
    if (step === 'appeal') return t('benefits.applications.done.appeal', { level: levelName(next.level) });
    return t(`benefits.applications.done.${step}`);
  };

  const decide = useMutation({
    mutationFn: (step: Step) => CALLS[step](a.id, opinion),
    onSuccess: (next, step) => {
      void message.success(done(step, next));
      setOpinion('');
      onChanged(next);
    },
    onError: () => onChanged(null), // someone else may have moved it: show where it is now
  });
  const act = (step: Step) => decide.mutate(step);
  const busy = decide.isPending ? decide.variables : null;
  const error = decide.error;

  // An appeal is reviewed by someone other than the one who rejected it (the server enforces it too).
  const rejection = a.decisions.filter((d) => d.action === 'reject').at(-1);
  const ownRejection =
    a.appealed && rejection !== undefined && rejection.level === a.level && rejection.decidedBy === me.id;
  const ownHint = ownRejection ? t('benefits.applications.ownRejection') : undefined;

  const approveButton = (
    <Tooltip title={ownHint}>
      <Popconfirm
        title={t('benefits.applications.approveConfirm')}
        description={
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('benefits.applications.opinion')}</Typography.Text>
            <Input.TextArea
              value={opinion}
              onChange={(e) => setOpinion(e.target.value)}
              maxLength={500}
              showCount
              autoSize={{ minRows: 2, maxRows: 5 }}
              style={{ width: 320 }}
              aria-label={t('benefits.applications.opinion')}
              placeholder={t('benefits.applications.opinionPlaceholder')}
              data-testid="application-opinion"
            />
          </Flex>
        }
        okText={t('benefits.applications.action.approve')}
        cancelText={t('common.cancel')}
        onConfirm={() => act('approve')}
        disabled={ownRejection}
      >
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy === 'approve'}
          disabled={ownRejection}
          data-testid="application-approve"
        >
          {t('benefits.applications.action.approve')}
        </Button>
      </Popconfirm>
    </Tooltip>
  );
  const rejectButton = (
    <Tooltip title={ownHint}>
      <Button
        danger
        icon={<CloseOutlined />}
        disabled={ownRejection}
        onClick={() => setRejecting(true)}
        data-testid="application-reject"
      >
        {t('benefits.applications.action.reject')}
      </Button>
    </Tooltip>
  );

  let buttons: ReactNode = null;
  if (a.status === 'inReview') {
    buttons =
      myLevel === a.level ? (
        <Flex vertical gap={8} align="start">
          {ownRejection && <Alert type="info" showIcon title={ownHint} data-testid="application-own-rejection" />}
          <Space wrap>
            {approveButton}
            {rejectButton}
          </Space>
        </Flex>
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('benefits.applications.waiting', { level: levelName(a.level) })}
          data-testid="application-waiting"
        />
      );
  } else if (a.status === 'publicNotice' && myLevel === last) {
    const running = a.noticeUntil !== null && chinaDateOf(new Date()) <= a.noticeUntil;
    buttons = (
      <Space wrap>
        {me.roles.includes('countyAdmin') && (
          <Tooltip
            title={running ? t('benefits.applications.noticeRunning', { date: a.noticeUntil ?? '' }) : undefined}
          >
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              disabled={running}
              loading={busy === 'closeNotice'}
              onClick={() => {
                act('closeNotice');
              }}
              data-testid="application-close-notice"
            >
              {t('benefits.applications.action.closeNotice')}
            </Button>
          </Tooltip>
        )}
        {rejectButton}
      </Space>
    );
  } else if (a.status === 'rejected' && !a.appealed) {
    buttons = (
      <Flex vertical gap={8} align="start">
        <Typography.Text type="secondary">{t('benefits.applications.appealHint')}</Typography.Text>
        <Button
          icon={<FlagOutlined />}
          loading={busy === 'appeal'}
          onClick={() => {
            act('appeal');
          }}
          data-testid="application-appeal"
        >
          {t('benefits.applications.action.appeal')}
        </Button>
      </Flex>
    );
  }

  return (
    <div data-testid="application-actions">
      <div data-testid="application-action-error">
        <ApiErrorAlert error={error} />
      </div>
      {buttons}
      <RejectModal
        applicationId={a.id}
        open={rejecting}
        onClose={() => setRejecting(false)}
        onRejected={(next) => {
          setRejecting(false);
          void message.success(done('reject', next));
          onChanged(next);
        }}
      />
    </div>
  );
}
