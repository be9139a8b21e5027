/**
 * ISO 4217 currency codes in use, with their minor units (digits after the decimal point).
 * Source: ISO 4217 list one, as published by SIX Financial Information, the maintenance
 * agency (https://www.six-group.com/en/products-services/financial-information/data-standards.html).
 */
export const CURRENCY_SOURCE =
  'ISO 4217 list one (SIX, maintenance agency: https://www.six-group.com/en/products-services/financial-information/data-standards.html)';

const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR = 'CLF UYW';
const TWO =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP ' +
  'GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL ' +
  'MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN ' +
  'QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD ' +
  'TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

const entries: [string, number][] = [];
for (const [list, digits] of [
  [ZERO, 0],
  [TWO, 2],
  [THREE, 3],
  [FOUR, 4],
] as const) {
  for (const code of list.split(' ')) entries.push([code, digits]);
}

/** currency code -> number of minor-unit digits */
export const CURRENCY_MINOR_UNITS: ReadonlyMap<string, number> = new Map(entries);
