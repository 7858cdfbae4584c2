// Small child-process and logging helpers shared by the install, instance and start scripts.
import { spawn } from 'node:child_process';

const startedAt = Date.now();

export function log(message) {
	const seconds = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(6);
	process.stdout.write(`[${seconds}s] ${message}\n`);
}

export function formatDuration(ms) {
	const seconds = Math.round(ms / 1000);
	return seconds < 60
		? `${seconds}s`
		: `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * Runs a command to completion. Output is captured (and returned) unless `echo` is set, in which
 * case it streams to our terminal so long installs show what they are doing. A non-zero exit
 * rejects with the tail of the output, so failures are readable without re-running.
 */
export function runCommand(
	command,
	args,
	{ cwd, env, echo = false, timeoutMs = 0, allowFailure = false } = {},
) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd,
			env: env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (echo) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
			if (echo) process.stderr.write(chunk);
		});
		let timedOut = false;
		const timer =
			timeoutMs > 0
				? setTimeout(() => {
						timedOut = true;
						child.kill('SIGKILL');
					}, timeoutMs)
				: undefined;
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const result = { code, signal, stdout, stderr };
			if ((code === 0 && !signal) || allowFailure) return resolve(result);
			const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n');
			reject(
				new Error(
					`${command} ${args.join(' ')} ${timedOut ? `did not finish within ${timeoutMs / 1000} s` : 'failed'} (${signal ?? `exit ${code}`}):\n${tail}`,
				),
			);
		});
	});
}

/** Calls `report()` every `everyMs` until the returned stop function runs: a heartbeat for long steps. */
export function startHeartbeat(report, everyMs = 10000) {
	const timer = setInterval(report, everyMs);
	return () => clearInterval(timer);
}

export function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
