export * from './money.js';
export * from './periods.js';
export * from './scheme.js';
export * from './facts.js';
export * from './parameters.js';
export type { TraceStep } from './conditions.js';
export { eligibleMonths } from './conditions.js';
export * from './eligibility.js';
export * from './schemes/index.js';
