import { createHash } from 'node:crypto';
import type { Role } from '@cradle/domain';
import type { Conn, Database } from '../db/client.js';
import type { Keys } from '../crypto/keys.js';
import { decryptField, encryptField } from '../crypto/pii.js';
import { withScope } from '../db/scope.js';
import { cleanFileName } from '../http/index.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { AppError, defineErrors } from '../errors.js';
import { sniffMediaType } from '../uploads.js';
import { REGISTRATION_READERS } from '../registration/index.js';
import { withResident } from './scope.js';
import { residentActor } from './service.js';

/** Issue 4 ("a 20 MB upload" is refused); 5 MiB is our reading: a phone photo or a scanned page. Migration 0011 backs it with a CHECK. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Our reading: enough for every document one application could need, a bound on what one family stores. */
export const MAX_ATTACHMENTS_PER_OWNER = 20;
export const OWNER_KINDS = ['childbirthRegistration', 'newbornBundle'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
const OWNER_TABLES: Record<OwnerKind, string> = {
  childbirthRegistration: 'childbirth_registrations',
  newbornBundle: 'newborn_bundles',
};

export const attachmentError = defineErrors({
  'attachment.noFile': { status: 400, message: { zh: '请选择要上传的文件', en: 'Choose a file to upload' } },
  'attachment.ownerInvalid': {
    status: 400,
    message: {
      zh: '请先填写附件所属的办理事项（表单中须在文件之前）',
      en: 'Say which application the file belongs to (ownerKind and ownerId, sent before the file)',
    },
  },
  'attachment.tooLarge': {
    status: 413,
    message: {
      zh: '附件不能超过 5 MB，请压缩或分页拍照后再上传；未保存任何内容',
      en: 'A file may be at most 5 MB; compress it or photograph fewer pages at a time. Nothing was saved',
    },
  },
  'attachment.empty': { status: 400, message: { zh: '文件是空的', en: 'The file is empty' } },
  'attachment.type': {
    status: 415,
    message: { zh: '只能上传 PDF、JPEG 或 PNG 文件', en: 'Only PDF, JPEG or PNG files can be uploaded' },
  },
  'attachment.ownerNotFound': { status: 404, message: { zh: '未找到该办理事项', en: 'No such application of yours' } },
  'attachment.ownerClosed': {
    status: 409,
    message: { zh: '该事项已办结，不能再上传附件', en: 'The application is completed; no more files can be added' },
  },
  'attachment.tooMany': {
    status: 409,
    message: {
      zh: `每个办理事项最多上传 ${MAX_ATTACHMENTS_PER_OWNER} 个附件`,
      en: `At most ${MAX_ATTACHMENTS_PER_OWNER} files per application`,
    },
  },
  'attachment.notFound': {
    status: 404,
    message: {
      zh: '未找到该附件，或它不在您的辖区、您的职责范围内',
      en: 'No such file in your jurisdiction and duties',
    },
  },
});

const EXTENSIONS = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

/** A name safe to show and to put in a download header (http/file-names.ts), at most 100 characters. */
export function safeFileName(raw: string, mediaType: keyof typeof EXTENSIONS): string {
  const cleaned = cleanFileName(raw, 100);
  return cleaned === '' || cleaned.startsWith('.') ? `attachment.${EXTENSIONS[mediaType]}` : cleaned;
}

export interface AttachmentInfo {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

const INFO = 'id, file_name, media_type, size_bytes, sha256, created_at';
const info = (r: Record<string, unknown>): AttachmentInfo => ({
  id: Number(r.id),
  fileName: String(r.file_name),
  mediaType: String(r.media_type),
  sizeBytes: Number(r.size_bytes),
  sha256: String(r.sha256),
  createdAt: new Date(r.created_at as string).toISOString(),
});

/** The files of one application, as the caller's scope shows them. */
export async function listAttachments(tx: Conn, ownerKind: OwnerKind, ownerId: number): Promise<AttachmentInfo[]> {
  return (
    await tx.query(`SELECT ${INFO} FROM attachments WHERE owner_kind = $1 AND owner_id = $2 ORDER BY id`, [
      ownerKind,
      ownerId,
    ])
  ).map(info);
}

/** Who oversees every department's bundle tasks (bundle/routes.ts READERS besides the operators). */
const BUNDLE_OVERSEERS: readonly Role[] = ['countyAdmin'];

/**
 * Whether a member of staff may read an application's files: whoever may read the application.
 * Row-level security has already limited the file to their jurisdiction; this adds their duties:
 * a registration's readers, or for a newborn bundle the departments with a task in it.
 */
async function mayRead(tx: Conn, user: SessionUser, owner: { kind: OwnerKind; id: number }): Promise<boolean> {
  const holds = (roles: readonly Role[]) => user.roles.some((r) => roles.includes(r));
  switch (owner.kind) {
    case 'childbirthRegistration':
      return holds(REGISTRATION_READERS);
    case 'newbornBundle': {
      if (holds(BUNDLE_OVERSEERS)) return true;
      if (!user.roles.includes('departmentOperator') || user.department === null) return false;
      const tasks = await tx.query('SELECT 1 FROM bundle_tasks WHERE bundle_id = $1 AND department = $2 LIMIT 1', [
        owner.id,
        user.department,
      ]);
      return tasks.length > 0;
    }
  }
}

export function createAttachmentService(database: Database, keys: Keys) {
  // The content is encrypted like any personal data; encryptField takes text, so it goes in as base64.
  const seal = (content: Buffer) => encryptField(keys.piiEncryption, 'attachment', content.toString('base64'));
  const open = (cipher: Uint8Array) => Buffer.from(decryptField(keys.piiEncryption, 'attachment', cipher), 'base64');

  /** The file as the scope shows it; with `allowed`, only if the caller may read its application (checked before decrypting). */
  async function read(tx: Conn, id: number, allowed?: (owner: { kind: OwnerKind; id: number }) => Promise<boolean>) {
    const [row] = await tx.query(
      `SELECT ${INFO}, owner_kind, owner_id, region_code, content_cipher FROM attachments WHERE id = $1`,
      [id],
    );
    if (!row) throw attachmentError('attachment.notFound');
    // Not yours reads as not found, as everywhere: no hint that the file exists.
    if (allowed && !(await allowed({ kind: row.owner_kind as OwnerKind, id: Number(row.owner_id) })))
      throw attachmentError('attachment.notFound');
    return { info: info(row), regionCode: String(row.region_code), content: open(row.content_cipher as Uint8Array) };
  }

  return {
    /** A family attaches a file to its own application, while the application is open. */
    async upload(
      residentId: number,
      owner: { kind: OwnerKind; id: number },
      file: { name: string; content: Buffer },
      clientIp: string,
    ): Promise<AttachmentInfo> {
      if (file.content.length === 0) throw attachmentError('attachment.empty');
      if (file.content.length > MAX_ATTACHMENT_BYTES) throw attachmentError('attachment.tooLarge');
      // From the first bytes, never from the name or the browser's claim (uploads.ts).
      const mediaType = sniffMediaType(file.content);
      if (mediaType === null) throw attachmentError('attachment.type');
      const sha256 = createHash('sha256').update(file.content).digest('hex');
      return withResident(database, residentId, async (tx) => {
        // The resident scope shows only the resident's own applications.
        const [target] = await tx.query<{ region_code: string; status: string }>(
          `SELECT region_code, status FROM ${OWNER_TABLES[owner.kind]} WHERE id = $1 FOR UPDATE`,
          [owner.id],
        );
        if (!target) throw attachmentError('attachment.ownerNotFound');
        if (target.status === 'completed') throw attachmentError('attachment.ownerClosed');
        const [{ n }] = (await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM attachments WHERE owner_kind = $1 AND owner_id = $2',
          [owner.kind, owner.id],
        )) as [{ n: number }];
        if (Number(n) >= MAX_ATTACHMENTS_PER_OWNER) throw attachmentError('attachment.tooMany');
        const [row] = await tx.query(
          `INSERT INTO attachments (owner_kind, owner_id, region_code, resident_id, file_name, media_type, size_bytes, sha256, content_cipher)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${INFO}`,
          [
            owner.kind,
            owner.id,
            target.region_code,
            residentId,
            safeFileName(file.name, mediaType),
            mediaType,
            file.content.length,
            sha256,
            seal(file.content),
          ],
        );
        const saved = info(row!);
        // Audited against the application, so it shows in the application's history.
        await appendAudit(tx, {
          ...residentActor(residentId, clientIp, target.region_code),
          action: 'attachment.upload',
          targetType: owner.kind,
          targetId: String(owner.id),
          outcome: 'success',
          details: { attachmentId: saved.id, mediaType, sizeBytes: saved.sizeBytes, sha256 },
        });
        return saved;
      });
    },

    async forResident(residentId: number, id: number, clientIp: string) {
      return withResident(database, residentId, async (tx) => {
        const file = await read(tx, id);
        await appendAudit(tx, {
          ...residentActor(residentId, clientIp, file.regionCode),
          action: 'attachment.view',
          targetType: 'attachment',
          targetId: String(id),
          outcome: 'success',
        });
        return file;
      });
    },

    /** Staff read files of applications in their jurisdiction (row-level security) that their role reads (mayRead). */
    async forStaff(user: SessionUser, id: number, clientIp: string) {
      const entry = {
        userId: user.id,
        username: user.username,
        jurisdictionCode: user.jurisdictionCode,
        clientIp,
        action: 'attachment.view',
        targetType: 'attachment',
        targetId: String(id),
      };
      try {
        return await withScope(database, user, async (tx) => {
          const file = await read(tx, id, (owner) => mayRead(tx, user, owner));
          await appendAudit(tx, { ...entry, outcome: 'success' });
          return file;
        });
      } catch (err) {
        // A refused look-up (another jurisdiction, or not the caller's duty) is recorded, after the rollback, as the registry's are.
        if (err instanceof AppError && err.code === 'attachment.notFound')
          await appendAudit(database, { ...entry, outcome: 'denied' });
        throw err;
      }
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
