import type { StaffRegistrationDetail } from '@cradle/contract';
import { CheckOutlined, FilePdfOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { completeRegistration, registrationReceiptUrl, requestRegistrationInfo } from '../../api/familyRegistrations';
import { mayHandleChildbirthRegistrations, useMe } from '../../lib/auth';
import { TextActionModal } from './TextActionModal';

type Props = { registration: StaffRegistrationDetail; onChanged: () => void };

// Our caps, as the server's free-text check: a note or a request is a few sentences.
const TEXT_MAX = 500;

/** Complete (a note required when the registry disagrees), ask the family for more, or download the receipt. */
export function RegistrationActions({ registration: r, onChanged }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [modal, setModal] = useState<'complete' | 'requestInfo' | null>(null);
  const canAct = mayHandleChildbirthRegistrations(me) && r.status === 'submitted';
  const hasConflicts = r.conflicts.length > 0;

  const done = (text: string) => {
    setModal(null);
    void message.success(text);
    onChanged();
  };

  return (
    <Flex vertical gap={12} data-testid="registration-actions">
      {r.status === 'infoRequested' && r.infoRequest && (
        <Alert
          type="warning"
          showIcon
          title={t('family.registrations.waitingForFamily')}
          description={r.infoRequest}
          data-testid="info-request"
        />
      )}
      {r.status === 'completed' && <Alert type="success" showIcon title={t('family.registrations.completedHint')} />}
      {!canAct && r.status === 'submitted' && (
        <Typography.Text type="secondary">{t('family.registrations.readOnly')}</Typography.Text>
      )}
      <Space wrap>
        {canAct && (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setModal('complete')}
              data-testid="registration-complete"
            >
              {t('family.registrations.complete')}
            </Button>
            <Button
              icon={<QuestionCircleOutlined />}
              onClick={() => setModal('requestInfo')}
              data-testid="registration-request-info"
            >
              {t('family.registrations.requestInfo')}
            </Button>
          </>
        )}
        {r.receiptAvailable && (
          <Button
            icon={<FilePdfOutlined />}
            href={registrationReceiptUrl(r.id)}
            download={`${r.registrationNo}.pdf`}
            data-testid="registration-receipt"
          >
            {t('family.registrations.receipt')}
          </Button>
        )}
      </Space>
      <TextActionModal
        open={modal === 'complete'}
        title={t('family.registrations.completeTitle', { number: r.registrationNo })}
        hint={
          hasConflicts
            ? t('family.registrations.noteHintConflicts', { count: r.conflicts.length })
            : t('family.registrations.noteHint')
        }
        label={t('family.registrations.note')}
        required={hasConflicts}
        requiredMessage={t('family.registrations.noteRequired')}
        maxLength={TEXT_MAX}
        okText={t('family.registrations.complete')}
        okIcon={<CheckOutlined />}
        testId="complete"
        submit={(note) => completeRegistration(r.id, note || undefined)}
        onClose={() => setModal(null)}
        onDone={() => done(t('family.registrations.completed', { number: r.registrationNo }))}
      />
      <TextActionModal
        open={modal === 'requestInfo'}
        title={t('family.registrations.requestInfoTitle', { number: r.registrationNo })}
        hint={t('family.registrations.requestInfoHint')}
        label={t('family.registrations.requestMessage')}
        placeholder={t('family.registrations.requestPlaceholder')}
        required
        requiredMessage={t('family.registrations.requestRequired')}
        maxLength={TEXT_MAX}
        okText={t('family.registrations.requestInfo')}
        okIcon={<QuestionCircleOutlined />}
        testId="request-info"
        submit={(text) => requestRegistrationInfo(r.id, text)}
        onClose={() => setModal(null)}
        onDone={() => done(t('family.registrations.infoRequested'))}
      />
    </Flex>
  );
}
