import { INDICATORS, type IndicatorDefinition, type ReportedItem } from '../../lib/domain';

/** A reported indicator and the items it is entered as (as the server's reported-service reads them). */
export interface ReportedIndicator {
  def: IndicatorDefinition;
  numerator: ReportedItem;
  denominator: ReportedItem | null;
  department: string;
}

export const REPORTED: readonly ReportedIndicator[] = INDICATORS.flatMap((def): ReportedIndicator[] => {
  const f = def.formula;
  if (def.source.kind !== 'reported') return [];
  const department = def.source.department;
  if (f.kind === 'count' && f.count.kind === 'reported')
    return [{ def, numerator: f.count.item, denominator: null, department }];
  if (f.kind === 'ratio' && f.numerator.kind === 'reported')
    return [
      {
        def,
        numerator: f.numerator.item,
        denominator: f.denominator.kind === 'reported' ? f.denominator.item : null,
        department,
      },
    ];
  return [];
});
