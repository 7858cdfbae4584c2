// Engine-level tests: real n8n-core workflows over loopback HTTP to the emulator.
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	transform: {
		// isolatedModules: type errors are checked by `npm run typecheck`, not on every jest run.
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.jest.json' }],
	},
	setupFiles: ['<rootDir>/test/setup/env.cjs'],
	testTimeout: 30000,
	// Fail loudly instead of "passing" when a pattern matches nothing.
	passWithNoTests: false,
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/test/setup/summaryReporter.cjs'],
};
