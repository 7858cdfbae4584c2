// Engine-level tests: real n8n-core workflows over loopback HTTP to the emulator.
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	// The fault-injection suite has its own command (npm run test:faults); e2e runs against a real n8n.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/faults/', '<rootDir>/test/e2e/'],
	transform: {
		// isolatedModules: type errors are checked by `npm run typecheck`, not on every jest run.
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.jest.json' }],
	},
	setupFiles: ['<rootDir>/test/setup/env.cjs'],
	// Records every workflow run so the secret-hygiene reporter can scan outputs, errors and logs.
	setupFilesAfterEnv: ['<rootDir>/test/harness/hygiene/setup.cjs'],
	testTimeout: 30000,
	// Fail loudly instead of "passing" when a pattern matches nothing.
	passWithNoTests: false,
	maxWorkers: 2,
	reporters: [
		'default',
		'<rootDir>/test/setup/summaryReporter.cjs',
		['<rootDir>/test/harness/hygiene/reporter.cjs', { suite: 'main' }],
	],
};
