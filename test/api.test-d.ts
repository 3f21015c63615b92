import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  codecOf, schemaOf, type CodecOf, type RequestCall,
  convert, decode, encode, requestLosses, requiredDefaults, safeConvert, type RequiredDefault, toRequest, unwrap, type Customer, type Issue, type Loss, type PhoneMode, type PlatformId, type RecordOf, type RequestOf, type Result, type SafeResult,
} from '../src/index.js';

describe('public API types', () => {
  it('names the five platforms', () => {
    expectTypeOf<PlatformId>().toEqualTypeOf<'magento' | 'medusa' | 'v4' | 'enterprise-v1' | 'medusa-v2'>();
  });

  it('decode gives a canonical customer with losses', () => {
    expectTypeOf(decode('magento', {})).toEqualTypeOf<Result<Customer>>();
    expectTypeOf(decode('magento', {}).losses).toEqualTypeOf<Loss[]>();
  });

  it('encode and convert give the target record type', () => {
    expectTypeOf(encode('magento', {}).data.website_id).toEqualTypeOf<number>();
    expectTypeOf(encode('magento', {}).data).toEqualTypeOf<RecordOf<'magento'>>();
    expectTypeOf(convert({}, { from: 'magento', to: 'medusa' }).data).toEqualTypeOf<RecordOf<'medusa'>>();
    expectTypeOf(safeConvert({}, { from: 'v4', to: 'enterprise-v1' })).toEqualTypeOf<SafeResult<RecordOf<'enterprise-v1'>>>();
  });

  it('requiredDefaults takes two platform ids and names target keys', () => {
    expectTypeOf(requiredDefaults).parameters.toEqualTypeOf<[PlatformId, PlatformId]>();
    expectTypeOf(requiredDefaults('magento', 'enterprise-v1')).toEqualTypeOf<readonly RequiredDefault[]>();
    expectTypeOf<RequiredDefault['key']>().toEqualTypeOf<string>();
    expectTypeOf<RequiredDefault['example']>().toEqualTypeOf<unknown>();
    // @ts-expect-error: not a platform id
    requiredDefaults('shopify', 'magento');
  });

  it('deriveNames is a boolean option; a derived loss may name its target field', () => {
    convert({}, { from: 'medusa', to: 'magento', deriveNames: false });
    // @ts-expect-error: a boolean
    convert({}, { from: 'medusa', to: 'magento', deriveNames: 'no' });
    expectTypeOf<Loss['target']>().toEqualTypeOf<(string | number)[] | undefined>();
  });

  it('defaults are typed by the target record', () => {
    encode('magento', {}, { defaults: { website_id: 1 } });
    // @ts-expect-error: website_id is a number in Magento records
    encode('magento', {}, { defaults: { website_id: '1' } });
  });

  it('phones are as written or E.164, on decode, encode and convert', () => {
    expectTypeOf<PhoneMode>().toEqualTypeOf<'as-written' | 'e164'>();
    decode('magento', {}, { phones: 'e164' });
    encode('medusa', {}, { phones: 'as-written' });
    convert({}, { from: 'magento', to: 'medusa', phones: 'e164' });
    // @ts-expect-error: E.164 is spelled 'e164'
    convert({}, { from: 'magento', to: 'medusa', phones: 'E.164' });
  });

  it('rejects unknown platforms and operations at compile time', () => {
    // @ts-expect-error: 'shopify' is not a platform id
    decode('shopify', {});
    // @ts-expect-error: only create and update bodies exist
    toRequest('magento', 'delete', {});
    expectTypeOf(unwrap('v4', {})).toEqualTypeOf<unknown[]>();
  });

  it('requestLosses gives the losses convert gives, for the operations toRequest takes', () => {
    expectTypeOf(requestLosses('magento', 'create', {})).toEqualTypeOf<Loss[]>();
    expectTypeOf(requestLosses).parameters.toEqualTypeOf<Parameters<typeof toRequest>>();
    // @ts-expect-error: only create and update bodies exist
    requestLosses('v4', 'delete', {});
    // @ts-expect-error: a password is text
    requestLosses('medusa', 'create', {}, { password: 42 });
  });

  it('toRequest is typed by the platform and operation, from the request schema each platform declares', () => {
    expectTypeOf(toRequest('magento', 'create', {})).toEqualTypeOf<RequestOf<'magento', 'create'>>();
    expectTypeOf(toRequest('magento', 'create', {}).customer.email).toEqualTypeOf<string>();
    expectTypeOf(toRequest('magento', 'create', {}).password).toEqualTypeOf<string | undefined>();
    expectTypeOf(toRequest('magento', 'update', {}).passwordHash).toEqualTypeOf<string | undefined>();
    expectTypeOf(toRequest('v4', 'create', {}).customer).not.toBeUnknown();
    // @ts-expect-error a Magento create body takes no password hash: only the update body does
    void toRequest('magento', 'create', {}).passwordHash;
    // @ts-expect-error a Medusa body is not wrapped in `customer`
    void toRequest('medusa', 'update', {}).customer;
    // Every platform and operation has a body type, none of them unknown or any.
    expectTypeOf<RequestOf<PlatformId, 'create' | 'update'>>().not.toBeAny();
    expectTypeOf<RequestOf<'enterprise-v1', 'update'>>().not.toBeUnknown();
    // unwrap stays unknown[]: it checks the envelope, not the records (see its doc comment).
    expectTypeOf(unwrap('magento', {})).toEqualTypeOf<unknown[]>();
  });

  it('issues and losses are plain data', () => {
    expectTypeOf<Issue['path']>().toEqualTypeOf<(string | number)[]>();
    expectTypeOf<Loss['code']>().toBeString();
  });

  it('codecOf is typed by its platform: the record on one side, the canonical customer on the other', () => {
    expectTypeOf(codecOf('medusa')).toEqualTypeOf<CodecOf<'medusa'>>();
    expectTypeOf<z.input<CodecOf<'magento'>>>().toEqualTypeOf<RecordOf<'magento'>>();
    expectTypeOf<z.output<CodecOf<'magento'>>>().toEqualTypeOf<Customer>();
    expectTypeOf<RecordOf<'v4'>>().toExtend<z.output<ReturnType<typeof schemaOf<'v4'>>>>();
  });

  it('records are typed by their documented fields: typos in fields and defaults do not type-check', () => {
    const medusa = convert({}, { from: 'magento', to: 'medusa' }).data;
    expectTypeOf(medusa.first_name).toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error Medusa has no `firstname`: that is Magento's spelling
    void medusa.firstname;
    // @ts-expect-error the Open Food Network field is `enterprise_id`
    convert({}, { from: 'magento', to: 'enterprise-v1', defaults: { enterpriseId: 42 } });
    expectTypeOf(convert({}, { from: 'magento', to: 'enterprise-v1', defaults: { enterprise_id: 42 } }).data.enterprise_id).toEqualTypeOf<number>();
  });

  it('names the calls of a request made of several (RequestCall): route and body, no `any`', () => {
    expectTypeOf<RequestCall>().toEqualTypeOf<{ readonly method: string; readonly path: string; readonly body: Record<string, unknown> }>();
    // A platform whose declaration lists calls gets them typed (RequestOf reads the declaration); one that declares a body schema gets its body.
    expectTypeOf(toRequest('medusa-v2', 'create', {})).toEqualTypeOf<RequestCall[]>();
    expectTypeOf<RequestOf<'medusa-v2', 'update'>>().toEqualTypeOf<RequestCall[]>();
    expectTypeOf(toRequest('medusa', 'update', {})).not.toEqualTypeOf<RequestCall[]>();
  });
});
