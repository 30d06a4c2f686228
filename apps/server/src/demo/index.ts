// The demo module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { DEMO_FAMILY_PHONE, ensureDemoFamily } from './family.js';
export { loadDemoPopulation } from './load.js';
export { addDemoDeaths } from './deaths.js';
export { mulberry32 } from './prng.js';
export { DEMO_PASSWORD, demoUsers } from './users.js';
