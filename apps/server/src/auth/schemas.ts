import { Type } from 'typebox';
import { RegionLevel } from '../regions/index.js';

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  department: Type.Union([Type.String(), Type.Null()]),
  jurisdiction: Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel }),
});
export const Session = Type.Object({ user: Me, csrfToken: Type.String() });
export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
  totp: Type.Optional(
    Type.String({ pattern: '^\\d{6}$', description: 'Six-digit TOTP code (RFC 6238), for administrator roles' }),
  ),
});
