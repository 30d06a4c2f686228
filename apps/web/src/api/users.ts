import { staffRoutes as r } from '@cradle/contract';
import { staff } from './client';

export const fetchUsers = (signal?: AbortSignal) => staff.call(r.users, {}, { signal });

export const unlockUser = (id: number) => staff.call(r.unlockUser, { params: { id } });

/** A one-time password, shown once; needs the administrator's own fresh TOTP code. */
export const resetPassword = (id: number, totp: string) =>
  staff.call(r.resetPassword, { params: { id }, body: { totp } });

/** A new TOTP secret, shown once; needs the administrator's own fresh TOTP code. */
export const resetTwoFactor = (id: number, totp: string) =>
  staff.call(r.resetTwoFactor, { params: { id }, body: { totp } });
