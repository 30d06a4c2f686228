import { Type, type Static } from 'typebox';
import { Id as IdOf, Int, Nullable, PageNumber, Paged, Text, type Page } from './common.js';
import { PaymentStatus } from './benefits.js';

// A payment batch's review (issue 12): its roster, the public notice's roster, objections, approval, cancellation.

const Id = IdOf();
const Reason = Text({ minLength: 1, maxLength: 500 });

export const RosterQuery = Type.Object({
  page: PageNumber,
  pageSize: Int(1, 200, { default: 20 }),
  /** Part of the payee's name. */
  name: Type.Optional(Text({ maxLength: 50 })),
  /** A region code or its prefix (a township, a village) of the payee's hukou. */
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
  status: Type.Optional(PaymentStatus),
});
export type RosterQuery = Static<typeof RosterQuery>;
/** The roster's filters without paging: what an export lists. */
export const RosterFilter = Type.Omit(RosterQuery, ['page', 'pageSize']);
export type RosterFilter = Static<typeof RosterFilter>;

/** A batch and one of its payees. */
export const RosterRowParam = Type.Object({ id: Id, personId: Id });
export type RosterRowParam = Static<typeof RosterRowParam>;

/** Whom a payment pays (issue 14): a person, or a childcare institution (migration 0039). */
export const BeneficiaryKind = Type.Union([Type.Literal('person'), Type.Literal('institution')]);
export type BeneficiaryKind = Static<typeof BeneficiaryKind>;

/** One payee of a batch, as staff see them: the ID number masked. */
export const RosterRow = Type.Object({
  paymentId: Type.Integer(),
  beneficiaryKind: BeneficiaryKind,
  /** The person paid; null when the payee is an institution. */
  personId: Nullable(Type.Integer()),
  /** The childcare institution paid; null when the payee is a person. */
  institutionId: Nullable(Type.Integer()),
  /** Null when the payee's record is gone altogether. */
  name: Nullable(Type.String()),
  /** A person's ID number, masked; null for an institution. */
  idMasked: Nullable(Type.String()),
  /** An institution's 统一社会信用代码 (public, not personal data); null for a person. */
  uscc: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  amountFen: Type.Integer(),
  status: PaymentStatus,
  /** The latest objection to the row during the notice, if any. */
  objection: Nullable(Type.Object({ reason: Type.String(), upheld: Type.Boolean() })),
});
export type RosterRow = Static<typeof RosterRow>;
export const RosterPage = Paged(RosterRow);
export type RosterPage = Page<RosterRow>;

/** The public notice's roster (公示名单): names masked as families expect (张*华), amount, village. */
export const NoticeRosterQuery = Type.Object({ region: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) });
export type NoticeRosterQuery = Static<typeof NoticeRosterQuery>;
export const NoticeRosterRow = Type.Object({
  name: Type.String(),
  regionName: Type.String(),
  amountFen: Type.Integer(),
});
export const NoticeRoster = Type.Object({
  items: Type.Array(NoticeRosterRow),
  total: Type.Integer(),
  /** More rows than a page can print: the XLSX has them all. */
  truncated: Type.Boolean(),
});
export type NoticeRoster = Static<typeof NoticeRoster>;

export const ObjectionBody = Type.Object({
  paymentId: Id,
  reason: Reason,
  /** Upheld: the row leaves the batch with this reason. Not upheld: recorded, the row stays. */
  upheld: Type.Boolean(),
});
export type ObjectionBody = Static<typeof ObjectionBody>;

export const CancelBatchBody = Type.Object({ reason: Reason });
export type CancelBatchBody = Static<typeof CancelBatchBody>;

// A spreadsheet streamed from disk, described to OpenAPI as binary.
export const SpreadsheetFile = Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'An XLSX file' });
