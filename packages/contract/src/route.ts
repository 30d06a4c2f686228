import { Type, type Static, type TSchema } from 'typebox';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One API route: where it is and the shapes it takes and answers (NoContent: 204, nothing). */
export interface RouteSpec {
  method: Method;
  path: string;
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  response: TSchema;
}

export const NoContent = Type.Null();

/** Keeps the literal types of a route's fields, so a caller's input and answer are typed. */
export const route = <const R extends RouteSpec>(r: R): R => r;

type Part<R, K extends 'params' | 'query' | 'body', Name extends string> =
  R extends Record<K, infer S extends TSchema> ? { [P in Name]: Static<S> } : { [P in Name]?: never };

/** What a caller gives a route: its path parameters, query and body, each only where the route has one. */
export type RouteInput<R extends RouteSpec> = Part<R, 'params', 'params'> &
  Part<R, 'query', 'query'> &
  Part<R, 'body', 'body'>;

/** What a route answers on success. */
export type RouteAnswer<R extends RouteSpec> = Static<R['response']>;
