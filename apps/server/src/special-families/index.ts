// The special-family module's public surface (see .dependency-cruiser.cjs).
export { flagOverdueVisits, OVERDUE_KIND, startDailyOverdueVisits } from './overdue.js';
