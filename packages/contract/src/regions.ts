import { Type, type Static } from 'typebox';

export const RegionLevel = Type.Union([
  Type.Literal('province'),
  Type.Literal('city'),
  Type.Literal('county'),
  Type.Literal('township'),
  Type.Literal('village'),
]);
export const RegionRef = Type.Object(
  { code: Type.String(), name: Type.String(), level: RegionLevel },
  { $id: 'RegionRef' },
);
export const RegionCodeParam = Type.Object({
  code: Type.String({ pattern: '^\\d{2,12}$', description: 'GB/T 2260 region code' }),
});
export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  path: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel })),
  hasChildren: Type.Boolean(),
});
export const RegionChild = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  hasChildren: Type.Boolean(),
});
export const RegionChildren = Type.Object({ items: Type.Array(RegionChild) });

export type RegionLevel = Static<typeof RegionLevel>;
export type RegionRef = Static<typeof RegionRef>;
export type RegionCodeParam = Static<typeof RegionCodeParam>;
export type Region = Static<typeof Region>;
export type RegionChild = Static<typeof RegionChild>;
export type RegionChildren = Static<typeof RegionChildren>;
