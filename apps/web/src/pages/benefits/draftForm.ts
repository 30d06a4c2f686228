import type { Message, ParameterValue, ParameterView, VersionDraftBody } from '@cradle/contract';
import { parseYuan, type YuanParse } from '../../lib/money';

/** What the draft form holds: amounts as typed (yuan text), dates as YYYY-MM-DD. */
export type DraftFormValues = {
  effectiveFrom?: string;
  values?: Record<string, string | number | number[] | Record<string, string | undefined> | null | undefined>;
  legalBasis?: { document?: string; clause?: string };
};

const filled = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

function fenOf(text: string): number {
  const r: YuanParse = parseYuan(text);
  if (!r.ok) throw new Error(`not an amount: ${text}`); // the form's rules ran first
  return r.fen;
}

/** The parameters the user filled, in the units the API takes (amounts in integer fen); blanks keep the value in force. */
/** One 400 'version.invalid' detail: the field ('values.yearlyAmount') and what is wrong with it. */
export type FieldProblem = { field: string; message: Message };

export function draftValues(
  parameters: readonly ParameterView[],
  raw: DraftFormValues['values'],
): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const p of parameters) {
    const v = raw?.[p.name];
    switch (p.unit) {
      case 'fen':
        if (filled(v)) out[p.name] = fenOf(v);
        break;
      case 'years':
      case 'days':
        if (typeof v === 'number') out[p.name] = v;
        break;
      case 'date':
        if (filled(v)) out[p.name] = v;
        break;
      case 'parities':
        if (Array.isArray(v) && v.length > 0) out[p.name] = [...v].sort((a, b) => a - b);
        break;
      case 'fenByKey': {
        const entries = Object.entries(v && typeof v === 'object' && !Array.isArray(v) ? v : {}).filter(
          (e): e is [string, string] => filled(e[1]),
        );
        if (entries.length > 0) out[p.name] = Object.fromEntries(entries.map(([k, x]) => [k, fenOf(x)]));
        break;
      }
    }
  }
  return out;
}

export function toDraft(parameters: readonly ParameterView[], form: DraftFormValues): VersionDraftBody {
  return {
    effectiveFrom: form.effectiveFrom ?? '',
    values: draftValues(parameters, form.values),
    legalBasis: { document: form.legalBasis?.document?.trim() ?? '', clause: form.legalBasis?.clause?.trim() ?? '' },
  };
}

/** The keys an amount-by-key parameter takes, from the value in force ({2: …, 3: …} → ['2', '3']). */
export function amountKeys(p: ParameterView): string[] {
  const v = p.current?.value;
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
}

/**
 * The form field a server problem belongs to ('values.yearlyAmount' → ['values', 'yearlyAmount']),
 * or null when the form has no such field (the jurisdiction, "set at least one parameter").
 */
export function fieldOfProblem(problem: FieldProblem, parameters: readonly ParameterView[]): string[] | null {
  const [head, name] = problem.field.split('.');
  if (problem.field === 'effectiveFrom') return ['effectiveFrom'];
  if (head === 'legalBasis' && (name === 'document' || name === 'clause')) return ['legalBasis', name];
  if (head !== 'values' || !name) return null;
  const p = parameters.find((x) => x.name === name);
  if (!p) return null;
  if (p.unit !== 'fenByKey') return ['values', name];
  const first = amountKeys(p)[0];
  return first === undefined ? null : ['values', name, first];
}

export function isFieldProblems(details: unknown): details is FieldProblem[] {
  return (
    Array.isArray(details) &&
    details.every(
      (d) =>
        d &&
        typeof d === 'object' &&
        typeof (d as FieldProblem).field === 'string' &&
        typeof (d as Partial<FieldProblem>).message?.zh === 'string',
    )
  );
}
