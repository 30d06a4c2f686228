import type { Keys } from '../crypto/keys.js';
import { decryptField } from '../crypto/pii.js';
import type { Conn } from '../db/client.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';

// Staff downloads of the files modules keep encrypted (childcare documents, self-evaluation
// evidence): the content is decrypted only inside the caller's scope, and each download is
// audited in the same transaction with the file's digest, so the log says which bytes left.

/** A stored file's row as the module's own query (its scope and its rules) found it. */
export interface EncryptedFile {
  fileName: string;
  mediaType: string;
  sha256: string;
  contentCipher: Buffer | Uint8Array;
}

export interface DownloadedFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export interface DownloadAudit {
  actor: { user: SessionUser; clientIp: string };
  /** The field name the content was encrypted under (crypto/pii.ts encryptField). */
  field: string;
  action: string;
  targetType: string;
  targetId: string;
  /** What else the entry names (the item, the institution); the digest is added. */
  details?: Record<string, unknown>;
}

/** The file's content, decrypted (stored as base64 text: encryptField takes text), its download audited. */
export async function openEncryptedFile(
  tx: Conn,
  keys: Keys,
  file: EncryptedFile,
  audit: DownloadAudit,
): Promise<DownloadedFile> {
  const content = Buffer.from(decryptField(keys.piiEncryption, audit.field, Buffer.from(file.contentCipher)), 'base64');
  const { user, clientIp } = audit.actor;
  await appendAudit(tx, {
    userId: user.id,
    username: user.username,
    jurisdictionCode: user.jurisdictionCode,
    clientIp,
    action: audit.action,
    targetType: audit.targetType,
    targetId: audit.targetId,
    outcome: 'success',
    details: { ...audit.details, sha256: file.sha256 },
  });
  return { fileName: file.fileName, mediaType: file.mediaType, content };
}
