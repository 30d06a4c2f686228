import type { IdKind, PersonRef, RegionName, Sex } from '@cradle/contract';
import { Typography } from 'antd';
import type { TFunction } from 'i18next';

/** Masked ID numbers in monospace so the visible digits line up down a column. */
export function MaskedId({ value }: { value: string }) {
  return <Typography.Text className="mono">{value}</Typography.Text>;
}

export function sexLabel(t: TFunction, sex: Sex): string {
  return t(`sex.${sex}`);
}

export function idKindLabel(t: TFunction, kind: IdKind): string {
  return t(`idKinds.${kind}`);
}

/** 与户主关系 in words; a value outside the registry's keys (none are stored) is shown as it is. */
export function relationToHeadText(t: TFunction, relation: string | null): string | null {
  if (relation === null) return null;
  return t(`relationsToHead.${relation}`, { defaultValue: relation });
}

export function regionName(region: RegionName | null | undefined): string {
  return region?.name ?? '';
}

/** 第N孩, or nothing when the registry has no parity for the person. */
export function parityLabel(t: TFunction, parity: PersonRef['parity']): string | null {
  return parity === null ? null : t('parity.nth', { n: parity });
}
