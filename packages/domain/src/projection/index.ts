export * from './types.js';
export { NEGATIVE_COUNT_FLOOR, projectPopulation } from './cohort-component.js';
export { SINGLE_AGES, survivalRatiosFromMx, infantSeparationFactor, lifeExpectancy } from './life-table.js';
export { graduateGroups } from './graduate.js';
export { DEFAULT_PRIOR_STRENGTH, shrunkLevel, shrunkSexRatio, type LocalLevel } from './local-level.js';
export { scenarioTfr, type FertilityScenario } from './fertility-scenarios.js';
export type { RecordedBirths, RecordedDeaths, Exposure } from './regional-levels.js';
export * from './regional-inputs.js';
export * from './summary.js';
