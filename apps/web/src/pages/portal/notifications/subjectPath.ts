/** The portal page of what a message is about, when it is about an application. */
export function subjectPath(note: Pick<Notification, 'subjectKind' | 'subjectId'>): string | null {
  if (note.subjectId === null) return null;
  switch (note.subjectKind) {
    case 'childbirthRegistration':
      return `/m/registrations/${note.subjectId}`;
    case 'newbornBundle':
      return `/m/bundles/${note.subjectId}`;
    default:
      return null;
  }
}
import type { Notification } from '@cradle/contract';
