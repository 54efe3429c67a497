import type { Config } from 'jest';

// swc compiles TypeScript fast; type checking is `npm run typecheck` (part of `npm test`).
const transform: Config['transform'] = {
  '^.+\\.(t|j)sx?$|^.+\\.mjs$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
    },
  ],
};
const base = {
  transform,
  // jose ships ESM only: let swc turn it into CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

const config: Config = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/shared/**/*.test.ts',
        '<rootDir>/functions/**/*.test.ts',
        '<rootDir>/tests/unit/**/*.test.ts',
      ],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'infra',
      testMatch: ['<rootDir>/infra/**/*.test.ts'],
    },
  ],
};

export default config;
