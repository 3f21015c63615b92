export { Customer, CustomerGroup, Gender, TaxIds } from './customer.js';
export { Address, AdministrativeArea } from './address.js';
export { CountryCode, isCountryCode, PersonName } from './primitives.js';
