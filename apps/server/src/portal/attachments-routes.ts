import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { Type } from 'typebox';
import { BUNDLE_DEPARTMENTS } from '@cradle/domain';
import { AttachmentForm, AttachmentInfo, IdParam } from '@cradle/contract';
import { sendAttachment } from '../http/index.js';
import { documentForm, uploadFailure, uploadedFile } from '../uploads.js';
import {
  attachmentError,
  MAX_ATTACHMENT_BYTES,
  OWNER_KINDS,
  type AttachmentInfo as Info,
  type AttachmentService,
  type OwnerKind,
} from './attachments.js';

const tags = ['portal'];
// Staff who handle or read family applications; row-level security limits them to their
// jurisdiction, and the service to the files of applications their role reads (attachments.ts mayRead).
// A registration's or a bundle's readers (attachments.ts decides which file); not leaders (issue 11).
const STAFF = ['townshipWorker', 'countyAdmin', 'departmentOperator'] as const;

function fieldValue(fields: Record<string, Multipart | Multipart[] | undefined>, name: string): string | null {
  const f = fields[name];
  return f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : null;
}

function sendFile(reply: FastifyReply, file: { info: Info; content: Buffer }) {
  // Always a download, never rendered in the console's origin: the file is the family's, not ours.
  // The name is cleaned again on the way out: one stored before names were cleaned of bidi controls.
  return sendAttachment(reply, { ...file.info, content: file.content }, `attachment-${file.info.id}`);
}

export const attachmentRoutes: FastifyPluginAsyncTypebox<{ attachments: AttachmentService }> = async (
  app,
  { attachments },
) => {
  app.post(
    '/api/portal/attachments',
    {
      config: {
        resident: true,
        rateLimit: { max: 30, timeWindow: '1 minute' },
        swaggerTransform: documentForm(AttachmentForm),
      },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        summary: `Attach a PDF, JPEG or PNG (at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB) to your application: fields ownerKind (${OWNER_KINDS.join(' | ')}) and ownerId, then file`,
        response: { 201: AttachmentInfo },
      },
    },
    async (req, reply) => {
      // This route's own limit, not the app-wide one (200 MB, for registry imports): over it the
      // stream is cut short and marked truncated, and nothing is written.
      const part = await uploadedFile(req, {
        limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 },
        throwFileSizeLimit: false,
      });
      if (!part) throw attachmentError('attachment.noFile');
      const kind = fieldValue(part.fields, 'ownerKind');
      const id = Number(fieldValue(part.fields, 'ownerId'));
      if (!(OWNER_KINDS as readonly (string | null)[]).includes(kind) || !Number.isSafeInteger(id) || id <= 0) {
        part.file.resume();
        throw attachmentError('attachment.ownerInvalid');
      }
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
      } catch (err) {
        throw uploadFailure(err);
      }
      if (part.file.truncated) throw attachmentError('attachment.tooLarge');
      const saved = await attachments.upload(
        req.resident!.id,
        { kind: kind as OwnerKind, id },
        { name: part.filename, content: Buffer.concat(chunks) },
        req.ip,
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/portal/attachments/:id',
    {
      config: { resident: true },
      schema: {
        tags,
        summary: 'Download a file you attached',
        params: IdParam,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: Type.Any() },
      },
    },
    async (req, reply) => sendFile(reply, await attachments.forResident(req.resident!.id, req.params.id, req.ip)),
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { roles: STAFF, departments: BUNDLE_DEPARTMENTS },
      schema: {
        tags: ['attachments'],
        summary:
          "Download a family's file of an application you may read: a registration's for its readers, a newborn bundle's for the departments with a task in it, the county and the leader; 404 otherwise (audited)",
        params: IdParam,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: Type.Any() },
      },
    },
    async (req, reply) => sendFile(reply, await attachments.forStaff(req.user!, req.params.id, req.ip)),
  );
};
