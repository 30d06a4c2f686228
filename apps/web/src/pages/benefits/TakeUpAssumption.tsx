import type { BudgetView, TakeUpRate } from '@cradle/contract';
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maySetTakeUpRate, useMe } from '../../lib/auth';
import { basisPointsToPercent } from '../../lib/domain';
import { formatDateTime } from '../../lib/format';
import { TakeUpRateModal } from './TakeUpRateModal';

type Props = { budget: BudgetView; onChanged: () => void };

/**
 * The assumption behind a budget of a scheme paid on application: the take-up rate per county,
 * where it comes from and who set it; or, where the registry cannot tell who is eligible, that
 * only approved applications count.
 */
export function TakeUpAssumption({ budget: b, onChanged }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<TakeUpRate | null>(null);
  if (!b.paidOnApplication) return null;
  if (!b.registryEstimate)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('benefits.budget.approvedOnly')}
        data-testid="budget-approved-only"
      />
    );
  const own = (r: TakeUpRate) => maySetTakeUpRate(me) && r.jurisdictionCode === me.jurisdiction.code;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('benefits.budget.takeUp.assumption')}
        description={
          <Flex vertical gap={4}>
            {b.takeUpRates.map((r) => (
              <Flex key={r.jurisdictionCode} align="center" gap={8} wrap data-testid="budget-take-up">
                <Typography.Text strong>
                  {t('benefits.budget.takeUp.rate', { percent: basisPointsToPercent(r.basisPoints) })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {r.isDefault
                    ? t('benefits.budget.takeUp.default')
                    : t('benefits.budget.takeUp.setBy', {
                        basis: r.basis,
                        name: r.setByName,
                        at: formatDateTime(r.setAt),
                      })}
                </Typography.Text>
                {own(r) && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(r)}
                    data-testid="budget-take-up-set"
                  >
                    {t('benefits.budget.takeUp.set')}
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        }
      />
      {editing && (
        <TakeUpRateModal
          schemeCode={b.schemeCode}
          current={editing}
          open
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('benefits.budget.takeUp.saved'));
            onChanged();
          }}
        />
      )}
    </>
  );
}
