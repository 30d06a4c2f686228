export * from './kinds.js';
export * from './proposal.js';
export * from './visits.js';
export * from './family-size.js';
