import { IdParam, XlsxFile } from './common.js';
import { route } from './route.js';
import * as C from './institution-awards.js';

// Awards and subsidies paid to childcare institutions (issue 14). A cycle is started as any
// other (POST /api/payment-cycles); these read who is eligible and what was paid, with traces.
export const institutionAwardRoutes = {
  institutionAwards: route({
    method: 'GET',
    path: '/api/institution-awards',
    query: C.InstitutionAwardQuery,
    response: C.InstitutionAwardPreview,
  }),
  institutionPayments: route({
    method: 'GET',
    path: '/api/payment-batches/:id/institution-payments',
    params: IdParam,
    response: C.InstitutionPaymentList,
  }),
  institutionPaymentsExport: route({
    method: 'GET',
    path: '/api/payment-batches/:id/institution-payments.xlsx',
    params: IdParam,
    response: XlsxFile,
  }),
};
