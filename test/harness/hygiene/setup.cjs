'use strict';
// Secret hygiene, part 2 of 3 (jest `setupFilesAfterEnv`): records every log line n8n's engine
// writes during a test file, and everything printed to the console. n8n logs through n8n-workflow's LoggerProxy; whoever initialises it
// (n8n's own Logger does so when first created) gets a tee that also feeds the recorder.
const { recordRun } = require('./runRecorder.cjs');

if (process.env.TRUSTPILOT_HYGIENE_DIR) {
	const { LoggerProxy } = require('n8n-workflow');
	const lines = [];
	const levels = ['error', 'warn', 'info', 'debug'];
	const tee = (logger) => {
		const wrapped = {};
		for (const level of levels) {
			wrapped[level] = (message, meta) => {
				lines.push({ level, message, meta });
				if (logger && typeof logger[level] === 'function') logger[level](message, meta);
			};
		}
		return wrapped;
	};
	const originalInit = LoggerProxy.init;
	originalInit(tee(undefined));
	LoggerProxy.init = (logger) => originalInit(tee(logger));

	// Whatever the tests and the code under test print (jest may print it unbuffered).
	const printed = [];
	for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
		const original = console[method].bind(console);
		console[method] = (...args) => {
			printed.push({ method, args });
			original(...args);
		};
	}

	const flush = () => {
		if (lines.length > 0) recordRun('log', lines.splice(0));
		if (printed.length > 0) recordRun('console', printed.splice(0));
	};
	afterEach(flush);
	afterAll(flush);
}
