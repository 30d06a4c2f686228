export * from './units.js';
export * from './key-tasks.js';
export * from './status.js';
export { WEIXI_KEY_TASKS } from './weixi-tasks.js';
export { WEIXI_PLAN } from './plan.js';
export * from './measures.js';
export { BAIYIN_MEASURES } from './baiyin-measures.js';
