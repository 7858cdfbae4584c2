export interface EmulatorHandle {
	/** e.g. http://127.0.0.1:41234/v1 — API host (public, private and OAuth endpoints). */
	apiUrl: string;
	/** e.g. http://127.0.0.1:41235/v1 — invitations host. */
	invitationsUrl: string;
	apiOrigin: string;
	invitationsOrigin: string;
	/** Admin API root on the API host, e.g. http://127.0.0.1:41234/__emulator */
	adminUrl: string;
	pid: number;
	/** Sends SIGTERM and resolves once the child process has exited. */
	stop(): Promise<void>;
}

export interface StartEmulatorOptions {
	/** Extra CLI flags, e.g. ['--api-key', 'k', '--verbose']. */
	args?: string[];
}

export declare function startEmulator(options?: StartEmulatorOptions): Promise<EmulatorHandle>;
/** The emulator variants of this jest run (`npm run test:variants` sets one per run). */
export function activeVariants(): string[];
