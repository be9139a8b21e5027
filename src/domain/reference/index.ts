/** Reference data of the domain, each fact with its source. */
export { referenceData, type CodeLabel, type ReferenceData } from './for-ui';
export * from './events';
export * from './indicators';
export * from './labels';
export * from './labour-programs';
export * from './palermo';
export * from './polaris';
export * from './purposes';
export * from './tlp';
export { COUNTRIES, COUNTRY_SOURCE } from './countries';
export { CURRENCY_MINOR_UNITS, CURRENCY_SOURCE } from './currencies';
