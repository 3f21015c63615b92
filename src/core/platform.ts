import { z } from 'zod';
import { Customer } from '../canonical/customer.js';
import { declareCredentialNames, type CredentialNames } from './credentials.js';
import { DecodeState, EncodeState, NO_OPTIONS, decodeObject, encodeObject, type RunOptions } from './engine.js';
import type { Table } from './mapping.js';
import type { ResidueBags } from './residue.js';
import { callParts, takesOption, type CallSpec, type Part } from './requests.js';

export type { RequestOptions } from './requests.js';

/** One read payload shape of a platform (single record, list page...) and how to get its records out. */
export interface PayloadShape {
  readonly name: string;
  readonly schema: z.ZodType;
  /** Whether `payload` is meant to be this shape (checked before validating it). */
  readonly matches: (payload: Record<string, unknown>) => boolean;
  readonly records: (payload: any) => unknown[];
}

/**
 * The body a platform's API answers with on failure (4xx/5xx). Recognised so that such a body is
 * reported as what it is instead of as a record with missing fields. The schema must accept only
 * the documented keys (a strict object), so that no record or read payload of the platform matches.
 */
export interface ErrorBodyShape {
  /** The documented shape, for docs. */
  readonly name: string;
  readonly schema: z.ZodType;
  /** The API's own message texts in the body (never fields that can hold submitted values). */
  readonly messages: (body: any) => string[];
}

/** The request body for one API operation, declared as data (see core/requests). */
export interface BodyRequestSpec<S extends z.ZodType = z.ZodType> {
  /** The body's schema: what `toRequest` returns is typed by it (`RequestOf`). */
  readonly schema: S;
  /** What fills each body key, and why each record key left out is left out: the body and its losses both read it. */
  readonly body: readonly Part[];
  readonly note: string;
}

/**
 * An operation the API takes as several calls, in order (a customer, then each address on its own
 * route): `toRequest` answers the list of calls `{ method, path, body }` instead of one body.
 */
export interface CallsRequestSpec {
  readonly calls: readonly CallSpec[];
  readonly note: string;
}

export type RequestSpec = BodyRequestSpec | CallsRequestSpec;

/** A request declaration as the platform carries it: its parts (of all its calls) and whether it takes a password. */
export type RequestShape<Q extends RequestSpec = RequestSpec> = {
  /** Every part of the request (of all its calls), for its losses and docs. */
  readonly body: readonly Part[];
  readonly note: string;
  /** Whether the body can carry a plain-text password (a part fills a key from the `password` option). */
  readonly acceptsPassword: boolean;
} & (Q extends BodyRequestSpec<infer S>
  ? { readonly schema: S; readonly calls?: undefined }
  : { readonly calls: readonly CallSpec[]; readonly schema?: undefined });

export type Operation = 'create' | 'update';

/** A platform's request declarations, one per operation. */
export type RequestSpecs = { readonly [O in Operation]: RequestSpec };

/** The address fields a target shop requires beyond its record schema, and why (see `PlatformSpec.requiredAddressFields`). */
export interface RequiredAddressFields {
  readonly fields: readonly string[];
  /** Said in the message, e.g. "as a standard install does". */
  readonly why: string;
}

/** A value of the target shop a record needs and no other platform has: the caller gives it in `defaults`. */
export interface ShopValue {
  readonly key: string;
  readonly note: string;
  /** A value of a standard install, for docs, examples and tests. */
  readonly example: unknown;
}

export interface PlatformSpec<Id extends string, R extends z.ZodObject<any>, Q extends RequestSpecs = RequestSpecs> {
  readonly id: Id;
  readonly label: string;
  /** Where the shape comes from, for docs. */
  readonly source: string;
  readonly record: R;
  /** The root table (the customer level); nested tables are reached through its custom rules. */
  readonly customer: Table;
  /** Every table of the platform, root first: for the completeness check and the docs. */
  readonly tables: readonly Table[];
  readonly payloads: readonly PayloadShape[];
  /** The API's error body, where documented. */
  readonly errorBody?: ErrorBodyShape;
  readonly requests: Q;
  /** Decisions taken where the reference marks a fact as unverified, printed in the docs. */
  readonly decisions: readonly string[];
  /** This platform's conversion options (lookup tables, limits): a strict object schema, all keys optional. */
  readonly options?: z.ZodObject<any>;
  /** Free metadata bags the platform writes verbatim: values other targets cannot hold travel there. */
  readonly residue?: ResidueBags;
  /** Record keys the caller must give (`defaults`) when converting to this platform: no other platform holds them. */
  readonly shopValues?: readonly ShopValue[];
  /**
   * The address fields the target shop requires beyond the record schema, from this platform's
   * (validated) options, where shops configure it (Magento: telephone, company, fax), and why (for
   * the message: the option that said so, or the default it follows). An address lacking one
   * is refused like any address the target cannot hold. Records may lack them: decoding never asks.
   */
  readonly requiredAddressFields?: (options: Readonly<Record<string, unknown>>) => RequiredAddressFields;
  /** Credential keys of this platform beyond the generic rule (core/credentials): secrets in every record, of any platform. */
  readonly credentialNames?: CredentialNames;
}

export interface Platform<Id extends string = string, R extends z.ZodObject<any> = z.ZodObject<any>, Q extends RequestSpecs = RequestSpecs>
  extends Omit<PlatformSpec<Id, R, Q>, 'requests'> {
  readonly requests: { readonly [O in Operation]: RequestShape<Q[O]> };
  readonly options: z.ZodObject<any>;
  decodeRecord(record: z.output<R>, options?: RunOptions): { customer: Customer; state: DecodeState };
  encodeCustomer(customer: Customer, options?: RunOptions): { record: Record<string, unknown>; state: EncodeState };
}

export function definePlatform<const Id extends string, R extends z.ZodObject<any>, const Q extends RequestSpecs>(
  spec: PlatformSpec<Id, R, Q>,
): Platform<Id, R, Q> {
  declareCredentialNames(spec.credentialNames);
  const decodeRecord = (record: z.output<R>, options: RunOptions = NO_OPTIONS) => {
    const state = new DecodeState(spec.id, options);
    const customer = decodeObject(spec.customer, record as Record<string, unknown>, state) as Customer;
    return { customer, state };
  };
  const encodeCustomer = (customer: Customer, options: RunOptions = NO_OPTIONS) => {
    const state = new EncodeState(spec.id, options);
    const record = encodeObject(spec.customer, customer as Record<string, unknown>, state);
    return { record, state };
  };
  const request = (r: RequestSpec): RequestShape => {
    if ('calls' in r) {
      const body = callParts(r.calls);
      return { calls: r.calls, note: r.note, body, acceptsPassword: takesOption(body, 'password') };
    }
    return { ...r, acceptsPassword: takesOption(r.body, 'password') };
  };
  const requests = { create: request(spec.requests.create), update: request(spec.requests.update) } as Platform<Id, R, Q>['requests'];
  return { ...spec, requests, options: spec.options ?? z.strictObject({}), decodeRecord, encodeCustomer };
}
