// Types for the parts of talisman (untyped, CommonJS) used by the linkage module.
declare module 'talisman/phonetics/double-metaphone' {
  const doubleMetaphone: (word: string) => [string, string];
  export default doubleMetaphone;
}
