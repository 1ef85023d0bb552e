/** Kept equal to package.json's version (a test checks it); named in duplicate-definition warnings. */
export const VERSION = '0.1.0';
