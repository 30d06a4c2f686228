import { defineErrors } from '../errors.js';

export const registryError = defineErrors({
  'registry.personNotFound': {
    status: 404,
    message: { zh: '找不到该人员，或其不在您的辖区内', en: 'Person not found, or not in your jurisdiction' },
  },
  'registry.invalidIdNumber': {
    status: 400,
    message: { zh: '公民身份号码格式不正确', en: 'The ID number is not valid' },
  },
  'registry.regionOutsideJurisdiction': {
    status: 403,
    message: { zh: '所选区划不在您的辖区内', en: 'The selected region is outside your jurisdiction' },
  },
  'registry.readOnly': {
    status: 403,
    message: { zh: '只读角色不能查看完整号码', en: 'A read-only role may not reveal full ID numbers' },
  },
});
