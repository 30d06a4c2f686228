import { Type, type Static } from 'typebox';
import type { Role as DomainRole } from '@cradle/domain';
import { RegionLevel } from './regions.js';
import { Text } from './common.js';

/** A staff role, as the domain names them (typed; the schema says string). */
export const Role = Type.Unsafe<DomainRole>(Type.String());
export type Role = Static<typeof Role>;

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Role),
  department: Type.Union([Type.String(), Type.Null()]),
  jurisdiction: Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel }),
});
export const Session = Type.Object({ user: Me, csrfToken: Type.String() });
export const LoginBody = Type.Object({
  username: Text({ minLength: 1, maxLength: 64 }),
  password: Text({ minLength: 1, maxLength: 256 }),
  totp: Type.Optional(
    Type.String({ pattern: '^\\d{6}$', description: 'Six-digit TOTP code (RFC 6238), for administrator roles' }),
  ),
});

export type Me = Static<typeof Me>;
export type Session = Static<typeof Session>;
export type LoginBody = Static<typeof LoginBody>;
