import { getTableColumns, getTableName, type InferSelectModel, type Table } from 'drizzle-orm';

/**
 * A row as `schema.ts` declares it, for the columns a query names: the table's own types, so a
 * column's type changes in one place and no repository keeps a second copy of the table's shape.
 */
export type RowOf<T extends Table, K extends keyof InferSelectModel<T>> = Pick<InferSelectModel<T>, K>;

/**
 * The select list for `RowOf<T, K>`: each column under its schema name (`display_name AS
 * "displayName"`), so a query's rows are the schema's rows without a copy field by field.
 * `prefix` qualifies the columns (`u.`) in a join.
 */
export function columnsOf<T extends Table>(
  table: T,
  keys: readonly (keyof InferSelectModel<T> & string)[],
  prefix = '',
): string {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return keys
    .map((k) => {
      const column = columns[k];
      if (!column) throw new Error(`no column ${k} in ${getTableName(table)}`);
      return `${prefix}${column.name} AS "${k}"`;
    })
    .join(', ');
}
