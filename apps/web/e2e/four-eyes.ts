// Browser-test support for a payment batch's four eyes: publish its notice, let the notice's
// days pass on the server's clock, and approve it as the county administrator.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { E2EServer } from './harness.js';

const stage = (page: Page) => page.getByTestId('batch-stage').getAttribute('data-stage');

/** Clicks a button that asks for confirmation, and confirms. */
export async function confirmClick(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
}

/**
 * On `county`'s page (a county administrator who did not run the cycle): publishes the batch's
 * notice where its scheme has one, moves the server's clock to the day after the notice ends,
 * and approves the batch.
 */
export async function approveAsCounty(server: E2EServer, county: Page, batchId: number): Promise<void> {
  await county.goto(`${server.baseUrl}/payment-cycles?batch=${batchId}`);
  await county.getByTestId('batch-review').waitFor();
  if ((await stage(county)) === 'draft' && (await county.getByTestId('batch-publish-notice').count()) > 0) {
    await confirmClick(county, 'batch-publish-notice');
    await expect.poll(() => stage(county)).toBe('noticed');
  }
  const [row] = await server.database.query<{ until: string | null }>(
    'SELECT notice_until::text AS until FROM payment_batches WHERE id = $1',
    [batchId],
  );
  if (row?.until) {
    server.clock.set(`${row.until}T16:30:00Z`); // 00:30 China time, the day after the last
    await county.reload();
  }
  await confirmClick(county, 'batch-approve');
  await expect.poll(() => stage(county)).toBe('approved');
}
