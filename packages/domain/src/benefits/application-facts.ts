import type { Message } from '../messages.js';
import type { BeneficiaryFacts } from './facts.js';
import type { DeclaredFact, SchemeDefinition } from './scheme.js';

/**
 * What an application may state for a scheme: the facts its rules ask the applicant to declare
 * (承诺制), and, where the scheme is for special families, the family's status (a scheme that is
 * not proactive: the register decides where it holds the parent).
 */
export function applicationFactKeys(scheme: SchemeDefinition): string[] {
  // A proactive scheme takes no application (its special-family facts come from the register).
  if (scheme.proactive) return [];
  const keys = new Set<string>();
  for (const c of scheme.conditions) {
    if (c.kind === 'declared') keys.add(c.fact);
    if (c.kind === 'specialFamily') keys.add('specialFamilyStatus');
  }
  return [...keys];
}

/** Problems with an application's facts, or none. */
export function checkApplicationFacts(
  scheme: SchemeDefinition,
  facts: Record<string, unknown>,
): { field: string; message: Message }[] {
  const allowed = applicationFactKeys(scheme);
  const problems: { field: string; message: Message }[] = [];
  for (const [k, v] of Object.entries(facts)) {
    if (!allowed.includes(k))
      problems.push({
        field: `facts.${k}`,
        message: { zh: '该项目不需要此项', en: 'the scheme does not ask for this' },
      });
    else if (k === 'specialFamilyStatus' ? !(v === 'bereaved' || v === 'disabledChild') : typeof v !== 'boolean') {
      problems.push({ field: `facts.${k}`, message: { zh: '取值无效', en: 'not a valid value' } });
    }
  }
  return problems;
}

/** The registry's facts with what the application states added. */
export function withApplicationFacts(facts: BeneficiaryFacts, app: Record<string, unknown> | null): BeneficiaryFacts {
  if (!app) return facts;
  const declared: Partial<Record<DeclaredFact, boolean>> = { ...facts.declared };
  for (const [k, v] of Object.entries(app)) if (typeof v === 'boolean') declared[k as DeclaredFact] = v;
  const status = app.specialFamilyStatus;
  return {
    ...facts,
    declared,
    // The confirmed register wins over what an application states (issue 16).
    specialFamilyStatus:
      facts.specialFamilyFile == null && (status === 'bereaved' || status === 'disabledChild')
        ? status
        : facts.specialFamilyStatus,
  };
}
