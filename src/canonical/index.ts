export { Credentials, Customer, CustomerGroup, Gender, PasswordHash, TaxIds } from './customer.js';
export { Address, AdministrativeArea } from './address.js';
export { CountryCode, isCountryCode, PersonName } from './primitives.js';
