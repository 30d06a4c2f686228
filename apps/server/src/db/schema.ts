import type { CalendarDay, Role } from '@cradle/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// One schema in code; drizzle-kit generates the forward-only SQL migrations in ../migrations.
// Every large table carries a region code column so it can later be partitioned or
// distributed (Citus) by region without a rewrite (issue 2, Stack).

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(), // 1 province … 5 village
    parentCode: text('parent_code'),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

export const regionReferencePopulation = pgTable(
  'region_reference_population',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    residentPopulation: integer('resident_population').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

export const households = pgTable(
  'households',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdNo: text('household_no').notNull(),
    regionCode: text('region_code').notNull(),
    address: text('address'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_no_uq').on(t.householdNo),
    index('households_region_idx').on(sql`${t.regionCode} text_pattern_ops`),
  ],
);

export const persons = pgTable(
  'persons',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    sex: text('sex').notNull(), // 'male' | 'female'
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    deathDate: date('death_date', { mode: 'string' }),
    ethnicity: text('ethnicity'),
    idKind: text('id_kind').notNull(),
    // AES-256-GCM ciphertext (iv‖tag‖data) of the ID number; never stored in clear.
    idCipher: bytea('id_cipher').notNull(),
    // Keyed HMAC blind index for exact look-up and upsert.
    idBlindIndex: bytea('id_blind_index').notNull(),
    // Region part and last four only (what every list shows).
    idMasked: text('id_masked').notNull(),
    phoneCipher: bytea('phone_cipher'),
    hukouRegionCode: text('hukou_region_code').notNull(),
    residenceRegionCode: text('residence_region_code').notNull(),
    householdId: bigint('household_id', { mode: 'number' }),
    relationToHead: text('relation_to_head'),
    // Birth order among the mother's children, derived from the registry's parent–child
    // links by cradle_recompute_parity(), never typed in (issue 3, Eligibility).
    parity: smallint('parity'),
    source: text('source').notNull(),
    // Main data items that fail a check (docs/data-quality.md), kept by cradle_refresh_quality()
    // after every load so the accuracy figure is a count, not a scan of the relationships.
    qualityIssues: text('quality_issues')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // When the registry learnt of the person's birth (timeliness, seed 003 三(二)).
    reportedAt: tstz('reported_at').notNull().defaultNow(),
    rowHash: text('row_hash').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_id_blind_uq').on(t.idBlindIndex),
    index('persons_residence_idx').on(sql`${t.residenceRegionCode} text_pattern_ops`),
    index('persons_hukou_idx').on(sql`${t.hukouRegionCode} text_pattern_ops`),
    index('persons_household_idx').on(t.householdId),
    index('persons_name_idx').on(t.name),
    index('persons_birth_idx').on(t.birthDate),
  ],
);

export const relationships = pgTable(
  'relationships',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // 'spouse' links two adults; 'mother' / 'father' link a parent (from) to a child (to).
    kind: text('kind').notNull(),
    fromPersonId: bigint('from_person_id', { mode: 'number' }).notNull(),
    toPersonId: bigint('to_person_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('relationships_uq').on(t.kind, t.fromPersonId, t.toPersonId),
    index('relationships_to_idx').on(t.toPersonId),
    // A child's mother in one probe (the monitoring counts look her up for every birth they count).
    index('relationships_child_kind_idx').on(t.toPersonId, t.kind, t.fromPersonId),
    index('relationships_region_idx').on(sql`${t.regionCode} text_pattern_ops`),
  ],
);

export const users = pgTable('users', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull().$type<Role[]>(),
  jurisdictionCode: text('jurisdiction_code').notNull(),
  department: text('department'),
  totpSecretCipher: bytea('totp_secret_cipher'),
  // The last TOTP time step accepted: a code is good once (RFC 6238 §5.2).
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: tstz('locked_until'),
  active: boolean('active').notNull().default(true),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/**
 * Failed sign-ins per subject and client address (auth/throttle.ts): the growing delays. The
 * subject is a typed username (`user:…`, known or not, so a delay reveals nothing) or a phone's
 * blind index (`phone:…`, with client_ip '' for every address). Rows a day old count for nothing.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    subject: text('subject').notNull(),
    clientIp: text('client_ip').notNull(),
    failures: integer('failures').notNull(),
    lastFailedAt: tstz('last_failed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.clientIp] }), index('sign_in_failures_last_idx').on(t.lastFailedAt)],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie token: a leaked table does not yield live sessions.
    tokenHash: text('token_hash').primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    clientIp: text('client_ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull(),
    userId: bigint('user_id', { mode: 'number' }),
    username: text('username'),
    jurisdictionCode: text('jurisdiction_code'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome').notNull(),
    clientIp: text('client_ip'),
    details: jsonb('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_jurisdiction_idx').on(sql`${t.jurisdictionCode} text_pattern_ops`),
    // A record's history (a registration's, a task's) is read from its audit entries.
    index('audit_target_idx').on(t.targetType, t.targetId),
  ],
);

export const importJobs = pgTable('import_jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: bigint('user_id', { mode: 'number' }),
  jurisdictionCode: text('jurisdiction_code').notNull(),
  fileName: text('file_name').notNull(),
  format: text('format').notNull(),
  // What the file holds: 'persons' (the registry import) or 'lifeEvents' (issue 13, events/).
  fileKind: text('file_kind').notNull().default('persons'),
  status: text('status').notNull(),
  totalRows: integer('total_rows'),
  processedRows: integer('processed_rows').notNull().default(0),
  validRows: integer('valid_rows').notNull().default(0),
  invalidRows: integer('invalid_rows').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  failure: jsonb('failure'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  startedAt: tstz('started_at'),
  finishedAt: tstz('finished_at'),
});

export const importErrors = pgTable(
  'import_errors',
  {
    jobId: bigint('job_id', { mode: 'number' }).notNull(),
    rowNo: integer('row_no').notNull(),
    field: text('field').notNull(),
    code: text('code').notNull(),
    messageZh: text('message_zh').notNull(),
    messageEn: text('message_en').notNull(),
  },
  (t) => [index('import_errors_job_idx').on(t.jobId, t.rowNo)],
);

// ── Benefits (issue 3) ──────────────────────────────────────────────────────────────────
// Scheme definitions live in code (@cradle/domain BUILT_IN_SCHEMES); what a jurisdiction
// sets or changes is a version here. A published version never changes (trigger, migration 0004).

export const schemeVersions = pgTable(
  'scheme_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schemeCode: text('scheme_code').notNull(),
    // The jurisdiction whose beneficiaries (by hukou) the values apply to: province, city or county.
    jurisdictionCode: text('jurisdiction_code').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    // Parameter name → value (fen as integers, dates as ISO strings), validated against the definition.
    values: jsonb('values').notNull(),
    // { document, clause }: the local decision that sets the values.
    legalBasis: jsonb('legal_basis').notNull(),
    status: text('status').notNull(), // 'draft' | 'inReview' | 'published'
    createdBy: bigint('created_by', { mode: 'number' }),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }),
    publishedAt: tstz('published_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scheme_versions_uq').on(t.schemeCode, t.jurisdictionCode, t.version),
    index('scheme_versions_jurisdiction_idx').on(sql`${t.jurisdictionCode} text_pattern_ops`),
  ],
);

export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schemeCode: text('scheme_code').notNull(),
    periodKey: text('period_key').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    status: text('status').notNull(), // 'running' | 'complete'
    // Chunks (ranges of person ids) done so far, in id order: progress, and where a killed
    // cycle resumes (after resume_after_id).
    chunksDone: integer('chunks_done').notNull().default(0),
    chunksTotal: integer('chunks_total').notNull().default(0),
    resumeAfterId: bigint('resume_after_id', { mode: 'number' }),
    paymentCount: integer('payment_count').notNull().default(0),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull().default(0),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
    completedAt: tstz('completed_at'),
    // 1 for a period's cycle; 2, 3, … for supplementary runs that pay who became eligible since
    // (a child registered after the birth grant's cycle, an application approved later).
    round: integer('round').notNull().default(1),
    // Four eyes (issue 12): draft → noticed (公示) → approved → exported, or cancelled. Its own
    // column beside `status`, which is the cycle's computing (running → complete).
    stage: text('stage').notNull().default('draft'), // 'draft' | 'noticed' | 'approved' | 'exported' | 'cancelled'
    // The public notice's first and last day (China dates); approval from the day after the last.
    noticeFrom: date('notice_from', { mode: 'string' }),
    noticeUntil: date('notice_until', { mode: 'string' }),
    noticedBy: bigint('noticed_by', { mode: 'number' }),
    noticedAt: tstz('noticed_at'),
    approvedBy: bigint('approved_by', { mode: 'number' }),
    approvedAt: tstz('approved_at'),
    cancelledBy: bigint('cancelled_by', { mode: 'number' }),
    cancelledAt: tstz('cancelled_at'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [uniqueIndex('payment_batches_round_uq').on(t.schemeCode, t.periodKey, t.jurisdictionCode, t.round)],
);

export const payments = pgTable(
  'payments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schemeCode: text('scheme_code').notNull(),
    periodKey: text('period_key').notNull(),
    beneficiaryId: bigint('beneficiary_id', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    batchId: bigint('batch_id', { mode: 'number' }).notNull(),
    // The beneficiary's hukou region when the payment was made: where it is paid and seen.
    regionCode: text('region_code').notNull(),
    // 'pending' | 'exported' | 'paid' | 'failed' | 'returned', or 'removed' (an upheld objection
    // during the public notice) | 'cancelled' (its batch was cancelled before export).
    status: text('status').notNull().default('pending'),
    // A failed payment is carried into the next cycle's batch (batch_id moves, attempts grows).
    attempts: integer('attempts').notNull().default(1),
    bankReference: text('bank_reference'),
    failureReason: text('failure_reason'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // No double payment, ever: one payment per beneficiary, scheme and period in the whole
    // deployment, whichever county paid it (issue 3, Payment cycles).
    // A payment of a cancelled batch no longer counts: its person is payable again in a later cycle.
    uniqueIndex('payments_once_uq')
      .on(t.schemeCode, t.beneficiaryId, t.periodKey)
      .where(sql`status <> 'cancelled'`),
    index('payments_batch_idx').on(t.batchId),
    index('payments_region_idx').on(sql`${t.regionCode} text_pattern_ops`),
  ],
);

// An application for a scheme that is not proactive: by the family or a village worker, reviewed
// level by level as the scheme says, with an optional public notice and one appeal.
export const applications = pgTable(
  'applications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schemeCode: text('scheme_code').notNull(),
    beneficiaryId: bigint('beneficiary_id', { mode: 'number' }).notNull(),
    // The beneficiary's hukou region when applying: where it is reviewed and seen.
    regionCode: text('region_code').notNull(),
    // What the applicant declares by commitment (承诺制) and the reviewers confirm, e.g.
    // {"accidentInsurancePurchased": true} or {"specialFamilyStatus": "bereaved"}.
    facts: jsonb('facts')
      .notNull()
      .default(sql`'{}'::jsonb`),
    applicantName: text('applicant_name'),
    channel: text('channel').notNull(), // 'family' | 'villageWorker'
    submittedBy: bigint('submitted_by', { mode: 'number' }),
    status: text('status').notNull(), // 'inReview' | 'publicNotice' | 'approved' | 'rejected'
    // The level now reviewing (inReview) or that decided last.
    level: text('level').notNull(), // 'village' | 'township' | 'county'
    noticeUntil: date('notice_until', { mode: 'string' }),
    rejectionReason: text('rejection_reason'),
    appealed: boolean('appealed').notNull().default(false),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One applicant per child and scheme: another application only once this one is rejected.
    uniqueIndex('applications_open_uq')
      .on(t.schemeCode, t.beneficiaryId)
      .where(sql`status <> 'rejected'`),
    index('applications_region_idx').on(sql`${t.regionCode} text_pattern_ops`),
    index('applications_status_idx').on(t.schemeCode, t.status),
  ],
);

// A county's expected take-up rate (预计申领率) of a scheme paid on application: the share of the
// amount the registry says is owed that the budget expects to be claimed (issue 12). One row per
// scheme and county, set by its county administrator; every change is audited with the old value.
// Without a row the budget assumes 100%: the seeds give no take-up figure (benefits/README.md).
export const schemeTakeUpRates = pgTable(
  'scheme_take_up_rates',
  {
    schemeCode: text('scheme_code').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    // Exact: basis points, 10000 = 100%.
    rateBasisPoints: integer('rate_basis_points').notNull(),
    // Where the figure comes from (last year's claims, a survey), as the administrator states it.
    basis: text('basis').notNull(),
    setBy: bigint('set_by', { mode: 'number' }),
    setByName: text('set_by_name').notNull(),
    setAt: tstz('set_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schemeCode, t.jurisdictionCode] })],
);

export const applicationDecisions = pgTable(
  'application_decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: bigint('application_id', { mode: 'number' }).notNull(),
    level: text('level').notNull(),
    action: text('action').notNull(), // 'submit' | 'approve' | 'reject' | 'noticeStart' | 'appeal'
    reason: text('reason'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    // Who decided, as they were named then: the history reads without access to the users table.
    decidedByName: text('decided_by_name'),
    regionCode: text('region_code').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('application_decisions_app_idx').on(t.applicationId)],
);

// An objection (异议) to one row of a batch under public notice, with its reason and outcome:
// upheld, the row is removed from the batch (payments.status 'removed'); not upheld, it stays.
export const paymentObjections = pgTable(
  'payment_objections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: bigint('batch_id', { mode: 'number' }).notNull(),
    paymentId: bigint('payment_id', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    upheld: boolean('upheld').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    // The batch's jurisdiction: where the objection is seen.
    jurisdictionCode: text('jurisdiction_code').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('payment_objections_batch_idx').on(t.batchId, t.paymentId)],
);

export const paymentExports = pgTable('payment_exports', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  batchId: bigint('batch_id', { mode: 'number' }).notNull(),
  format: text('format').notNull().$type<'csv' | 'xlsx'>(),
  sha256: text('sha256').notNull(),
  rowCount: integer('row_count').notNull(),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
  exportedBy: bigint('exported_by', { mode: 'number' }),
  jurisdictionCode: text('jurisdiction_code').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const bankReturns = pgTable('bank_returns', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  batchId: bigint('batch_id', { mode: 'number' }).notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  rowCount: integer('row_count').notNull(),
  paid: integer('paid').notNull(),
  failed: integer('failed').notNull(),
  returned: integer('returned').notNull(),
  importedBy: bigint('imported_by', { mode: 'number' }),
  jurisdictionCode: text('jurisdiction_code').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------
// Family services (issue 4): residents, childbirth registration, the newborn bundle.

// A resident (a family member) signed in through an identity provider. The phone is the
// identity of the built-in provider: encrypted, with a blind index to find the resident again.
export const residents = pgTable('residents', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  phoneBlindIndex: bytea('phone_blind_index').notNull().unique(),
  phoneCipher: bytea('phone_cipher').notNull(),
  // The registry person this resident is, once the identity is bound (portal/binding.ts).
  personId: bigint('person_id', { mode: 'number' }),
  createdAt: tstz('created_at').notNull().defaultNow(),
  lastSignInAt: tstz('last_sign_in_at'),
});

// One-time sign-in codes: only a keyed hash of the code is kept.
export const residentCodes = pgTable(
  'resident_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phoneBlindIndex: bytea('phone_blind_index').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: tstz('consumed_at'),
    clientIp: text('client_ip'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('resident_codes_phone_idx').on(t.phoneBlindIndex, t.createdAt)],
);

export const residentSessions = pgTable(
  'resident_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    clientIp: text('client_ip'),
  },
  (t) => [index('resident_sessions_resident_idx').on(t.residentId)],
);

// A childbirth registration (生育登记): no approval step; the township worker of the place the
// family lives completes it within the deadline, after looking at any registry conflicts.
export const childbirthRegistrations = pgTable(
  'childbirth_registrations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationNo: text('registration_no').notNull().unique(),
    // Where the family lives (village or township): who handles it and who sees it.
    regionCode: text('region_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }),
    channel: text('channel').notNull(), // 'portal' | 'counter'
    married: boolean('married').notNull(),
    childStatus: text('child_status').notNull(), // 'pregnant' | 'born'
    expectedBirthDate: date('expected_birth_date', { mode: 'string' }),
    childBirthDate: date('child_birth_date', { mode: 'string' }),
    childName: text('child_name'),
    childSex: text('child_sex'),
    motherName: text('mother_name').notNull(),
    motherIdCipher: bytea('mother_id_cipher').notNull(),
    motherIdBlindIndex: bytea('mother_id_blind_index').notNull(),
    motherIdMasked: text('mother_id_masked').notNull(),
    motherPersonId: bigint('mother_person_id', { mode: 'number' }),
    fatherName: text('father_name'),
    fatherIdCipher: bytea('father_id_cipher'),
    fatherIdBlindIndex: bytea('father_id_blind_index'),
    fatherIdMasked: text('father_id_masked'),
    fatherPersonId: bigint('father_person_id', { mode: 'number' }),
    // Phones as declared, encrypted together: {"mother": "...", "father": "..."}.
    phonesCipher: bytea('phones_cipher'),
    // Computed from the registry's parent–child links, never typed (issue 4).
    parity: smallint('parity').notNull(),
    conflicts: jsonb('conflicts')
      .notNull()
      .default(sql`'[]'::jsonb`),
    commitmentText: text('commitment_text').notNull(),
    status: text('status').notNull(), // 'submitted' | 'infoRequested' | 'completed'
    infoRequest: text('info_request'),
    workerNote: text('worker_note'),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    completedAt: tstz('completed_at'),
    completedBy: bigint('completed_by', { mode: 'number' }),
    completedByName: text('completed_by_name'),
    // SHA-256 of the receipt content as issued: a verifier checks the record still matches.
    receiptDigest: text('receipt_digest'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('childbirth_registrations_region_idx').on(sql`${t.regionCode} text_pattern_ops`, t.status),
    index('childbirth_registrations_resident_idx').on(t.residentId),
    index('childbirth_registrations_mother_idx').on(t.motherIdBlindIndex),
    index('childbirth_registrations_father_idx').on(t.fatherIdBlindIndex),
  ],
);

// A newborn bundle (出生一件事): one application, one task per wanted service.
export const newbornBundles = pgTable(
  'newborn_bundles',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bundleNo: text('bundle_no').notNull().unique(),
    // Where the newborn's hukou will be registered: every department task is handled there.
    regionCode: text('region_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }),
    registrationId: bigint('registration_id', { mode: 'number' }),
    newbornName: text('newborn_name').notNull(),
    newbornSex: text('newborn_sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    birthTime: text('birth_time').notNull(),
    birthPlace: text('birth_place').notNull(),
    hospitalName: text('hospital_name').notNull(),
    motherName: text('mother_name').notNull(),
    motherIdCipher: bytea('mother_id_cipher').notNull(),
    motherIdMasked: text('mother_id_masked').notNull(),
    motherPersonId: bigint('mother_person_id', { mode: 'number' }),
    fatherName: text('father_name'),
    fatherIdCipher: bytea('father_id_cipher'),
    fatherIdMasked: text('father_id_masked'),
    fatherPersonId: bigint('father_person_id', { mode: 'number' }),
    services: text('services').array().notNull(),
    existingBirthCertificateNo: text('existing_birth_certificate_no'),
    // Added by the custom migration 0012: the parents' phones and an ID number from outside the bundle, encrypted.
    phonesCipher: bytea('phones_cipher'),
    existingNewbornIdCipher: bytea('existing_newborn_id_cipher'),
    status: text('status').notNull(), // 'inProgress' | 'returned' | 'completed'
    newbornPersonId: bigint('newborn_person_id', { mode: 'number' }),
    newbornIdMasked: text('newborn_id_masked'),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
    completedAt: tstz('completed_at'),
    receiptDigest: text('receipt_digest'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('newborn_bundles_region_idx').on(sql`${t.regionCode} text_pattern_ops`),
    index('newborn_bundles_resident_idx').on(t.residentId),
  ],
);

export const bundleTasks = pgTable(
  'bundle_tasks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bundleId: bigint('bundle_id', { mode: 'number' }).notNull(),
    service: text('service').notNull(),
    department: text('department').notNull(),
    regionCode: text('region_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }),
    status: text('status').notNull(), // 'waiting' | 'pending' | 'returned' | 'done'
    deadline: date('deadline', { mode: 'string' }),
    pendingSince: tstz('pending_since'),
    // What the department recorded: certificate or record number, enrolment date, masked ID.
    result: jsonb('result'),
    returnReason: text('return_reason'),
    returnFields: text('return_fields').array(),
    late: boolean('late').notNull().default(false),
    completedAt: tstz('completed_at'),
    completedBy: bigint('completed_by', { mode: 'number' }),
    completedByName: text('completed_by_name'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bundle_tasks_service_uq').on(t.bundleId, t.service),
    index('bundle_tasks_queue_idx').on(t.department, sql`${t.regionCode} text_pattern_ops`, t.status),
  ],
);

// Files a family attaches (encrypted, in the database so they commit with the record).
export const attachments = pgTable(
  'attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ownerKind: text('owner_kind').notNull(), // 'childbirthRegistration' | 'newbornBundle'
    ownerId: bigint('owner_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    contentCipher: bytea('content_cipher').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerKind, t.ownerId)],
);

// The outbox: messages to families and operators, written in the transaction that changed the
// state they report; a dispatcher sends the SMS ones through the configured sender.
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // A resident, or an operator queue (department + region) such as a township's registrations.
    residentId: bigint('resident_id', { mode: 'number' }),
    // A staff user's own inbox (issue 16: a special family's contact hears of an overdue visit).
    userId: bigint('user_id', { mode: 'number' }),
    department: text('department'),
    role: text('role'),
    regionCode: text('region_code').notNull(),
    channel: text('channel').notNull(), // 'inApp' | 'sms'
    topic: text('topic').notNull(),
    subjectKind: text('subject_kind'),
    subjectId: bigint('subject_id', { mode: 'number' }),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    status: text('status').notNull().default('pending'), // 'pending' | 'sending' | 'sent' | 'failed'
    attempts: integer('attempts').notNull().default(0),
    // The dispatcher claims rows (status sending, claimed_at) in a short transaction and sends after
    // it commits; a failed send waits until next_attempt_at (back-off).
    claimedAt: tstz('claimed_at'),
    nextAttemptAt: tstz('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
    readAt: tstz('read_at'),
  },
  (t) => [
    index('notifications_resident_idx').on(t.residentId, t.createdAt),
    index('notifications_pending_idx').on(t.channel, t.status),
  ],
);

// Public holidays and make-up working days (调休) for deadlines; deployment-wide, editable.
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull().$type<CalendarDay['kind']>(),
  festivalZh: text('festival_zh').notNull(),
  festivalEn: text('festival_en').notNull(),
  source: text('source').notNull(),
});

// Registry events other modules react to, e.g. a newborn registered by public security
// reaching benefits so that proactive schemes can create pending entitlements.
export const registryEvents = pgTable(
  'registry_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(), // 'newbornRegistered'
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    payload: jsonb('payload')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: tstz('created_at').notNull().defaultNow(),
    handledAt: tstz('handled_at'),
  },
  (t) => [
    index('registry_events_unhandled_idx')
      .on(t.kind)
      .where(sql`handled_at IS NULL`),
  ],
);

// A proactive scheme's entitlement found when a newborn entered the registry (免申即享): shown to
// the family at once; the payment itself comes from the scheme's next cycle.
export const pendingEntitlements = pgTable(
  'pending_entitlements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schemeCode: text('scheme_code').notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    firstPeriodKey: text('first_period_key').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    trace: jsonb('trace').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pending_entitlements_uq').on(t.schemeCode, t.personId)],
);

// Background work (src/jobs): one row per job of a kind that has no table of its own to claim
// (imports, payment cycles). Claimed with FOR UPDATE SKIP LOCKED; claimed_at is the lease, renewed
// by the runner while the job runs, so a claim whose worker died is taken over after the kind's lease.
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    // At most one unfinished job per kind and key (an import job's id, a payment batch's id).
    key: text('key'),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'), // 'pending' | 'running' | 'done' | 'failed'
    attempts: integer('attempts').notNull().default(0),
    claimedAt: tstz('claimed_at'),
    nextAttemptAt: tstz('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.kind, t.status, t.id),
    uniqueIndex('jobs_unfinished_key_uq')
      .on(t.kind, t.key)
      .where(sql`status IN ('pending', 'running')`),
  ],
);

// Checkpoints of the audit chain (src/audit/anchors.ts): each vouches, with an HMAC under a key the
// database never holds, for the entry at `seq` having `hash`, and chains to the one before (`prev_mac`).
// The same lines go, append-only, to a file outside the database; verification compares the two.
export const auditAnchors = pgTable('audit_anchors', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  at: tstz('at').notNull(),
  prevMac: text('prev_mac').notNull().unique(),
  mac: text('mac').notNull().unique(),
});

// A life event the indicators need (issue 13, "Life events"): a death, a move in or out, a
// marriage, recorded by a hospital or public-security operator in a form, by an import, or by a
// department's own system through a service account. Applying one updates the registry (a death
// sets persons.death_date; a move changes the residence) and writes a registry event in the same
// transaction. Idempotent by the sender's reference: (sender, sender_reference) is unique.
export const lifeEvents = pgTable(
  'life_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull().$type<'death' | 'moveIn' | 'moveOut' | 'marriage'>(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    // The jurisdiction the event belongs to: the person's residence where it happened (for a move
    // in, the new residence; for a move out, the old one).
    regionCode: text('region_code').notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    // Death: where (hospital, home, on the way, other) and the cause category.
    deathPlace: text('death_place'),
    causeCategory: text('cause_category'),
    // Death during pregnancy or within 42 days of its end, not from an accidental cause (WHO
    // ICD-10 "maternal death"); null for other kinds.
    maternal: boolean('maternal'),
    // Move: the region moved from (move in) or to (move out); may lie outside Cradle's tree.
    otherRegionCode: text('other_region_code'),
    otherRegionName: text('other_region_name'),
    // Marriage: the spouse when the registry knows them.
    spousePersonId: bigint('spouse_person_id', { mode: 'number' }),
    // Who sent it: 'form' | 'import' | 'api'; the sender is a department code or a service account.
    channel: text('channel').notNull().$type<'form' | 'import' | 'api'>(),
    sender: text('sender').notNull(),
    senderReference: text('sender_reference').notNull(),
    importJobId: bigint('import_job_id', { mode: 'number' }),
    serviceAccountId: bigint('service_account_id', { mode: 'number' }),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('life_events_sender_ref_uq').on(t.sender, t.senderReference),
    index('life_events_person_idx').on(t.personId),
    index('life_events_region_idx').on(sql`${t.regionCode} text_pattern_ops`, t.kind, t.eventDate),
  ],
);

// A department's own system sending life events through the API (issue 13): a token the
// administrator creates, rotates and revokes, scoped to a jurisdiction and event kinds. Only the
// token's SHA-256 is kept; its first characters identify it in lists.
export const serviceAccounts = pgTable(
  'service_accounts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    department: text('department').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    eventKinds: text('event_kinds').array().notNull(),
    tokenHash: bytea('token_hash').notNull(),
    tokenPrefix: text('token_prefix').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    rotatedAt: tstz('rotated_at'),
    revokedAt: tstz('revoked_at'),
    lastUsedAt: tstz('last_used_at'),
  },
  (t) => [uniqueIndex('service_accounts_token_uq').on(t.tokenHash)],
);

// A figure a department reports for a region and period (issue 13, "Reported values"; glossary
// reportedValue), under the count key of its item (monitoring/count-kinds.ts), so an indicator
// reads it as it reads a registry count. A correction is a new version, never an overwrite: the
// highest version of (count_key, region_code, period_key) is the value in force.
export const reportedValues = pgTable(
  'reported_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countKey: text('count_key').notNull(),
    item: text('item').notNull(),
    department: text('department').notNull(),
    regionCode: text('region_code').notNull(),
    // '2025', '2025-Q1' or '2025-03'.
    periodKey: text('period_key').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    // Why a later version corrects the one before (required from version 2).
    reason: text('reason'),
    reportedBy: bigint('reported_by', { mode: 'number' }),
    reportedByName: text('reported_by_name').notNull(),
    reportedAt: tstz('reported_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reported_values_version_uq').on(t.countKey, t.regionCode, t.periodKey, t.version),
    index('reported_values_region_idx').on(sql`${t.regionCode} text_pattern_ops`, t.periodKey),
  ],
);

// A county's own plan (规划/实施方案) as data (issue 13, "Plans as data"): one row per version of
// one plan, its whole definition (document, period, targets) in one jsonb validated by the
// contract's PlanDefinition, as scheme_versions keep their values. A version is drafted,
// submitted, and published by a second administrator of the jurisdiction; published, it never
// changes (a revision is the next version of the same plan code; the latest published one is in force).
export const planVersions = pgTable(
  'plan_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planCode: text('plan_code').notNull(),
    // The county the plan governs (its drafter's county).
    jurisdictionCode: text('jurisdiction_code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    status: text('status').notNull().$type<'draft' | 'inReview' | 'published'>(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdByName: text('created_by_name').notNull(),
    submittedBy: bigint('submitted_by', { mode: 'number' }),
    publishedBy: bigint('published_by', { mode: 'number' }),
    publishedByName: text('published_by_name'),
    publishedAt: tstz('published_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_versions_uq').on(t.planCode, t.version),
    index('plan_versions_jurisdiction_idx').on(sql`${t.jurisdictionCode} text_pattern_ops`),
  ],
);

// A raised early warning (issue 13, "Scorecard and early warning"; glossary warning): raised once
// per (rule, indicator, region, period) by the evaluation job, with the figures that raised it;
// acknowledged with a note by a user of the jurisdiction, never deleted.
export const monitoringWarnings = pgTable(
  'monitoring_warnings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    rule: text('rule').notNull(),
    indicator: text('indicator').notNull(),
    regionCode: text('region_code').notNull(),
    // The period's label as the rule reads it: '2025', '2025Q1', '2025-03', '2023–2025'.
    period: text('period').notNull(),
    severity: text('severity').notNull().$type<'alert' | 'warning'>(),
    // { value, numerator, denominator }: what raised it.
    figures: jsonb('figures').notNull(),
    raisedAt: tstz('raised_at').notNull().defaultNow(),
    acknowledgedBy: bigint('acknowledged_by', { mode: 'number' }),
    acknowledgedByName: text('acknowledged_by_name'),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgementNote: text('acknowledgement_note'),
  },
  (t) => [
    uniqueIndex('monitoring_warnings_once_uq').on(t.rule, t.indicator, t.regionCode, t.period),
    index('monitoring_warnings_region_idx').on(sql`${t.regionCode} text_pattern_ops`, t.acknowledgedAt),
  ],
);
// Counts the indicators and the dashboard read (issue 13, "Speed"; monitoring/counts-README.md):
// kept current by statement-level triggers on persons, relationships and life_events (migration
// add-monitoring-counts), never written by the application. Each row is kept for the person's
// village and for every region above it (region_code of 2, 4, 6, 9 and 12 digits), so a county,
// a province or a township's villages are read from a few rows, not summed from villages. A row
// whose n fell to 0 stays; cradle_counts_rebuild() builds all of them from scratch.

// Live births by the child's residence (the person's residence region code) and month of birth.
export const birthCounts = pgTable(
  'birth_counts',
  {
    regionCode: text('region_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    // Birth order class: 1, 2, 3 (third or later); 0 where the registry knows no parity.
    parity: smallint('parity').notNull(),
    // The mother's five-year age group at the birth ('15-19' … '45-49'); '' unknown or outside.
    motherAge: text('mother_age').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.month, t.sex, t.parity, t.motherAge] })],
);

// Deaths (persons.death_date) by the person's residence and month of death.
export const deathCounts = pgTable(
  'death_counts',
  {
    regionCode: text('region_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    // Age at death: 0 under 28 days, 1 under 1 year, 3 under 3 years, 5 under 5 years, 99 older.
    ageBand: smallint('age_band').notNull(),
    // From the person's latest death life event; false where none says maternal.
    maternal: boolean('maternal').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.month, t.ageBand, t.maternal] })],
);

// Every person (living or not) by basis (residence or hukou region), sex, month of birth and
// month of death ('9999-12-01' while living): the stock at the end of any month follows.
export const populationCounts = pgTable(
  'population_counts',
  {
    regionCode: text('region_code').notNull(),
    basis: text('basis').notNull().$type<'resident' | 'registered'>(),
    sex: text('sex').notNull(),
    birthMonth: date('birth_month', { mode: 'string' }).notNull(),
    deathMonth: date('death_month', { mode: 'string' }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.basis, t.sex, t.birthMonth, t.deathMonth] })],
);

// Living persons by residence and exact birth date, with the two quality facts the dashboard
// shows (docs/data-quality.md): whether the birth was reported in time and whether the record
// has quality issues. Ages on a day and the last year's births follow to the day.
export const livingCounts = pgTable(
  'living_counts',
  {
    regionCode: text('region_code').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    reportedInTime: boolean('reported_in_time').notNull(),
    hasIssues: boolean('has_issues').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.sex, t.birthDate, t.reportedInTime, t.hasIssues] })],
);

// What the counts hold for each person (the ledger the triggers diff against): a change anywhere
// (a person, a mother link, a death event, or several in one statement) recounts the persons it
// touches from the registry as it now is and moves the counts by the difference from here. Personal
// facts: no policy lets cradle_app read it.
export const countedPersons = pgTable('counted_persons', {
  personId: bigint('person_id', { mode: 'number' }).primaryKey(),
  sex: text('sex').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  deathDate: date('death_date', { mode: 'string' }),
  residence: text('residence').notNull(),
  hukou: text('hukou').notNull(),
  parity: smallint('parity'),
  inTime: boolean('in_time').notNull(),
  hasIssues: boolean('has_issues').notNull(),
  motherBirth: date('mother_birth', { mode: 'string' }),
  maternal: boolean('maternal').notNull(),
});

// 计划生育特殊家庭 (issue 16; REQUIREMENTS A9, B7, C4): one file per family, proposed by its township
// and confirmed by the county (four eyes: the database refuses a decider who proposed it). Every
// table carries the family's region code, which row-level security limits to the jurisdiction
// (migration 0032); the couple and the child are the registry's persons, never copies.
export const specialFamilyFiles = pgTable(
  'special_family_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // The family's residence: the living mother's, else the father's (a village code).
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull().$type<'bereaved' | 'disabledChild'>(),
    childPersonId: bigint('child_person_id', { mode: 'number' }).notNull(),
    motherPersonId: bigint('mother_person_id', { mode: 'number' }),
    fatherPersonId: bigint('father_person_id', { mode: 'number' }),
    // The child's death (失独) or the date of the disability's assessment (伤残), and its grade (1–3).
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    disabilityGrade: smallint('disability_grade'),
    status: text('status').notNull().$type<'proposed' | 'confirmed' | 'rejected' | 'ended'>(),
    // Raised with every change of status; special_family_status_changes keeps each version.
    version: integer('version').notNull().default(1),
    needs: text('needs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    proposedBy: bigint('proposed_by', { mode: 'number' }).notNull(),
    proposedByName: text('proposed_by_name').notNull(),
    proposedAt: tstz('proposed_at').notNull().defaultNow(),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedByName: text('decided_by_name'),
    decidedAt: tstz('decided_at'),
    decisionNote: text('decision_note'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One open file per child.
    uniqueIndex('special_family_files_child_uq')
      .on(t.childPersonId)
      .where(sql`status IN ('proposed', 'confirmed')`),
    index('special_family_files_region_idx').on(sql`${t.regionCode} text_pattern_ops`, t.status),
    index('special_family_files_mother_idx').on(t.motherPersonId),
    index('special_family_files_father_idx').on(t.fatherPersonId),
  ],
);

// Every status a file has had, by version: a payment's trace cites the entry it read (issue 16,
// "assistance from the register"); from `effective_from` the next period pays or stops.
export const specialFamilyStatusChanges = pgTable(
  'special_family_status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fileId: bigint('file_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    changedBy: bigint('changed_by', { mode: 'number' }).notNull(),
    changedByName: text('changed_by_name').notNull(),
    changedAt: tstz('changed_at').notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [uniqueIndex('special_family_status_changes_uq').on(t.fileId, t.version)],
);

// The 双岗 / 3+X contacts: a Cradle user (a township or village worker) or a named person (a family
// doctor), whose phone is encrypted like every personal number.
export const specialFamilyContacts = pgTable(
  'special_family_contacts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fileId: bigint('file_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    role: text('role').notNull().$type<'worker' | 'doctor' | 'other'>(),
    userId: bigint('user_id', { mode: 'number' }),
    name: text('name').notNull(),
    organisation: text('organisation'),
    phoneCipher: bytea('phone_cipher'),
    phoneMasked: text('phone_masked'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    endedAt: tstz('ended_at'),
  },
  (t) => [
    index('special_family_contacts_file_idx').on(t.fileId),
    index('special_family_contacts_user_idx').on(t.userId),
  ],
);

// Services received: family doctor contract, green channel, 暖心家园 activities, placements (C4).
export const specialFamilyServices = pgTable(
  'special_family_services',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fileId: bigint('file_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    detail: text('detail'),
    recordedBy: bigint('recorded_by', { mode: 'number' }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('special_family_services_file_idx').on(t.fileId)],
);

// Visits: one planned (due_date) per confirmed file at a time; recording it fills visit_date and
// plans the next. Flagged overdue (overdue_at) once, when its contacts are told.
export const specialFamilyVisits = pgTable(
  'special_family_visits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fileId: bigint('file_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    visitDate: date('visit_date', { mode: 'string' }),
    kind: text('kind'),
    note: text('note'),
    contactId: bigint('contact_id', { mode: 'number' }),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedByName: text('recorded_by_name'),
    recordedAt: tstz('recorded_at'),
    overdueAt: tstz('overdue_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('special_family_visits_file_idx').on(t.fileId),
    // The overdue job's probe: planned visits by due date.
    index('special_family_visits_planned_idx')
      .on(t.dueDate)
      .where(sql`visit_date IS NULL`),
  ],
);

// A jurisdiction's visit interval: the seeds say only "定期" (B4), so each sets its own; none set
// means Cradle's reading, a quarter (domain special-families/visits.ts).
export const specialFamilySettings = pgTable('special_family_settings', {
  jurisdictionCode: text('jurisdiction_code').primaryKey(),
  visitIntervalMonths: smallint('visit_interval_months').notNull(),
  setBy: bigint('set_by', { mode: 'number' }).notNull(),
  setByName: text('set_by_name').notNull(),
  setAt: tstz('set_at').notNull().defaultNow(),
});

// 多子女家庭核验 (C5 "verification requests (who, purpose, answer, audit)"): each check, to count an
// operator's checks for the rate limit and to show who asked what for which purpose. The number
// asked about is kept as the person's id only (null when the registry does not know it).
export const familySizeChecks = pgTable(
  'family_size_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    department: text('department').notNull(),
    jurisdictionCode: text('jurisdiction_code').notNull(),
    purpose: text('purpose').notNull(),
    note: text('note'),
    personId: bigint('person_id', { mode: 'number' }),
    minorChildren: smallint('minor_children'),
    checkedAt: tstz('checked_at').notNull().defaultNow(),
  },
  (t) => [index('family_size_checks_user_idx').on(t.userId, t.checkedAt)],
);

// Childcare institutions (issue 14; glossary childcareInstitution, filing): an institution files
// (备案) online with the county's health commission; each filing, change and closure is a new
// version of childcare_filings, never an overwrite, with the classes and staff it filed. The
// institution row holds what does not change (its credit code) and which version is in force.
export const childcareInstitutions = pgTable(
  'childcare_institutions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // 统一社会信用代码 (GB 32100-2015), checked by the domain before it is written.
    uscc: text('uscc').notNull(),
    // The premises' township or village: the county's and the township's jurisdiction see it.
    regionCode: text('region_code').notNull(),
    // The institution's own account that files for it (role institutionOperator).
    ownerUserId: bigint('owner_user_id', { mode: 'number' }).notNull(),
    // The latest version's name, for queues before anything is filed.
    name: text('name').notNull(),
    status: text('status').notNull().$type<'pending' | 'filed' | 'closed'>(),
    // Given at the first completed filing: TY + year + sequence.
    filingNo: text('filing_no'),
    // The version in force: the last one the county filed.
    filedVersion: integer('filed_version'),
    closedOn: date('closed_on', { mode: 'string' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('childcare_institutions_uscc_uq').on(t.uscc),
    uniqueIndex('childcare_institutions_filing_no_uq').on(t.filingNo),
    index('childcare_institutions_region_idx').on(sql`${t.regionCode} text_pattern_ops`, t.status),
  ],
);

// One version of an institution's filing: what it filed (content: the domain's FilingContent
// without classes and staff, which have their tables; for a closure also the closing date and
// where the children went), when it was received, its deadlines and the county's decision.
export const childcareFilings = pgTable(
  'childcare_filings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    institutionId: bigint('institution_id', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    kind: text('kind').notNull().$type<'filing' | 'change' | 'closure'>(),
    state: text('state').notNull().$type<'received' | 'filed' | 'sentBack' | 'resubmitted'>(),
    regionCode: text('region_code').notNull(),
    content: jsonb('content').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    // 5 working days from receipt (托育机构登记和备案办法(试行) 2019; domain childcare/deadlines.ts).
    reviewDeadline: date('review_deadline', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedByName: text('decided_by_name'),
    sendBackReason: text('send_back_reason'),
    // 15 working days from the send-back (same clause).
    correctionDeadline: date('correction_deadline', { mode: 'string' }),
    submittedBy: bigint('submitted_by', { mode: 'number' }).notNull(),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('childcare_filings_version_uq').on(t.institutionId, t.version),
    index('childcare_filings_queue_idx').on(sql`${t.regionCode} text_pattern_ops`, t.state, t.reviewDeadline),
  ],
);

// The classes a version filed (托育机构设置标准(试行) 2019: 乳儿班, 托小班, 托大班, 混合班).
export const childcareClasses = pgTable(
  'childcare_classes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    filingId: bigint('filing_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    ageGroup: text('age_group').notNull().$type<'infant' | 'youngToddler' | 'oldToddler' | 'mixed'>(),
    capacity: integer('capacity').notNull(),
    enrolled: integer('enrolled').notNull(),
    carers: integer('carers').notNull(),
  },
  (t) => [uniqueIndex('childcare_classes_position_uq').on(t.filingId, t.position)],
);

// The staff a version filed, with qualification and health certificate. Names are personal: the
// public page never reads this table, and only the institution and the reviewer see them whole.
export const childcareStaff = pgTable(
  'childcare_staff',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    filingId: bigint('filing_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    post: text('post').notNull(),
    qualification: text('qualification').notNull(),
    healthCertificateNo: text('health_certificate_no').notNull(),
    healthCertificateIssuedOn: date('health_certificate_issued_on', { mode: 'string' }).notNull(),
    healthCertificateValidUntil: date('health_certificate_valid_until', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('childcare_staff_position_uq').on(t.filingId, t.position)],
);

// Documents an institution files with a version (licence, premises, fire approval): encrypted, in
// the database so they commit with the version, as families' attachments are.
export const childcareDocuments = pgTable(
  'childcare_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // Uploaded before the version it goes with is submitted; the submission claims it.
    filingId: bigint('filing_id', { mode: 'number' }),
    ownerUserId: bigint('owner_user_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    contentCipher: bytea('content_cipher').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('childcare_documents_filing_idx').on(t.filingId)],
);

// Plan supervision (issue 15; glossary unit, liaison, keyTask, jointMeeting, decision). Every
// row carries the county's code (region_code): the directory, the tasks and the meetings belong
// to the county that runs the plan, and row-level security (migration 0034) limits them to it.

// The unit directory (部门/单位): canonical name, the names the seeds also use, and, for the nine
// departments Cradle already knows, which one it is (its operators are the unit's liaisons).
export const supervisionUnits = pgTable(
  'supervision_units',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
    // A stable text key (county.education, township.533423101): the same in every deployment.
    key: text('key').notNull(),
    name: text('name').notNull(),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    kind: text('kind').notNull(),
    department: text('department'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supervision_units_key_uq').on(t.regionCode, t.key),
    uniqueIndex('supervision_units_name_uq').on(t.regionCode, t.name),
  ],
);

// Membership of the joint meeting, as history: a change closes the old row (until_on) and files
// a new one with the meeting's office (004 annex 1 一: 自行递补…报联席会议办公室备案).
export const supervisionMemberships = pgTable(
  'supervision_memberships',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    position: text('position').notNull().$type<'convener' | 'deputyConvener' | 'member'>(),
    // The member's post in the unit (副局长); names of officials are not kept.
    post: text('post').notNull(),
    sinceOn: date('since_on', { mode: 'string' }).notNull(),
    untilOn: date('until_on', { mode: 'string' }),
    note: text('note'),
    filedBy: bigint('filed_by', { mode: 'number' }),
    filedAt: tstz('filed_at').notNull().defaultNow(),
  },
  (t) => [index('supervision_memberships_unit_idx').on(t.unitId, t.untilOn)],
);

// Users named as a unit's liaison (联络员) beyond the department operators the unit maps to.
export const supervisionLiaisons = pgTable(
  'supervision_liaisons',
  {
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId] })],
);

// A plan whose annex the county runs (004 维发〔2023〕15号), with its period.
export const supervisionPlans = pgTable(
  'supervision_plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    documentNo: text('document_no').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('supervision_plans_key_uq').on(t.regionCode, t.key)],
);

// A key task: a row of a plan's annex, a meeting's decision, or a gap another module files
// (source). due_basis says where the date comes from: the text, the plan's end, or the filer.
export const supervisionTasks = pgTable(
  'supervision_tasks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
    planId: bigint('plan_id', { mode: 'number' }),
    meetingId: bigint('meeting_id', { mode: 'number' }),
    source: text('source').notNull().$type<'plan' | 'decision' | 'selfEvaluation' | 'office'>(),
    number: integer('number'),
    section: text('section'),
    clause: text('clause').notNull(),
    text: text('text').notNull(),
    // The responsibility cell as the seed prints it (004 annex 2 责任单位).
    responsibility: text('responsibility'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueBasis: text('due_basis').notNull().$type<'text' | 'planEnd' | 'set'>(),
    recurrence: text('recurrence').$type<'yearly'>(),
    indicatorCode: text('indicator_code'),
    completedOn: date('completed_on', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supervision_tasks_number_uq').on(t.planId, t.number),
    index('supervision_tasks_region_idx').on(t.regionCode, t.dueOn),
  ],
);

// A unit's role in a task (lead, support, implementing), with the name as written and the group
// it came from when a group ("联席会议成员单位", "各乡(镇)党委、政府") was expanded.
export const supervisionTaskUnits = pgTable(
  'supervision_task_units',
  {
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    role: text('role').notNull().$type<'lead' | 'support' | 'implementing'>(),
    regionCode: text('region_code').notNull(),
    position: smallint('position').notNull(),
    writtenAs: text('written_as').notNull(),
    viaGroup: text('via_group'),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId, t.role] }), index('supervision_task_units_unit_idx').on(t.unitId)],
);

// Milestones the county sets on a task, none after the plan's end.
export const supervisionMilestones = pgTable('supervision_milestones', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  taskId: bigint('task_id', { mode: 'number' }).notNull(),
  regionCode: text('region_code').notNull(),
  title: text('title').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  createdBy: bigint('created_by', { mode: 'number' }).notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

// A liaison's progress report on its unit's task for a period, reviewed by the office.
export const supervisionReports = pgTable(
  'supervision_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: bigint('task_id', { mode: 'number' }).notNull(),
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    period: text('period').notNull(),
    text: text('text').notNull(),
    figures: jsonb('figures')
      .notNull()
      .default(sql`'[]'::jsonb`),
    // The unit says the task is done; accepting such a report completes the task.
    completes: boolean('completes').notNull().default(false),
    state: text('state').notNull().$type<'submitted' | 'accepted' | 'sentBack'>(),
    submittedBy: bigint('submitted_by', { mode: 'number' }).notNull(),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: tstz('reviewed_at'),
    sendBackReason: text('send_back_reason'),
  },
  (t) => [index('supervision_reports_task_idx').on(t.taskId, t.submittedAt)],
);

// Evidence files of a report (photos, scans): encrypted, in the database, as childcare documents.
export const supervisionEvidence = pgTable(
  'supervision_evidence',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' }),
    ownerUserId: bigint('owner_user_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    contentCipher: bytea('content_cipher').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('supervision_evidence_report_idx').on(t.reportId)],
);

// Joint-meeting sessions (004 annex 1 三: 全体会议, 专题会议) with their minutes (纪要), signed by
// the convener before the decisions go out.
export const supervisionMeetings = pgTable(
  'supervision_meetings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull().$type<'plenary' | 'topical'>(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    chair: text('chair').notNull(),
    minutes: text('minutes').notNull(),
    signedBy: text('signed_by').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('supervision_meetings_region_idx').on(t.regionCode, t.heldOn)],
);

export const supervisionMeetingAttendees = pgTable(
  'supervision_meeting_attendees',
  {
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    unitId: bigint('unit_id', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.unitId] })],
);

// Supervision notices (督办) sent to a late unit; the message itself goes through the outbox.
export const supervisionNotices = pgTable('supervision_notices', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  taskId: bigint('task_id', { mode: 'number' }).notNull(),
  unitId: bigint('unit_id', { mode: 'number' }).notNull(),
  regionCode: text('region_code').notNull(),
  note: text('note').notNull(),
  sentBy: bigint('sent_by', { mode: 'number' }).notNull(),
  sentByName: text('sent_by_name').notNull(),
  sentAt: tstz('sent_at').notNull().defaultNow(),
});
