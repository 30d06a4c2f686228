export * from './uscc.js';
export * from './kinds.js';
export * from './classes.js';
export * from './deadlines.js';
export * from './filing-check.js';
export * from './checklists.js';
export * from './supervision.js';
export * from './area-owners.js';
