export * from './id-check.js';
