// Character classes by code, for the classifier's hand-written readers (a code is what
// String.prototype.charCodeAt gives): one definition each, shared by the modules that scan text.

/** a–z. */
export function isLowerLetterCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** 0–9. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A–Z. */
export function isUpperLetterCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** a–z and 0–9: a lowercase word's letters and digits. */
export function isAlnumCode(c: number): boolean {
  return isLowerLetterCode(c) || isDigitCode(c);
}

/** A regexp word character ([A-Za-z0-9_]), as \b reads them. */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** JavaScript's \s above ASCII. */
export function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What a regexp's \s matches. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && isWideSpace(c));
}
