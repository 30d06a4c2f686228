// Shapes of the server's JSON, as agreed in the API contract. Kept by hand until the
// server publishes its OpenAPI document; one type per concept, named as in the glossary.

export type Role = 'systemAdmin' | 'countyAdmin' | 'townshipWorker' | 'villageWorker' | 'departmentOperator' | 'leader';
export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';
export type Sex = 'male' | 'female';
export type IdKind = 'resident' | 'foreignPermanentResident' | 'hkMacaoTaiwanResidencePermit';

export type ApiErrorBody = { code: string; message: string; details?: unknown };

export type SystemInfo = {
  product: string;
  version: string;
  scope: { code: string; name: string; level: RegionLevel };
  demo: boolean;
  database: 'pglite' | 'postgres';
};

export type RegionRef = { code: string; name: string };
export type RegionNode = RegionRef & { level: RegionLevel };

export type Me = {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  department: string | null;
  jurisdiction: RegionNode;
};

export type Session = { user: Me; csrfToken: string };
export type LoginRequest = { username: string; password: string; totp?: string };

export type Region = RegionNode & { parentCode: string | null; path: RegionNode[]; hasChildren: boolean };
export type RegionChild = RegionNode & { hasChildren: boolean };

export type PersonRef = {
  id: number;
  name: string;
  sex: Sex;
  /** Age only: a birth date beside the masked number would give the number back (region ‖ birth date ‖ last four). */
  age: number;
  idNumberMasked: string;
  parity: number | null;
};

export type PersonSummary = PersonRef & {
  idKind: IdKind;
  hukouRegion: RegionRef;
  residenceRegion: RegionRef;
};

export type HouseholdMember = PersonRef & { relationToHead: string | null };

export type Household = {
  id: number;
  householdNo: string;
  address: string | null;
  region: RegionRef;
  members: HouseholdMember[];
};

export type RelationshipKind = 'spouse' | 'mother' | 'father' | 'child';

/** `person` is null when the relative lives outside the user's jurisdiction. */
export type Relationship = { kind: RelationshipKind; person: PersonRef | null };

export type PersonDetail = PersonSummary & {
  /** Only in the (audited) detail view of the person themself. */
  birthDate: string;
  ethnicity: string | null;
  relationToHead: string | null;
  household: Household | null;
  relationships: Relationship[];
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type PersonQuery = { name?: string; idNumber?: string; region?: string; page: number; pageSize: number };

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export type ImportJob = {
  id: number;
  fileName: string;
  format: 'csv' | 'xlsx';
  status: ImportStatus;
  totalRows: number | null;
  processedRows: number;
  validRows: number;
  invalidRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failure: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type ImportRowError = { row: number; field: string; code: string; message: string };
export type ImportJobDetail = ImportJob & { errors: ImportRowError[] };

export type AgeGroupCount = { ageGroup: string; male: number; female: number };
export type BirthsInYear = { year: number; parity1: number; parity2: number; parity3plus: number; total: number };
export type QualityIndicator = 'coverage' | 'accuracy' | 'timeliness';
export type QualityFigures = Record<QualityIndicator, number | null>;

export type ChildRegionStats = RegionNode & { population: number; births: number } & QualityFigures;

export type Dashboard = {
  region: RegionNode;
  path: RegionNode[];
  population: { total: number; male: number; female: number; households: number };
  pyramid: AgeGroupCount[];
  birthsByYear: BirthsInYear[];
  sexRatioAtBirth: { ratio: number | null; male: number; female: number; fromYear: number; toYear: number };
  quality: QualityFigures & { targets: Record<QualityIndicator, number> };
  familyServices: FamilyServiceWork;
  children: ChildRegionStats[];
};

/** Open work of the family services in the region, by China date; `service` is a BundleService name. */
export type OpenWork = { open: number; dueToday: number; overdue: number };
export type FamilyServiceWork = { childbirthRegistrations: OpenWork; bundleTasks: (OpenWork & { service: string })[] };

export type AuditOutcome = 'success' | 'failure' | 'denied';

export type AuditEntry = {
  seq: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  targetType: string | null;
  targetId: string | number | null;
  outcome: AuditOutcome;
  clientIp: string | null;
  details: unknown;
};

export type AuditQuery = {
  page: number;
  pageSize: number;
  action?: string;
  username?: string;
  from?: string;
  to?: string;
};
export type AuditPage = { items: AuditEntry[]; total: number };
export type AuditVerification = { ok: boolean; checked: number; firstBroken: { seq: number; reason: string } | null };

// Benefits (补贴发放). Amounts are integer fen throughout.

export type Message = { zh: string; en: string };
export type LegalBasis = { document: string; clause: string; seed?: string };
export type Frequency = 'once' | 'monthly' | 'yearly';
export type ParameterUnit = 'fen' | 'years' | 'days' | 'date' | 'parities' | 'fenByKey';
export type ParameterValue = number | string | number[] | Record<string, number>;

export type SchemeSummary = {
  code: string;
  name: Message;
  kind: string;
  /** '' for a national scheme, else the hukou region it covers. */
  regionCode: string;
  frequency: Frequency;
  beneficiary: 'child' | 'parent';
  proactive: boolean;
  legalBasis: LegalBasis;
  interpretations: Message[];
};

/** A parameter in force today for the user's jurisdiction; jurisdictionCode '' is the scheme's own value. */
export type ParameterInForce = {
  value: ParameterValue;
  from: string;
  jurisdictionCode: string;
  version: number | null;
  basis: LegalBasis;
};

export type SchemeParameter = {
  name: string;
  label: Message;
  unit: ParameterUnit;
  setBy: 'province' | 'city' | 'county' | null;
  current: ParameterInForce | null;
};

export type ReviewLevel = 'village' | 'township' | 'county';
export type VersionStatus = 'draft' | 'inReview' | 'published';

export type SchemeVersion = {
  id: number;
  jurisdictionCode: string;
  version: number;
  effectiveFrom: string;
  values: Record<string, ParameterValue>;
  legalBasis: LegalBasis;
  status: VersionStatus;
  createdBy: number | null;
  publishedAt: string | null;
};

export type SchemeDetail = SchemeSummary & {
  parameters: SchemeParameter[];
  reviewLevels: ReviewLevel[];
  publicNoticeDays: number;
  versions: SchemeVersion[];
};

export type VersionDraft = {
  effectiveFrom: string;
  values: Record<string, ParameterValue>;
  legalBasis: { document: string; clause: string };
};

/** One 400 'version.invalid' detail: the field ('values.yearlyAmount') and what is wrong with it. */
export type FieldProblem = { field: string; message: Message };

export type TraceStep = {
  check: string;
  rule: Message;
  saw: string;
  pass: boolean;
  basis: LegalBasis;
  interpretation?: Message;
};
export type Eligibility = {
  schemeCode: string;
  period: string;
  eligible: boolean;
  amountFen: number;
  trace: TraceStep[];
};

export type PaymentBatch = {
  id: number;
  schemeCode: string;
  periodKey: string;
  jurisdictionCode: string;
  status: 'running' | 'complete';
  chunksDone: number;
  chunksTotal: number;
  paymentCount: number;
  totalFen: number;
  round?: number;
  /** Only on a single batch: its payments by status. */
  paymentStatuses?: Record<PaymentStatus, number>;
};

export type PaymentStatus = 'pending' | 'exported' | 'paid' | 'failed' | 'returned';
export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['pending', 'exported', 'paid', 'failed', 'returned'];

export type ApplicationStatus = 'inReview' | 'publicNotice' | 'approved' | 'rejected';
export type ReviewAction = 'submit' | 'approve' | 'reject' | 'appeal' | 'closeNotice';

/** What a caseworker sends: declarations by commitment (承诺制) only where the scheme asks for them. */
export type ApplicationRequest = {
  scheme: string;
  beneficiaryId: number;
  facts?: Record<string, boolean | string>;
  applicantName?: string;
};

export type ApplicationSummary = {
  id: number;
  schemeCode: string;
  beneficiaryId: number;
  beneficiaryName: string;
  beneficiaryIdMasked: string;
  regionCode: string;
  facts: Record<string, unknown>;
  applicantName: string | null;
  channel: string;
  status: ApplicationStatus;
  /** The level reviewing now (inReview), or the one that decided last. */
  level: ReviewLevel;
  noticeUntil: string | null;
  rejectionReason: string | null;
  appealed: boolean;
  createdAt: string;
};

export type ReviewDecision = {
  level: ReviewLevel;
  action: ReviewAction;
  reason: string | null;
  decidedBy: number | null;
  decidedByName: string | null;
  at: string;
};

export type ApplicationDetail = ApplicationSummary & {
  decisions: ReviewDecision[];
  /** Today's eligibility with the application's declarations; null when the person is gone from the registry. */
  eligibility: Eligibility | null;
};

export type Budget = {
  schemeCode: string;
  jurisdictionCode: string;
  paidFen: number;
  paidCount: number;
  committedFen: number;
  committedCount: number;
  next12Months: { period: string; count: number; amountFen: number }[];
  next12MonthsFen: number;
  assumingVersion: number | null;
};

export type PaymentFileFormat = 'csv' | 'xlsx';

/** An export for the one-card platform, as the answer's headers describe it; the file itself is `blob`. */
export type PaymentExport = {
  id: number;
  fileName: string;
  sha256: string;
  rowCount: number;
  totalFen: number;
  blob: Blob;
};

/** What a bank return changed: rows repeating a status already recorded count as unchanged. */
export type BankReturnSummary = {
  id: number;
  batchId: number;
  fileName: string;
  sha256: string;
  rows: number;
  paid: number;
  failed: number;
  returned: number;
  unchanged: number;
};

/** One refused row of a bank return; the server sends the message in both languages. */
export type BankReturnRowError = {
  row: number;
  reference: string;
  code: string;
  message: { zh: string; en: string };
};
