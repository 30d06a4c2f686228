import type { Database } from './db/client.js';
import type { Keys } from './crypto/keys.js';
import type { Pii } from './crypto/pii.js';
import type { RegionService } from './regions/service.js';
import type { CalendarService } from './calendar/service.js';
import type { NotificationDispatcher } from './notifications/dispatcher.js';

/** What the family-service modules (registration/, bundle/) are built from (app.ts). */
export interface FamilyServiceDeps {
  database: Database;
  keys: Keys;
  pii: Pii;
  regions: RegionService;
  calendar: CalendarService;
  /** Call after a commit that wrote SMS notifications: sends them now rather than on the next tick. */
  dispatcher: NotificationDispatcher;
  /** The address residents reach the platform at, for links in receipts; unset, only a localhost request's origin (registration/public-url.ts). */
  publicUrl: string | undefined;
}
