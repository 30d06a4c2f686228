import { Type, type Static } from 'typebox';
import { Int, Nullable } from './common.js';

const Count = Type.Integer({ minimum: 0 });

export const ImportStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('done'),
  Type.Literal('failed'),
]);
export type ImportStatus = Static<typeof ImportStatus>;

export const ImportJob = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  status: ImportStatus,
  totalRows: Nullable(Count),
  processedRows: Count,
  validRows: Count,
  invalidRows: Count,
  inserted: Count,
  updated: Count,
  unchanged: Count,
  errorsOmitted: Type.Integer({
    minimum: 0,
    description:
      'Invalid rows whose errors were not stored: a job keeps those of its first 10,000 (invalidRows stays exact)',
  }),
  failure: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const ImportRowError = Type.Object({
  row: Type.Integer({ description: 'Spreadsheet row number; the header is row 1' }),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});

export const ImportJobDetail = Type.Intersect([
  ImportJob,
  Type.Object({
    errors: Type.Array(ImportRowError, { description: 'The first 1,000; the full list is in errors.csv' }),
  }),
]);
export const ImportJobList = Type.Object({ items: Type.Array(ImportJob) });
export const ImportJobParam = Type.Object({ id: Int(1, 2_147_483_647) });
export const ImportStarted = Type.Object({ id: Type.Integer() });

export type ImportJob = Static<typeof ImportJob>;
export type ImportRowError = Static<typeof ImportRowError>;
export type ImportJobDetail = Static<typeof ImportJobDetail>;
export type ImportJobList = Static<typeof ImportJobList>;
export type ImportJobParam = Static<typeof ImportJobParam>;
export type ImportStarted = Static<typeof ImportStarted>;
