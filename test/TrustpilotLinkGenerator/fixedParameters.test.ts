// The Link Generator reads parameters without expressions once per execution
// (nodes/TrustpilotLinkGenerator/fixedParameters.ts). These runs mix fixed fields with fields
// from expressions that differ per item and decrypt every link: nothing read once may leak from
// one item into another, and a bad fixed field still fails each item on its own.
import type { IDataObject } from 'n8n-workflow';

import { decryptBglPayload } from '../../nodes/TrustpilotLinkGenerator/bglCrypto';
import { runLinkGenerator, type BglKeys } from './helpers';
import { DERIVED_FULL } from './vectors';

const KEYS: BglKeys = {
	domain: 'shop.example.com',
	encryptKey: DERIVED_FULL.encryptKey,
	authKey: DERIVED_FULL.authKey,
};

function decrypted(url: unknown): { site: string; payload: IDataObject; iv: string } {
	const link = new URL(String(url));
	const p = link.searchParams.get('p') ?? '';
	return {
		site: link.hostname.split('.')[0],
		payload: JSON.parse(decryptBglPayload(p, KEYS.encryptKey, KEYS.authKey)) as IDataObject,
		iv: Buffer.from(p, 'base64').subarray(0, 16).toString('hex'),
	};
}

const people = (count: number) =>
	Array.from({ length: count }, (_value, index) => ({
		email: `person.${index}@example.org`,
		ref: `ORD-${index}`,
		tags: index % 2 === 0 ? `even,n${index}` : `odd,n${index}`,
		site: ['de', 'uk', 'nl-be'][index % 3],
	}));

describe('Generate Link: fixed fields read once, expression fields per item', () => {
	it('fixed name and options with per-item email and reference: every link decrypts to its own item', async () => {
		const input = people(40);
		const { output, error } = await runLinkGenerator(
			KEYS,
			{
				operation: 'generate',
				email: '={{ $json.email }}',
				name: 'Valued Customer',
				referenceNumber: '={{ $json.ref }}',
				additionalFields: { countrySite: 'de', tags: 'vip, web', skus: 'SKU-9' },
			},
			input,
		);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(40);
		const ivs = new Set<string>();
		output.forEach((item, index) => {
			const { site, payload, iv } = decrypted(item.json.url);
			ivs.add(iv);
			expect(site).toBe('de');
			expect(payload).toEqual({
				email: `person.${index}@example.org`,
				name: 'Valued Customer',
				ref: `ORD-${index}`,
				skus: ['SKU-9'],
				tags: ['vip', 'web'],
			});
			expect(item.json).toMatchObject({ email: payload.email, referenceNumber: payload.ref });
			expect(item.pairedItem).toEqual({ item: index });
		});
		// A fresh IV per link even though the payload's fixed part was read once.
		expect(ivs.size).toBe(40);
		// Lists read once are still each item's own: changing one item's output changes no other.
		(output[0].json.tags as string[]).push('changed downstream');
		expect(output[1].json.tags).toEqual(['vip', 'web']);
	});

	it('fixed customer with options from expressions (one nested field): options follow each item', async () => {
		const input = people(30);
		const { output, error } = await runLinkGenerator(
			KEYS,
			{
				operation: 'generate',
				email: 'team@example.org',
				name: 'Team',
				referenceNumber: 'BATCH-7',
				// Only tags and site are expressions; the fixed SKUs sit in the same collection.
				additionalFields: {
					skus: 'SKU-1,SKU-2',
					tags: '={{ $json.tags }}',
					countrySite: '={{ $json.site }}',
				},
			},
			input,
		);
		expect(error).toBeUndefined();
		output.forEach((item, index) => {
			const { site, payload } = decrypted(item.json.url);
			expect(site).toBe(input[index].site);
			expect(payload).toEqual({
				email: 'team@example.org',
				name: 'Team',
				ref: 'BATCH-7',
				skus: ['SKU-1', 'SKU-2'],
				tags: input[index].tags.split(','),
			});
			expect(item.json.tags).toEqual(input[index].tags.split(','));
		});
	});

	it('an invalid fixed field fails every item on its own (continueOnFail), naming the field', async () => {
		const { output, error } = await runLinkGenerator(
			KEYS,
			{
				operation: 'generate',
				email: 'not-an-email',
				name: 'Team',
				referenceNumber: '={{ $json.ref }}',
			},
			people(3),
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual(
			[0, 1, 2].map((index) => ({
				error: 'Customer Email: "not-an-email" is not a valid email address',
				details: `Check the "Customer Email" parameter of item ${index + 1}.`,
			})),
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('an invalid fixed option stops the run at the first item, with that item named', async () => {
		const { error, output } = await runLinkGenerator(
			KEYS,
			{
				operation: 'generate',
				email: '={{ $json.email }}',
				name: 'Team',
				referenceNumber: '={{ $json.ref }}',
				additionalFields: { countrySite: 'nowhere land' },
			},
			people(3),
		);
		const nodeError = error as (Error & { context?: { itemIndex?: number } }) | undefined;
		expect(output).toHaveLength(0);
		expect(nodeError?.message).toBe('Country Site: "nowhere land" is not a Trustpilot site');
		expect(nodeError?.context?.itemIndex).toBe(0);
		expect(JSON.stringify(error)).not.toContain(KEYS.encryptKey);
	});
});
