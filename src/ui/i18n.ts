// The pages' way to the one i18n helper (src/shared/i18n.ts, which the content script and the
// background use too): t(), tn(), and Intl formatting in the user's language.
export * from '../shared/i18n';
