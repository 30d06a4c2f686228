import { zhCN } from '../../i18n/zh-CN';
import { optionalLabel } from '../../lib/optionalLabel';

/** Action codes the console has a label for ('person.reveal', …), for the filter's suggestions. */
export const KNOWN_ACTIONS: readonly string[] = Object.entries(zhCN.audit.actions).flatMap(([group, actions]) =>
  Object.keys(actions).map((action) => `${group}.${action}`),
);

/** Target types the console has a label for ('paymentBatch', 'person', …). */
export const KNOWN_TARGETS: readonly string[] = Object.keys(zhCN.audit.targets);

export const targetTypeLabel = (type: string): string => optionalLabel('audit.targets', type);

export function actionLabel(action: string): string {
  return optionalLabel('audit.actions', action);
}

export function targetLabel(targetType: string | null, targetId: string | number | null): string {
  if (!targetType) return targetId === null ? '' : String(targetId);
  const type = optionalLabel('audit.targets', targetType);
  return targetId === null ? type : `${type} #${targetId}`;
}
