import { IdParam } from './common.js';
import { NoContent, route } from './route.js';
import { RegionChildren, RegionCodeParam } from './regions.js';
import { Type } from 'typebox';
import * as R from './registration.js';
import * as N from './bundle.js';
import * as P from './portal.js';
import { NotificationList } from './notifications.js';
import { PublicInstitutionList, PublicInstitutionQuery } from './childcare.js';

// Every route the resident portal (/m) calls; see routes.ts for the staff console's.
export const portalRoutes = {
  requestCode: route({ method: 'POST', path: '/api/portal/code', body: P.CodeRequest, response: NoContent }),
  signIn: route({ method: 'POST', path: '/api/portal/sign-in', body: P.SignInBody, response: P.ResidentMe }),
  me: route({ method: 'GET', path: '/api/portal/me', response: P.ResidentMe }),
  signOut: route({ method: 'POST', path: '/api/portal/sign-out', response: NoContent }),
  bind: route({ method: 'POST', path: '/api/portal/binding', body: P.BindingBody, response: P.ResidentMe }),
  notifications: route({ method: 'GET', path: '/api/portal/notifications', response: NotificationList }),
  markRead: route({ method: 'POST', path: '/api/portal/notifications/:id/read', params: IdParam, response: NoContent }),
  benefits: route({ method: 'GET', path: '/api/portal/benefits', response: P.FamilyEligibility }),
  regionChildren: route({
    method: 'GET',
    path: '/api/regions/:code/children',
    params: RegionCodeParam,
    response: RegionChildren,
  }),
  prefill: route({
    method: 'GET',
    path: '/api/portal/childbirth-registrations/prefill',
    response: R.ChildbirthPrefill,
  }),
  submitRegistration: route({
    method: 'POST',
    path: '/api/portal/childbirth-registrations',
    body: R.ChildbirthRegistrationBody,
    response: R.PortalRegistrationDetail,
  }),
  registrations: route({
    method: 'GET',
    path: '/api/portal/childbirth-registrations',
    response: Type.Array(R.RegistrationSummary),
  }),
  registration: route({
    method: 'GET',
    path: '/api/portal/childbirth-registrations/:id',
    params: IdParam,
    response: R.PortalRegistrationDetail,
  }),
  reply: route({
    method: 'POST',
    path: '/api/portal/childbirth-registrations/:id/reply',
    params: IdParam,
    body: R.MessageBody,
    response: R.PortalRegistrationDetail,
  }),
  verifyReceipt: route({
    method: 'GET',
    path: '/api/receipts/verify/*',
    params: R.VerifyParams,
    response: R.ReceiptVerification,
  }),
  submitBundle: route({
    method: 'POST',
    path: '/api/portal/newborn-bundles',
    body: N.NewbornBundleBody,
    response: N.NewbornBundle,
  }),
  bundles: route({ method: 'GET', path: '/api/portal/newborn-bundles', response: Type.Array(N.NewbornBundleSummary) }),
  bundle: route({ method: 'GET', path: '/api/portal/newborn-bundles/:id', params: IdParam, response: N.NewbornBundle }),
  correctBundle: route({
    method: 'POST',
    path: '/api/portal/newborn-bundles/:id/corrections',
    params: IdParam,
    body: N.CorrectionBody,
    response: N.NewbornBundle,
  }),
  // 信息公示 (issue 14): filed childcare institutions, no sign-in.
  childcareInstitutions: route({
    method: 'GET',
    path: '/api/portal/childcare-institutions',
    query: PublicInstitutionQuery,
    response: PublicInstitutionList,
  }),
};
