export { platforms, phoneModes, decode, safeDecode, encode, safeEncode, convert, safeConvert, unwrap, toRequest, requestLosses, codecOf, schemaOf, requiredDefaults } from './api.js';
export type { PlatformId, RecordOf, RequestOf, CodecOf, Result, SafeResult, DecodeOptions, EncodeOptions, ConvertOptions, PlatformOptions, PhoneMode, RequiredDefault } from './api.js';
export { ConversionError, UnknownPlatformError, InvalidOptionError } from './core/issues.js';
export type { Issue, IssueCode, Loss, LossCode } from './core/issues.js';
export type { Operation, RequestOptions } from './core/platform.js';
export type { RequestCall } from './core/requests.js';
export { Credentials, Customer, CustomerGroup, Gender, PasswordHash, TaxIds, Address, AdministrativeArea } from './canonical/index.js';
