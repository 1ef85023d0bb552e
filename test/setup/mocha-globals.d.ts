// Tests run under mocha inside @web/test-runner: describe/it/before/after are globals.
// tsconfig.json has "types": [], so the mocha globals are pulled in here, for test/ only in spirit
// (a triple-slash reference is program-wide; src/ must not use them — eslint checks that).
/// <reference types="mocha" />
