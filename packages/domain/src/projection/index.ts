export * from './types.js';
export { NEGATIVE_COUNT_FLOOR, projectPopulation } from './cohort-component.js';
