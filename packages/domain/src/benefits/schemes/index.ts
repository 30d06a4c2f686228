import type { SchemeDefinition } from '../scheme.js';
import { BAIYIN_CHILDCARE_SUBSIDY, BAIYIN_PRESCHOOL_FEE_WAIVER, BAIYIN_SPECIAL_ASSISTANCE } from './baiyin.js';
import { CHILDCARE_INSTITUTION_SCHEMES } from './childcare.js';
import { NATIONAL_CHILDCARE_SUBSIDY } from './national.js';
import { WEIXI_NURSING_SUBSIDY } from './weixi.js';
import { YUNNAN_BIRTH_GRANT, YUNNAN_CHILDCARE_ALLOWANCE, YUNNAN_INSURANCE_SUBSIDY } from './yunnan.js';

/** Every scheme Cradle ships, by code. Adding one: see apps/server/src/benefits/README.md. */
export const BUILT_IN_SCHEMES: readonly SchemeDefinition[] = [
  NATIONAL_CHILDCARE_SUBSIDY,
  YUNNAN_BIRTH_GRANT,
  YUNNAN_CHILDCARE_ALLOWANCE,
  YUNNAN_INSURANCE_SUBSIDY,
  WEIXI_NURSING_SUBSIDY,
  BAIYIN_CHILDCARE_SUBSIDY,
  BAIYIN_SPECIAL_ASSISTANCE,
  BAIYIN_PRESCHOOL_FEE_WAIVER,
  ...CHILDCARE_INSTITUTION_SCHEMES,
];

export function findBuiltInScheme(code: string): SchemeDefinition | null {
  return BUILT_IN_SCHEMES.find((s) => s.code === code) ?? null;
}

export {
  NATIONAL_CHILDCARE_SUBSIDY,
  YUNNAN_BIRTH_GRANT,
  YUNNAN_CHILDCARE_ALLOWANCE,
  YUNNAN_INSURANCE_SUBSIDY,
  WEIXI_NURSING_SUBSIDY,
};
export { BAIYIN_CHILDCARE_SUBSIDY, BAIYIN_SPECIAL_ASSISTANCE, BAIYIN_PRESCHOOL_FEE_WAIVER };
export * from './childcare.js';
