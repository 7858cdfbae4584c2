// `npm run test:faults`: the fault-injection suite (test/faults), kept out of `npm test` because it
// runs for minutes. Same engine harness as the main suite; its reporter also runs the secret-hygiene
// scan over everything the suite produced.
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.jest.json' }],
	},
	setupFiles: ['<rootDir>/test/setup/env.cjs'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/hygiene/setup.cjs'],
	// Long soak tests set their own timeouts; this catches a hang elsewhere.
	testTimeout: 120000,
	passWithNoTests: false,
	maxWorkers: 2,
	reporters: [
		'default',
		'<rootDir>/test/setup/summaryReporter.cjs',
		['<rootDir>/test/harness/hygiene/reporter.cjs', { suite: 'faults' }],
	],
};
