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
    // office-addin-mock → office-addin-manifest pulls ESM-only uuid and strip-bom.
    '^uuid$': '<rootDir>/test/shims/uuid.js',
    '^strip-bom$': '<rootDir>/test/shims/strip-bom.js',
  },
};
