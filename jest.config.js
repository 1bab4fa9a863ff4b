/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  moduleNameMapper: {
    // A dynamic import() names the file it loads as ESM wants it ('./legacy/readLegacy.js'); Jest finds the .ts.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // office-addin-mock → office-addin-manifest pulls ESM-only uuid and strip-bom.
    '^uuid$': '<rootDir>/test/shims/uuid.js',
    '^strip-bom$': '<rootDir>/test/shims/strip-bom.js',
  },
};
