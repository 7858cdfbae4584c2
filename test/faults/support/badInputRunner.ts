import * as crypto from 'crypto';
import type { IDataObject, IPairedItemData } from 'n8n-workflow';

import { callApi } from '../../harness/emulatorClient';
import type { EmulatorFixture, TestCredential } from '../../harness/fixtures';
import { inputsOf, type BadInputCase, type World } from './badInputCases';
import { runTrustpilot } from './nodeRuns';

/** A BGL link built with plain node:crypto (AES-256-CBC + HMAC-SHA256), not with node code. */
function bglLink(domain: string, encryptKey: string, authKey: string): string {
	const iv = crypto.randomBytes(16);
	const cipher = crypto.createCipheriv('aes-256-cbc', Buffer.from(encryptKey, 'base64'), iv);
	const plaintext = JSON.stringify({ email: 'a@mail.example.net', name: 'Ærø', ref: 'ORDER-BGL' });
	const encrypted = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]);
	const mac = crypto
		.createHmac('sha256', Buffer.from(authKey, 'base64'))
		.update(encrypted)
		.digest();
	const payload = encodeURIComponent(Buffer.concat([encrypted, mac]).toString('base64'));
	return `https://www.trustpilot.com/evaluate-bgl/${domain}?p=${payload}`;
}

export async function buildWorld(fixture: EmulatorFixture): Promise<World> {
	const info = await fixture.client.info();
	const reviews = await callApi<{ reviews: IDataObject[] }>(
		`${fixture.handle.apiUrl}/business-units/${info.mainBusinessUnit.id}/reviews?perPage=1`,
		{
			headers: { apikey: info.account.apiKey },
		},
	);
	const review = reviews.json.reviews[0];
	const product = await fixture.client.addProductReviews({
		businessUnitId: info.mainBusinessUnit.id,
		sku: info.skus[0],
		count: 1,
	});
	const conversation = (await fixture.client.state()).conversations.find(
		(candidate) =>
			candidate.businessUnitId === info.mainBusinessUnit.id &&
			(candidate.comments as IDataObject[]).length > 0,
	)!;
	return {
		mainId: info.mainBusinessUnit.id,
		reviewId: String(review.id),
		consumerId: String((review.consumer as IDataObject).id),
		productReviewId: String(product.productReviews[0].id),
		conversationId: String(conversation.id),
		commentId: String((conversation.comments as IDataObject[])[0].commentId),
		sku: info.skus[0],
		bglLink: bglLink(info.bgl.domain, info.bgl.encryptKey, info.bgl.authKey),
	};
}

export interface BadInputFinding {
	case: string;
	why: string;
	/** The field is named in the error message itself (not only in the details). */
	namedInMessage: boolean;
	/** API requests the bad value caused (0 = rejected before sending). */
	requests: number;
}

const textOf = (json: IDataObject) => `${String(json.error ?? '')}\n${String(json.details ?? '')}`;

/**
 * Runs one case twice over: all items at once with continueOnFail (good items must go through,
 * each bad one must become an error item naming the field), then each bad value alone without
 * it (the run must stop with an error naming the field; the request count tells whether the
 * value was caught before sending). Returns problems (empty = pass) and what was observed.
 */
export async function checkCase(
	fixture: EmulatorFixture,
	credential: TestCredential,
	testCase: BadInputCase,
	world: World,
	type = 'trustpilot',
): Promise<{ problems: string[]; findings: BadInputFinding[] }> {
	const problems: string[] = [];
	const findings: BadInputFinding[] = [];
	const inputs = inputsOf(testCase, world);
	const parameters = testCase.parameters(world);
	const all = await runTrustpilot(fixture, credential, parameters, {
		input: inputs,
		continueOnFail: true,
		type,
	});
	if (all.error) problems.push(`continueOnFail run stopped: ${all.error.message}`);
	// Output items by the input item they belong to (a list may give a good item 0 or n items).
	const byInput = inputs.map((_input, index) =>
		all.result.output
			.filter((item) => (item.pairedItem as IPairedItemData).item === index)
			.map((item) => item.json),
	);
	for (const index of [0, inputs.length - 1]) {
		const failed = byInput[index].find((json) => json.error !== undefined);
		if (failed) problems.push(`good item ${index + 1} failed: ${textOf(failed)}`);
	}
	testCase.bad.forEach((bad, position) => {
		const produced = byInput[position + 1];
		if (produced.length !== 1 || produced[0].error === undefined)
			problems.push(
				`${bad.why}: expected one error item with continueOnFail, got ${produced.length} item(s) without error`,
			);
		else if (!bad.field.test(textOf(produced[0])))
			problems.push(
				`${bad.why}: error does not name the field: ${textOf(produced[0]).slice(0, 200)}`,
			);
	});

	for (const bad of testCase.bad) {
		const alone = await runTrustpilot(fixture, credential, parameters, {
			input: [{ v: bad.value as IDataObject[string] }],
			type,
		});
		const message = alone.error?.message ?? '';
		const description = String(
			(alone.error as { description?: unknown } | undefined)?.description ?? '',
		);
		if (!alone.error)
			problems.push(`${bad.why}: accepted without continueOnFail (${alone.items.length} items)`);
		else if (!bad.field.test(`${message}\n${description}`))
			problems.push(`${bad.why}: run error does not name the field: ${message.slice(0, 200)}`);
		findings.push({
			case: testCase.name,
			why: bad.why,
			namedInMessage: bad.field.test(message),
			requests: alone.requests.length,
		});
	}
	return { problems, findings };
}
