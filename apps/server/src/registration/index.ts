// The registration module's public surface: what other server modules use (see .dependency-cruiser.cjs).
export { REGISTRATION_READERS } from './roles.js';
