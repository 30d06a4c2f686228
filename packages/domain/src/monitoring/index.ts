// Plans, targets, the indicator catalogue and their evaluation: pure data and functions (README.md).
export type * from './types.js';
export * from './count-kinds.js';
export * from './indicator.js';
export * from './catalogue/index.js';
export { BUILT_IN_PLANS, findBuiltInPlan, plansGoverning } from './plans/index.js';
export * from './decimal.js';
export * from './rates.js';
export { CONFIDENCE, poissonInterval, wilsonInterval, valueInterval, type Interval } from './intervals.js';
export * from './small-numbers.js';
export * from './trend.js';
export * from './status.js';
export * from './warnings/index.js';
export * from './reported-items.js';
export * from './period-words.js';
