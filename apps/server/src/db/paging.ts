/**
 * LIMIT and OFFSET as parameters after `params`, not written into the text: one prepared
 * statement then serves every page (db/client.ts prepares each distinct text per connection,
 * up to a bound that paging through a long list would otherwise fill).
 */
export function pageOf(params: readonly unknown[], page: number, pageSize: number): { sql: string; params: unknown[] } {
  const n = params.length;
  return { sql: `LIMIT $${n + 1} OFFSET $${n + 2}`, params: [...params, pageSize, (page - 1) * pageSize] };
}
