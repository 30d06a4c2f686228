import { staffRoutes as r } from '@cradle/contract';
import { staff } from './client';

export const fetchNotifications = (signal?: AbortSignal) => staff.call(r.notifications, {}, { signal });
