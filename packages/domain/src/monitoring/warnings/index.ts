export type * from './rule.js';
export { BUILT_IN_WARNING_RULES } from './built-in.js';
export { evaluateWarnings } from './evaluate.js';
