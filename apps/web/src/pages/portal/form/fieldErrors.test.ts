import { describe, expect, it } from 'vitest';
import type { FamilyFieldError } from '../../../lib/portalDomain';
import { isFieldErrorList, placeErrors } from './fieldErrors';

const err = (field: string, zh: string): FamilyFieldError => ({
  field,
  code: 'name.required',
  message: { zh, en: `${zh} (en)` },
});
const FIELDS = [['mother', 'name'], ['child', 'birthDate'], ['commitmentAccepted']] as const;
const locate = (f: string) =>
  f === 'commitment.accepted' ? ['commitmentAccepted'] : (FIELDS.find((p) => p.join('.') === f) ?? null);

describe('placeErrors', () => {
  it('puts each message on its field and clears the others', () => {
    const placed = placeErrors(
      [err('child.birthDate', '晚于今天'), err('commitment.accepted', '请确认')],
      FIELDS,
      locate,
      'zh-CN',
    );
    expect(placed.fields).toEqual([
      { name: ['mother', 'name'], errors: [] },
      { name: ['child', 'birthDate'], errors: ['晚于今天'] },
      { name: ['commitmentAccepted'], errors: ['请确认'] },
    ]);
    expect(placed.general).toEqual([]);
  });

  it('lists messages of fields the form does not have, in the chosen language', () => {
    const placed = placeErrors([err('commitment.statement', '承诺书')], FIELDS, locate, 'en');
    expect(placed.general).toEqual(['承诺书 (en)']);
  });

  it('holds back messages of fields not to be shown yet', () => {
    const placed = placeErrors([err('mother.name', '请填写')], FIELDS, locate, 'zh-CN', (name) => name[0] !== 'mother');
    expect(placed.fields[0]).toEqual({ name: ['mother', 'name'], errors: [] });
  });
});

describe('isFieldErrorList', () => {
  it('recognises the domain field errors a 400 carries', () => {
    expect(isFieldErrorList([err('mother.name', 'x')])).toBe(true);
    expect(isFieldErrorList({ field: 'x' })).toBe(false);
    expect(isFieldErrorList([{ field: 1 }])).toBe(false);
  });
});
