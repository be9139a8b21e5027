// Types for the parts of talisman (published without types) that the domain uses.
declare module 'talisman/phonetics/double-metaphone' {
  /** [primary, secondary] codes, at most four characters each, upper case */
  export default function doubleMetaphone(word: string): [string, string];
}
