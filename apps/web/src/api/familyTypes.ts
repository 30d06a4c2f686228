// Shapes of the family-service APIs (apps/server/src/registration/schemas.ts and
// bundle/schemas.ts), kept by hand as api/types.ts keeps the others; glossary names.
import type { Message, Page, Sex } from './types';

export type DeadlineState = 'onTime' | 'dueToday' | 'overdue';

// 生育登记 (childbirthRegistration)

export type RegistrationStatus = 'submitted' | 'infoRequested' | 'completed';
export type ChildStatus = 'pregnant' | 'born';

export type RegistrationSummary = {
  id: number;
  registrationNo: string;
  status: RegistrationStatus;
  childStatus: ChildStatus;
  parity: number;
  regionCode: string;
  region: string;
  motherName: string;
  motherIdMasked: string;
  submittedAt: string;
  deadline: string;
  /** Null while the clock is not running: waiting for the family, or completed. */
  deadlineState: DeadlineState | null;
  completedAt: string | null;
  infoRequest: string | null;
  receiptAvailable: boolean;
};

export type RegistrationQueueItem = RegistrationSummary & { conflictCount: number; channel: string };

export type RegistrationQuery = {
  status?: RegistrationStatus;
  deadline?: DeadlineState;
  conflicts?: boolean;
  q?: string;
  page: number;
  pageSize: number;
};

export type RegistrationQueue = Page<RegistrationQueueItem> & {
  /** Over the whole jurisdiction, whatever the filters. */
  counts: { submitted: number; infoRequested: number; completed: number; overdue: number; dueToday: number };
};

export type RegistryConflictCode =
  | 'parentUnknownIdNumber'
  | 'parentNameDiffers'
  | 'parentSexContradictsId'
  | 'parentBirthDateContradictsId'
  | 'childAlreadyRegistered'
  | 'sameBirthDateSibling'
  | 'parentsChildrenDiffer';

/** A disagreement with the registry for the township worker to settle; `seen` has ID numbers masked. */
export type RegistryConflict = {
  code: RegistryConflictCode | string;
  subject: 'mother' | 'father' | 'child' | string;
  message: Message;
  seen: { registry: string | null; declared: string | null };
};

export type RegistryChildRef = { name: string; sex: Sex; age: number };

/** What the registry holds now for a declared ID number. */
export type RegistryMatch = {
  known: boolean;
  personId: number | null;
  name: string | null;
  sex: Sex | null;
  age: number | null;
  idMasked: string | null;
  hukouRegion: string | null;
  residenceRegion: string | null;
  children: RegistryChildRef[];
};

export type DeclaredParentView = { name: string; idMasked: string };
export type AttachmentInfo = {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
};
export type RegistrationHistoryEntry = { at: string; action: string; actor: string | null; message: string | null };

export type RegistrationDetail = RegistrationSummary & {
  married: boolean;
  mother: DeclaredParentView;
  father: DeclaredParentView | null;
  expectedBirthDate: string | null;
  child: { name: string; sex: Sex; birthDate: string } | null;
  commitmentStatement: string;
  attachments: AttachmentInfo[];
  channel: string;
  phonesMasked: { mother: string | null; father: string | null };
  conflicts: RegistryConflict[];
  registryMatches: { mother: RegistryMatch; father: RegistryMatch | null };
  workerNote: string | null;
  completedByName: string | null;
  history: RegistrationHistoryEntry[];
};

export type RegistrationBulkSkipReason = 'notFound' | 'completed' | 'hasConflicts';
export type RegistrationBulkResult = {
  completed: number[];
  skipped: { id: number; reason: RegistrationBulkSkipReason; message: Message }[];
};

// 出生一件事 (newbornBundle): the department operators' tasks

export type TaskStatus = 'waiting' | 'pending' | 'returned' | 'done';

/** What a department recorded; ID numbers masked. */
export type TaskResult = {
  certificateNo?: string;
  recordNo?: string | null;
  newbornIdMasked?: string;
  newbornPersonId?: number;
  enrolledOn?: string;
  lateEnrolment?: boolean;
  cardNo?: string | null;
  cardStatus?: 'applied' | 'issued';
  /** Hukou, staff only: declared parents who matched the registry but were not confirmed, so not linked. */
  parentsNotLinked?: { role: 'mother' | 'father'; message: Message }[];
};

export type BundleTaskView = {
  id: number;
  service: string;
  label: Message;
  department: string;
  departmentLabel: Message;
  status: TaskStatus;
  deadline: string | null;
  deadlineState: DeadlineState | null;
  /** Medical insurance only: the last of the 90 days that cover costs from birth. */
  enrolmentDeadline: string | null;
  /** Medical insurance: enrolled after the 90 days (done), or would be if enrolled today (open). */
  late: boolean;
  returnReason: string | null;
  fieldsToFix: string[];
  result: TaskResult | null;
  completedAt: string | null;
};

export type TaskQueueRow = {
  id: number;
  bundleId: number;
  bundleNo: string;
  service: string;
  label: Message;
  department: string;
  status: TaskStatus;
  deadline: string | null;
  deadlineState: DeadlineState | null;
  enrolmentDeadline: string | null;
  late: boolean;
  newbornName: string;
  birthDate: string;
  motherName: string;
  hukouRegion: { code: string; name: string };
  submittedAt: string;
};

export type TaskQuery = {
  service?: string;
  status?: TaskStatus;
  deadline?: DeadlineState;
  q?: string;
  page: number;
  pageSize: number;
};

export type TaskQueue = Page<TaskQueueRow> & {
  /** Per status over the whole queue (the service filter applies, the others do not). */
  counts: Record<TaskStatus, number>;
  overdue: number;
};

export type BundleParentView = { name: string; idMasked: string; personId: number | null };

export type NewbornBundleView = {
  id: number;
  bundleNo: string;
  status: 'inProgress' | 'returned' | 'completed';
  submittedAt: string;
  completedAt: string | null;
  newborn: {
    name: string;
    sex: string;
    birthDate: string;
    birthTime: string;
    birthPlace: string;
    hospitalName: string;
    idMasked: string | null;
    personId: number | null;
  };
  mother: BundleParentView;
  father: BundleParentView | null;
  hukouRegion: { code: string; name: string };
  services: string[];
  existingBirthCertificateNo: string | null;
  registrationId: number | null;
};

/** A parent the family declared by name and ID number, and the registry person that pair matches (null: nobody). */
export type DeclaredParentMatch = {
  role: 'mother' | 'father';
  declared: { name: string; idMasked: string };
  registry: {
    name: string;
    sex: Sex | string;
    age: number;
    residenceRegion: { code: string; name: string };
    hukouRegion: { code: string; name: string };
    children: number;
  } | null;
};

export type TaskDetail = {
  task: BundleTaskView;
  bundle: NewbornBundleView;
  /** From the bundle's own certificate task once done, or as the family gave it. */
  birthCertificateNo: string | null;
  otherTasks: { service: string; label: Message; status: TaskStatus }[];
  /** Hukou, pending, to public security only: a match is linked only when the completion confirms it. */
  declaredParents: DeclaredParentMatch[];
};

/** A completion: the fields of the task's service; the server checks them with checkCompletion. */
export type TaskCompletion = {
  certificateNo?: string;
  recordNo?: string | null;
  idNumber?: string;
  enrolledOn?: string;
  cardNo?: string | null;
  /** Hukou: the officer checked the declared parents' papers; link their registry matches. */
  confirmDeclaredParents?: boolean;
};

export type TaskBulkResult = {
  results: { id: number; outcome: 'done' | 'skipped'; code: string | null; reason: string | null }[];
};
