// Shared steps of the childcare browser tests: typing a date into an Ant Design picker, calling the
// API through the signed-in session, and the demo centre's filing content.
import { computeUsccCheckCharacter } from '@cradle/domain';
import type { Locator, Page } from 'playwright-core';

export async function typeDate(page: Page, picker: Locator, date: string): Promise<void> {
  await picker.click();
  await picker.fill(date);
  await picker.press('Enter');
  await page.keyboard.press('Escape');
}

/** A call through the signed-in session, with its CSRF token. */
export async function call<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: {
          'x-csrf-token': me.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await res.json()) as T;
    },
    { method, url, body },
  );
}

/**
 * The filing of 保和镇阳光托育中心: 30 slots (20 affordable), two classes within their limits and six
 * carers, under the credit code whose first 17 characters are `uscc17`.
 */
export function demoCentre(uscc17: string) {
  const staff = ['和春梅', '李秀英', '王丽华', '余晓红', '杨金花', '和建英'].map((name, i) => ({
    name,
    post: 'carer',
    qualification: '保育师',
    healthCertificateNo: `JK${i}`,
    healthCertificateIssuedOn: '2026-03-01',
    healthCertificateValidUntil: '2099-12-31',
  }));
  return {
    content: {
      name: '保和镇阳光托育中心',
      uscc: uscc17 + computeUsccCheckCharacter(uscc17),
      registrationAuthority: 'marketRegulation',
      type: 'community',
      operatorForm: 'private',
      regionCode: '533423101',
      address: '保和镇新华街8号',
      premisesArea: 300,
      establishedOn: '2026-03-01',
      slots: 30,
      affordableSlots: 20,
      monthlyFeeFen: 120000,
      affordableFeeFen: 80000,
      classes: [
        { name: '托小班', ageGroup: 'youngToddler', capacity: 10, enrolled: 6, carers: 2 },
        { name: '托大班', ageGroup: 'oldToddler', capacity: 20, enrolled: 12, carers: 3 },
      ],
      staff,
    },
  };
}
