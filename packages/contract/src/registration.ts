import { Type, type Static } from 'typebox';
import { Nullable, Message, Sex, DeadlineState, FileField, Id, Int, PageNumber, Text } from './common.js';

// Strings are long enough here for the domain to give its own message (a 51-character name,
// a 15-digit ID number, 2026-02-30): the schema only keeps out what is not even text.
export const ChildStatus = Type.Union([Type.Literal('pregnant'), Type.Literal('born')]);
export type ChildStatus = Static<typeof ChildStatus>;
export const RegistrationStatus = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('infoRequested'),
  Type.Literal('completed'),
]);
export type RegistrationStatus = Static<typeof RegistrationStatus>;

// No additionalProperties: false on the branches: Fastify's Ajv removes additional properties
// while it tries a branch, which would strip a declared parent down to nothing.
export const DeclaredParent = Type.Object(
  {
    name: Text({ maxLength: 200 }),
    idNumber: Text({ maxLength: 40 }),
    phone: Type.Optional(Nullable(Text({ maxLength: 40 }))),
  },
  { description: 'A parent the family declares: the server checks it against the registry' },
);
export const RegistryParent = Type.Object({
  personId: Id({
    description:
      'From the prefill: the bound resident or their registry spouse; name and ID number are read from the registry',
  }),
});
export const ParentInput = Type.Union([DeclaredParent, RegistryParent]);
export type ParentInput = Static<typeof ParentInput>;

export const ChildbirthRegistrationBody = Type.Object(
  {
    mother: ParentInput,
    father: Nullable(ParentInput),
    married: Type.Boolean(),
    residenceRegionCode: Text({
      maxLength: 20,
      description: '9-digit township or 12-digit village code where the family lives',
    }),
    childStatus: ChildStatus,
    expectedBirthDate: Type.Optional(Nullable(Text({ maxLength: 30, description: 'YYYY-MM-DD, when pregnant' }))),
    child: Type.Optional(
      Nullable(Type.Object({ name: Text({ maxLength: 200 }), sex: Sex, birthDate: Text({ maxLength: 30 }) })),
    ),
    commitment: Type.Object({ accepted: Type.Boolean(), statement: Text({ maxLength: 10_000 }) }),
  },
  { additionalProperties: false },
);
export type ChildbirthRegistrationBody = Static<typeof ChildbirthRegistrationBody>;

export const PrefillPerson = Type.Object({
  personId: Type.Integer(),
  name: Type.String(),
  idMasked: Type.String(),
  sex: Sex,
  age: Type.Integer(),
  hukouRegion: Type.String(),
  residenceRegion: Type.String(),
});

/** A child the registry links to a person: age only, as lists show it. */
export const RegistryChildRef = Type.Object({ name: Type.String(), sex: Sex, age: Type.Integer() });
export type RegistryChildRef = Static<typeof RegistryChildRef>;

export const ChildbirthPrefill = Type.Object({
  bound: Type.Boolean({
    description: 'false: the account is not linked to a registry person; everything else is null or empty',
  }),
  mother: Nullable(PrefillPerson),
  father: Nullable(PrefillPerson),
  /** The registry links a spouse: a suggestion for `married`, which the family states. */
  registrySpouse: Type.Boolean(),
  children: Type.Array(RegistryChildRef),
  /** 孩次 of a new child as the registry computes it (a pregnancy: every existing child counts). */
  parity: Nullable(Type.Integer()),
  residenceRegionCode: Nullable(Type.String()),
  residenceRegion: Nullable(Type.String()),
});
export type ChildbirthPrefill = Static<typeof ChildbirthPrefill>;

export const AttachmentInfo = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AttachmentInfo = Static<typeof AttachmentInfo>;

/** The form that attaches a file to a family's application (multipart/form-data, fields before the file). */
export const AttachmentForm = Type.Object({
  ownerKind: Type.Union([Type.Literal('childbirthRegistration'), Type.Literal('newbornBundle')]),
  ownerId: Id(),
  file: FileField,
});

/** A declared parent as shown back: the ID number masked. */
export const DeclaredParentView = Type.Object({ name: Type.String(), idMasked: Type.String() });
export type DeclaredParentView = Static<typeof DeclaredParentView>;

// A registration's own fields, as its family and staff both see them; the parity differs (below).
const summaryFields = {
  id: Type.Integer(),
  registrationNo: Type.String(),
  status: RegistrationStatus,
  childStatus: ChildStatus,
  regionCode: Type.String(),
  region: Type.String(),
  motherName: Type.String(),
  motherIdMasked: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  deadline: Type.String({ format: 'date' }),
  deadlineState: Nullable(DeadlineState),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  /** What the township asked for, while the registration waits for the family. */
  infoRequest: Nullable(Type.String()),
  receiptAvailable: Type.Boolean(),
};

/**
 * 孩次 as the family sees it. The registry's count of a declared person's children is theirs,
 * not the family's: anyone can type an ID number (review of issue 4).
 */
const FamilyParity = Type.Union([Type.Integer(), Type.Null()], {
  description:
    '孩次 computed from the registry, shown only when the parents are the bound resident and the spouse the registry links to them (the people the prefill shows), or once the township completed the registration (the receipt prints it). Otherwise null: 由乡镇工作人员依人口库核定 (confirmed by the township from the registry).',
});
/** What the worker sees: always the computed parity, with the conflicts to settle. */
const StaffParity = Type.Integer({
  description: '孩次 computed from the registry at submission (parityOfRegistration)',
});

export const RegistrationSummary = Type.Object({ ...summaryFields, parity: FamilyParity });
export type RegistrationSummary = Static<typeof RegistrationSummary>;

const detailFields = {
  married: Type.Boolean(),
  mother: DeclaredParentView,
  father: Nullable(DeclaredParentView),
  expectedBirthDate: Nullable(Type.String({ format: 'date' })),
  child: Nullable(Type.Object({ name: Type.String(), sex: Sex, birthDate: Type.String({ format: 'date' }) })),
  commitmentStatement: Type.String(),
  attachments: Type.Array(AttachmentInfo),
};

/** What the family sees of its own registration: its declarations (ID numbers masked), never the registry's conflicts. */
export const PortalRegistrationDetail = Type.Object({ ...summaryFields, parity: FamilyParity, ...detailFields });
export type PortalRegistrationDetail = Static<typeof PortalRegistrationDetail>;

export const MessageBody = Type.Object({ message: Text({ maxLength: 10_000 }) }, { additionalProperties: false });
export type MessageBody = Static<typeof MessageBody>;
export const RegistrationCompleteBody = Type.Object(
  { note: Type.Optional(Text({ maxLength: 10_000 })) },
  { additionalProperties: false },
);
export type RegistrationCompleteBody = Static<typeof RegistrationCompleteBody>;
/** Our limit on one bulk action: a township's day of registrations, and one transaction of bounded size. */
export const REGISTRATION_BULK_MAX = 100;
export const RegistrationBulkCompleteBody = Type.Object(
  {
    ids: Type.Array(Id(), {
      minItems: 1,
      maxItems: REGISTRATION_BULK_MAX,
    }),
  },
  { additionalProperties: false },
);
export type RegistrationBulkCompleteBody = Static<typeof RegistrationBulkCompleteBody>;

export const RegistrationQueueQuery = Type.Object({
  status: Type.Optional(RegistrationStatus),
  deadline: Type.Optional(
    Type.Union([Type.Literal('overdue'), Type.Literal('dueToday'), Type.Literal('onTime')], {
      description: 'Only registrations waiting for the township (status submitted)',
    }),
  ),
  conflicts: Type.Optional(Type.Boolean()),
  q: Type.Optional(
    Text({
      maxLength: 50,
      description: "Registration number (prefix), mother's or father's name (part), or a parent's full ID number",
    }),
  ),
  page: PageNumber,
  // Our limit: a screenful, and one bounded query.
  pageSize: Int(1, 100, { default: 20 }),
});
export type RegistrationQueueQuery = Static<typeof RegistrationQueueQuery>;
/** The queue's filters without paging: an export holds every registration they match. */
export const RegistrationExportQuery = Type.Omit(RegistrationQueueQuery, ['page', 'pageSize']);
export type RegistrationExportQuery = Static<typeof RegistrationExportQuery>;

export const RegistrationQueueItem = Type.Object({
  ...summaryFields,
  parity: StaffParity,
  conflictCount: Type.Integer(),
  channel: Type.String(),
});
export type RegistrationQueueItem = Static<typeof RegistrationQueueItem>;

export const RegistrationQueue = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(RegistrationQueueItem),
  /** Over the whole jurisdiction, whatever the filters. */
  counts: Type.Object({
    submitted: Type.Integer(),
    infoRequested: Type.Integer(),
    completed: Type.Integer(),
    overdue: Type.Integer(),
    dueToday: Type.Integer(),
  }),
});
export type RegistrationQueue = Static<typeof RegistrationQueue>;

export const RegistryConflictView = Type.Object({
  code: Type.String(),
  subject: Type.String(),
  message: Message,
  seen: Type.Object({ registry: Nullable(Type.String()), declared: Nullable(Type.String()) }),
});

/**
 * What the registry holds for one declared ID number. Its details (person, name, age, regions,
 * children) only when the worker's jurisdiction holds the record; otherwise only whether it
 * agrees with the declaration (issue 11, need to know).
 */
export const RegistryMatch = Type.Object({
  known: Type.Boolean(),
  inJurisdiction: Type.Boolean({
    description: "Whether the worker's jurisdiction holds the record; false when unknown",
  }),
  matchesDeclared: Nullable(
    Type.Boolean({ description: 'Same name, and the sex and birth date of the ID number; null when unknown' }),
  ),
  /** The record's children outside the worker's jurisdiction: counted in the parity, not shown. */
  childrenOutside: Type.Integer(),
  personId: Nullable(Type.Integer()),
  name: Nullable(Type.String()),
  sex: Nullable(Sex),
  age: Nullable(Type.Integer()),
  idMasked: Nullable(Type.String()),
  hukouRegion: Nullable(Type.String()),
  residenceRegion: Nullable(Type.String()),
  children: Type.Array(RegistryChildRef),
});

export const RegistrationHistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  action: Type.String(),
  actor: Nullable(Type.String()),
  message: Nullable(Type.String()),
});

export const StaffRegistrationDetail = Type.Object({
  ...summaryFields,
  parity: StaffParity,
  ...detailFields,
  channel: Type.String(),
  phonesMasked: Type.Object({ mother: Nullable(Type.String()), father: Nullable(Type.String()) }),
  conflicts: Type.Array(RegistryConflictView),
  /** What the registry holds now for each declared ID number (looked up past the jurisdiction, shown only within it). */
  registryMatches: Type.Object({ mother: RegistryMatch, father: Nullable(RegistryMatch) }),
  workerNote: Nullable(Type.String()),
  completedByName: Nullable(Type.String()),
  history: Type.Array(RegistrationHistoryEntry),
});
export type StaffRegistrationDetail = Static<typeof StaffRegistrationDetail>;

export const RegistrationBulkCompleteResult = Type.Object({
  completed: Type.Array(Type.Integer()),
  skipped: Type.Array(
    Type.Object({
      id: Type.Integer(),
      reason: Type.Union([
        Type.Literal('notFound'),
        Type.Literal('completed'),
        Type.Literal('waitingForFamily'),
        Type.Literal('hasConflicts'),
      ]),
      message: Message,
    }),
  ),
});
export type RegistrationBulkCompleteResult = Static<typeof RegistrationBulkCompleteResult>;

/** A receipt's token, the rest of the path (it may hold slashes). */
export const VerifyParams = Type.Object({
  // Our cap, far above a token (about 200 characters): any other text answers valid: false.
  '*': Text({ maxLength: 8192, description: 'The token from the receipt’s QR code' }),
});
export type VerifyParams = Static<typeof VerifyParams>;

export const ReceiptVerification = Type.Object({
  valid: Type.Boolean({ description: 'The token was signed by this deployment and names a record it holds' }),
  kind: Type.Optional(Type.String()),
  number: Type.Optional(Type.String()),
  issuedAt: Type.Optional(Type.String({ format: 'date-time' })),
  issuer: Type.Optional(Type.String()),
  summary: Type.Optional(
    Type.Object({
      motherName: Type.String({ description: 'Surname only, the given name masked' }),
      region: Type.String({ description: 'The township that handled it' }),
      parity: Type.Optional(Type.Integer()),
      childStatus: Type.Optional(ChildStatus),
    }),
  ),
  /** The record as stored now still has the content the receipt was issued with (false: corrected since). */
  contentMatches: Type.Optional(Type.Boolean()),
});
export type ReceiptVerification = Static<typeof ReceiptVerification>;

export type DeclaredParent = Static<typeof DeclaredParent>;
export type RegistryParent = Static<typeof RegistryParent>;
export type RegistryConflictView = Static<typeof RegistryConflictView>;
export type RegistrationHistoryEntry = Static<typeof RegistrationHistoryEntry>;
export type PrefillPerson = Static<typeof PrefillPerson>;
export type RegistryMatch = Static<typeof RegistryMatch>;
