import { portalRoutes as r, type NewbornBundleBody } from '@cradle/contract';
import { portal } from './client';

export const submitBundle = (body: NewbornBundleBody) => portal.call(r.submitBundle, { body });

/** Newest first. */
export const fetchMyBundles = (signal?: AbortSignal) => portal.call(r.bundles, {}, { signal });

export const fetchMyBundle = (id: number, signal?: AbortSignal) =>
  portal.call(r.bundle, { params: { id } }, { signal });

/** New values of only the fields the department returned; only its task goes back to it. */
export const correctBundle = (id: number, service: string, corrections: Record<string, string | null>) =>
  portal.call(r.correctBundle, { params: { id }, body: { service, corrections } });
