#!/usr/bin/env node
// Command line: node emulator/cli.mjs [--port P] [--host H] [--json] [--api-key K] [--api-secret S]
//   [--username U] [--password PW] [--domain D] [--quiet] [--verbose]
import { fstatSync } from 'node:fs';
import { startEmulator } from './lib/server.mjs';
import { info } from './lib/admin.mjs';
import { parseVariants, VARIANTS } from './lib/variants.mjs';
import { parseBudgetFlag } from './lib/budget.mjs';

const FLAGS_WITH_VALUE = {
	'--port': 'port',
	'--invitations-port': 'invitationsPort',
	'--host': 'host',
	'--api-key': 'apiKey',
	'--api-secret': 'apiSecret',
	'--username': 'username',
	'--password': 'password',
	'--domain': 'domain',
	'--variant': 'variant',
	'--budget': 'budget',
	'--budget-retry-after': 'budgetRetryAfter',
};
const BOOLEAN_FLAGS = {
	'--json': 'json',
	'--quiet': 'quiet',
	'--verbose': 'verbose',
	'--help': 'help',
};

function parseArgs(argv) {
	const options = {};
	for (let i = 0; i < argv.length; i += 1) {
		const [flag, inline] = argv[i].split(/=(.*)/s);
		if (FLAGS_WITH_VALUE[flag]) {
			const value = inline ?? argv[(i += 1)];
			if (value === undefined) throw new Error(`${flag} needs a value`);
			options[FLAGS_WITH_VALUE[flag]] = value;
		} else if (BOOLEAN_FLAGS[flag]) {
			options[BOOLEAN_FLAGS[flag]] = true;
		} else {
			throw new Error(`unknown option ${argv[i]}`);
		}
	}
	for (const key of ['port', 'invitationsPort']) {
		if (options[key] !== undefined) {
			const port = Number(options[key]);
			if (!Number.isInteger(port) || port < 0 || port > 65535)
				throw new Error(`--${key === 'port' ? 'port' : 'invitations-port'} must be 0..65535`);
			options[key] = port;
		}
	}
	if (options.variant !== undefined) {
		options.config = { variants: parseVariants(options.variant) };
		delete options.variant;
	}
	// Call budget (lib/budget.mjs): --budget documented | 833/300,10000/3600 [--budget-retry-after none|seconds|date]
	if (options.budget !== undefined) {
		try {
			options.config = {
				...options.config,
				budget: parseBudgetFlag(options.budget, options.budgetRetryAfter),
			};
		} catch (error) {
			throw new Error(`--budget: ${error.body?.message ?? error.message}`);
		}
		delete options.budget;
		delete options.budgetRetryAfter;
	}
	return options;
}

function banner(emulator) {
	const details = info(emulator.instance);
	const { account } = details;
	const lines = [
		'Trustpilot API emulator (local, not affiliated with Trustpilot)',
		`  API host:          ${emulator.apiUrl}`,
		`  Invitations host:  ${emulator.invitationsUrl}`,
		`  Admin API:         ${emulator.adminUrl}   (also on the invitations host)`,
		'',
		`  API key / secret:  ${account.apiKey} / ${account.apiSecret}`,
		`  Business user:     ${account.businessUser.email} / ${account.businessUser.password}  (id ${account.businessUser.id}, ${account.businessUser.role})`,
		`  2FA user:          ${account.twoFactorUser.email} / ${account.twoFactorUser.password}  (password grant refused)`,
		`  Reader user:       ${account.readerUser.email} / ${account.readerUser.password}  (cannot send invitations)`,
		`  Business unit:     ${details.mainBusinessUnit.id}  ${details.mainBusinessUnit.domain} ("${details.mainBusinessUnit.displayName}")`,
		`  BGL (${details.bgl.domain}): encrypt key ${details.bgl.encryptKey}`,
		`                     auth key    ${details.bgl.authKey}`,
		`  Other account:     ${details.otherAccount.apiKey} / ${details.otherAccount.apiSecret}`,
		'',
		'Ctrl+C stops it.',
	];
	return `${lines.join('\n')}\n`;
}

/** Exit when the parent closes our stdin pipe (e.g. a test runner that died), but not for TTYs or /dev/null. */
function stdinIsPipe() {
	try {
		const stats = fstatSync(0);
		return stats.isFIFO() || stats.isSocket();
	} catch {
		return false;
	}
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`emulator: ${error.message}\n`);
		process.exit(2);
	}
	if (options.help) {
		process.stdout.write(
			'Usage: node emulator/cli.mjs [--port 8787] [--host 127.0.0.1] [--json] [--api-key K] [--api-secret S] [--username U] [--password PW] [--domain D] [--variant a,b] [--budget documented|833/300,10000/3600] [--budget-retry-after none|seconds|date] [--quiet] [--verbose]\n',
		);
		process.stdout.write(
			`Variants:\n${Object.entries(VARIANTS)
				.map(([name, text]) => `  ${name}: ${text}`)
				.join('\n')}\n`,
		);
		return;
	}
	const emulator = await startEmulator({ ...options, port: options.port ?? 8787 });
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		emulator.close().then(() => process.exit(0));
		setTimeout(() => process.exit(0), 2000).unref();
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	if (stdinIsPipe()) {
		process.stdin.on('end', stop);
		process.stdin.on('close', stop);
		process.stdin.resume();
	}
	if (options.json) {
		const { apiUrl, invitationsUrl, apiOrigin, invitationsOrigin, adminUrl } = emulator;
		process.stdout.write(
			`${JSON.stringify({ ready: true, apiUrl, invitationsUrl, apiOrigin, invitationsOrigin, adminUrl })}\n`,
		);
	} else if (!options.quiet) {
		process.stdout.write(banner(emulator));
	}
}

main().catch((error) => {
	process.stderr.write(`emulator: failed to start: ${error.message}\n`);
	process.exit(1);
});
