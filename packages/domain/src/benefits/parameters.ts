import type { DatedValue, LegalBasis, ParameterDefinition, ParameterValue, SchemeDefinition } from './scheme.js';

/**
 * A published scheme version of one jurisdiction: values that override the scheme's own from
 * effectiveFrom on, for beneficiaries whose hukou lies in that jurisdiction (national →
 * province → city → county, the most specific wins). Published versions never change; a new
 * value is a new version.
 */
export interface ParameterOverride {
  jurisdictionCode: string;
  version: number;
  effectiveFrom: string;
  values: Readonly<Record<string, ParameterValue>>;
  basis: LegalBasis;
}

/** A parameter's value on a day, and where it came from (shown in the trace). */
export interface ResolvedValue {
  value: ParameterValue;
  basis: LegalBasis;
  /** '' for the scheme's own definition, else the overriding jurisdiction. */
  jurisdictionCode: string;
  version: number | null;
  from: string;
}

/**
 * The value of one parameter for a beneficiary whose hukou is regionCode, on a day, or null
 * when none is in force (a 白银 county that has not set its amount yet).
 */
export function resolveParameter(
  scheme: SchemeDefinition,
  name: string,
  overrides: readonly ParameterOverride[],
  regionCode: string,
  onDate: string,
): ResolvedValue | null {
  const def = getParameter(scheme, name);
  let best: ResolvedValue | null = latestBuiltIn(def.history, onDate);
  let bestDepth = -1;
  for (const o of overrides) {
    if (!(name in o.values) || o.effectiveFrom > onDate || !regionCode.startsWith(o.jurisdictionCode)) continue;
    const depth = o.jurisdictionCode.length;
    // The most specific jurisdiction wins; within one, the version in force latest.
    if (depth < bestDepth || (depth === bestDepth && best !== null && o.effectiveFrom < best.from)) continue;
    if (depth === bestDepth && best !== null && o.effectiveFrom === best.from && (best.version ?? 0) > o.version)
      continue;
    best = {
      value: o.values[name]!,
      basis: o.basis,
      jurisdictionCode: o.jurisdictionCode,
      version: o.version,
      from: o.effectiveFrom,
    };
    bestDepth = depth;
  }
  return best;
}

export function getParameter(scheme: SchemeDefinition, name: string): ParameterDefinition {
  const def = scheme.parameters[name];
  if (!def) throw new Error(`scheme ${scheme.code} has no parameter ${name}`);
  return def;
}

function latestBuiltIn(history: readonly DatedValue[], onDate: string): ResolvedValue | null {
  let found: DatedValue | null = null;
  for (const v of history) if (v.from <= onDate && (found === null || v.from >= found.from)) found = v;
  return found && { value: found.value, basis: found.basis, jurisdictionCode: '', version: null, from: found.from };
}

/** The first day any of the scheme's own parameters is in force, or null when it sets none itself. */
export function inForceFrom(scheme: SchemeDefinition): string | null {
  let first: string | null = null;
  for (const def of Object.values(scheme.parameters))
    for (const v of def.history) if (first === null || v.from < first) first = v.from;
  return first;
}

/** The value name a version uses to set the public-notice days (a procedure, not a policy figure). */
export const NOTICE_DAYS = 'publicNoticeDays';

/**
 * The scheme with its public-notice days as a parameter of its own (unit 'days'), the scheme's
 * default as its history: a version sets it like any other value, and it resolves the same way.
 */
export function withNoticeDays(scheme: SchemeDefinition): SchemeDefinition {
  const start = inForceFrom(scheme);
  return {
    ...scheme,
    parameters: {
      ...scheme.parameters,
      [NOTICE_DAYS]: {
        label: { zh: '公示天数', en: 'Public notice days' },
        unit: 'days',
        // In force from the scheme's own start (a day people can read, not a sentinel such as
        // 0001-01-01); before it, and for a scheme that sets nothing itself, resolveNoticeDays
        // falls back to the same default.
        history: start === null ? [] : [{ from: start, value: scheme.publicNoticeDays, basis: scheme.legalBasis }],
      },
    },
  };
}

/** The public-notice days in force for a beneficiary's region on a day: a version's, else the scheme's default. */
export function resolveNoticeDays(
  scheme: SchemeDefinition,
  overrides: readonly ParameterOverride[],
  regionCode: string,
  onDate: string,
): number {
  const v = resolveParameter(withNoticeDays(scheme), NOTICE_DAYS, overrides, regionCode, onDate)?.value;
  return typeof v === 'number' ? v : scheme.publicNoticeDays;
}
