// Setup shared by the product-review test files: the file's emulator, reset before every test
// (Reply and the conversation operations write), its seeded account, and a runner for the
// productReview resource that reads the emulator's request log.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, runOperation, type OperationRun } from '../../harness/operationRunner';
import { callApi, type EmulatorInfo, type JsonObject } from '../../harness/emulatorClient';
import {
	trustpilotCredential,
	useEmulator,
	type EmulatorFixture,
	type TestCredential,
} from '../../harness/fixtures';

export interface ProductReviewEnv {
	emulator: EmulatorFixture;
	info: EmulatorInfo;
	/** The main business unit of the seed. */
	buId: string;
	apiKeyOnly: TestCredential;
	clientCredentials: TestCredential;
}

/** Starts this file's emulator; before every test, reads the seeded account and builds both credentials. */
export function useProductReviewEmulator(): ProductReviewEnv {
	const env = { emulator: useEmulator() } as ProductReviewEnv;
	beforeEach(async () => {
		env.info = await env.emulator.client.info();
		env.buId = env.info.mainBusinessUnit.id;
		env.apiKeyOnly = await trustpilotCredential(env.emulator, 'apiKey');
		env.clientCredentials = await trustpilotCredential(env.emulator, 'clientCredentials');
	});
	return env;
}

export type Run = OperationRun;

/** Runs one productReview operation (Client Credentials unless told); the request log shows this run only. */
export async function run(
	env: ProductReviewEnv,
	operation: string,
	parameters: INodeParameters,
	options: { credential?: TestCredential; input?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<Run> {
	const credential = options.credential ?? env.clientCredentials;
	return await runOperation(
		env.emulator,
		credential,
		{ resource: 'productReview', operation, ...parameters },
		{ input: options.input, continueOnFail: options.continueOnFail },
	);
}

export { byId };
export const SCARF = 'SCARF-WOL-01'; // in the seeded catalogue, with no reviews yet

export async function addScarfReviews(
	env: ProductReviewEnv,
	extra: { count?: number; stars?: number; state?: string; email?: string; content?: string } = {},
) {
	const added = await env.emulator.client.addProductReviews({
		businessUnitId: env.buId,
		sku: SCARF,
		...extra,
	});
	return added.productReviews as IDataObject[];
}

/** Before every test: three published five-star, one two-star and two archived one-star Scarf reviews. */
export function seedSummaryReviews(env: ProductReviewEnv): void {
	beforeEach(async () => {
		await addScarfReviews(env, { count: 3, stars: 5 });
		await addScarfReviews(env, { count: 1, stars: 2 });
		await addScarfReviews(env, { count: 2, stars: 1, state: 'archived' });
	});
}

/** A published review the business has not answered yet (no conversation). */
export async function unansweredReview(env: ProductReviewEnv): Promise<IDataObject> {
	const [review] = await addScarfReviews(env, { stars: 2, content: 'Itchy wool.' });
	expect(review.conversationId).toBeNull();
	return review;
}

/** The product conversations the emulator stores now. */
export async function conversations(env: ProductReviewEnv): Promise<JsonObject[]> {
	return (await env.emulator.client.state()).conversations;
}

/** The catalogue link of a product. */
export async function productLink(env: ProductReviewEnv, sku: string): Promise<string> {
	const product = (await env.emulator.client.state()).products.find((entry) => entry.sku === sku);
	return String(product?.link);
}

/** A GET on the emulator's public API with the account's key (the expected values of a test). */
export async function publicApi(env: ProductReviewEnv, path: string): Promise<JsonObject> {
	const response = await callApi(`${env.emulator.handle.apiUrl}${path}`, {
		headers: { apikey: env.info.account.apiKey },
	});
	expect(response.status).toBe(200);
	return response.json;
}
