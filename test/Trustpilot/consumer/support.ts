// Setup shared by the Consumer test files: the file's emulator (read-only, so never reset) and a
// runner for one consumer operation with an API-key credential (all of it is public).
import type { IDataObject } from 'n8n-workflow';

import { errorOf, publicResourceRunner } from '../../harness/operationRunner';
import { useReadOnlyEmulator, type ReadOnlyEnv } from '../../harness/readOnlyEmulator';

/** Starts this file's emulator; every operation here only reads, so one seeded state serves the file. */
export function useConsumerEmulator(): ReadOnlyEnv {
	return useReadOnlyEmulator();
}

export const runConsumer = publicResourceRunner('consumer');

export { errorOf };

export interface ProlificReviewer {
	email: string;
	/** Set before the file's first test. */
	consumerId: string;
	/** The business unit of the 30 one-star reviews. */
	secondBusinessUnitId: string;
}

/**
 * Before the file's first test, adds a prolific reviewer: 100 five-star English reviews of the
 * main company and 30 one-star Danish reviews of the second one, so lists span two pages of 100.
 */
export function seedProlificReviewer(env: ReadOnlyEnv): ProlificReviewer {
	const reviewer = { email: 'prolific.reviewer@mail.example.net' } as ProlificReviewer;
	beforeAll(async () => {
		const { info, emulator } = env;
		reviewer.secondBusinessUnitId = info.businessUnits.find(
			(unit) => unit.id !== info.mainBusinessUnit.id,
		)!.id;
		const first = await emulator.client.addReviews({
			businessUnitId: info.mainBusinessUnit.id,
			email: reviewer.email,
			count: 100,
			stars: 5,
			language: 'en',
		});
		await emulator.client.addReviews({
			businessUnitId: reviewer.secondBusinessUnitId,
			email: reviewer.email,
			count: 30,
			stars: 1,
			language: 'da',
		});
		reviewer.consumerId = String((first.reviews[0].consumer as IDataObject).id);
	});
	return reviewer;
}
