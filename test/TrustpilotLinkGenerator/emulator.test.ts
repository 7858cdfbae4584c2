import example from '../../examples/03-order-review-link-email.json';
import { callApi } from '../harness/emulatorClient';
import { CredentialStore, runWorkflow } from '../harness/engine';
import { useEmulator } from '../harness/fixtures';
import { builtInStandIns } from '../harness/standIns';
import { GENERATE_FROM_ITEM, runLinkGenerator, type BglKeys } from './helpers';

const emulator = useEmulator();

async function emulatorKeys(): Promise<BglKeys> {
	const { bgl } = await emulator.client.info();
	return { domain: bgl.domain, encryptKey: bgl.encryptKey, authKey: bgl.authKey };
}

/** Opens a generated link on the emulator: same path and query, emulator origin instead of trustpilot.com. */
async function openOnEmulator(link: string) {
	const url = new URL(link);
	expect(url.hostname).toMatch(/^[a-z-]+\.trustpilot\.com$/);
	return await callApi(`${emulator.handle.apiOrigin}${url.pathname}${url.search}`);
}

describe('links generated in a workflow are accepted by the emulated /evaluate-bgl endpoint', () => {
	it('every field, unicode and localized links included', async () => {
		const keys = await emulatorKeys();
		const orders = [
			{
				email: 'ana@example.org',
				name: 'Ana Núñez',
				ref: 'ORD-1',
				skus: 'SKU-1,SKU-2',
				tags: 'web,vip',
			},
			{ email: 'kenji@example.jp', name: '山田 健二 🎌', ref: 'ORD-2', countrySite: 'jp' },
			{
				email: 'x+y@example.co.uk',
				name: 'O’Brien "Jr."',
				ref: 'ORD/3?&=',
				tags: ['a', 'b'],
				countrySite: 'uk',
			},
		];
		const { output, error } = await runLinkGenerator(keys, GENERATE_FROM_ITEM, orders);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);

		const responses = [];
		for (const item of output) responses.push(await openOnEmulator(item.json.url as string));
		expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
		expect(responses.map((response) => response.json)).toEqual([
			{
				ok: true,
				domain: keys.domain,
				payload: {
					email: 'ana@example.org',
					name: 'Ana Núñez',
					ref: 'ORD-1',
					skus: ['SKU-1', 'SKU-2'],
					tags: ['web', 'vip'],
				},
			},
			{
				ok: true,
				domain: keys.domain,
				payload: { email: 'kenji@example.jp', name: '山田 健二 🎌', ref: 'ORD-2' },
			},
			{
				ok: true,
				domain: keys.domain,
				payload: {
					email: 'x+y@example.co.uk',
					name: 'O’Brien "Jr."',
					ref: 'ORD/3?&=',
					tags: ['a', 'b'],
				},
			},
		]);
		const { bglSubmissions } = await emulator.client.state();
		expect(bglSubmissions.map((submission) => (submission.payload as { ref: string }).ref)).toEqual(
			['ORD-1', 'ORD-2', 'ORD/3?&='],
		);
	});

	it('a link made with other keys, or changed on the way, is refused', async () => {
		const keys = await emulatorKeys();
		const otherKeys = { ...keys, authKey: Buffer.alloc(32, 1).toString('base64') };
		const { output } = await runLinkGenerator(otherKeys, GENERATE_FROM_ITEM, [
			{ email: 'a@b.co', name: 'A', ref: '1' },
		]);
		const foreign = await openOnEmulator(output[0].json.url as string);
		expect(foreign.status).toBe(400);
		expect(foreign.json).toMatchObject({
			ok: false,
			error: expect.stringMatching(/HMAC verification failed/),
		});

		const { output: good } = await runLinkGenerator(keys, GENERATE_FROM_ITEM, [
			{ email: 'a@b.co', name: 'A', ref: '1' },
		]);
		const url = new URL(good[0].json.url as string);
		const bytes = Buffer.from(url.searchParams.get('p') ?? '', 'base64');
		bytes[40] ^= 0x01;
		url.searchParams.set('p', bytes.toString('base64'));
		const tampered = await openOnEmulator(url.toString());
		expect(tampered.status).toBe(400);
		expect((await emulator.client.state()).bglSubmissions).toEqual([]);
	});
});

describe('example workflow 03: new order → Trustpilot Link Generator → Send Email', () => {
	it('emails the customer a review link that the emulator accepts', async () => {
		const keys = await emulatorKeys();
		const credentialRef = example.nodes.find((node) =>
			node.type.endsWith('.trustpilotLinkGenerator'),
		)?.credentials?.trustpilotBusinessLinksApi;
		expect(credentialRef).toBeDefined();
		const store = new CredentialStore();
		store.add({
			id: credentialRef?.id ?? '',
			name: credentialRef?.name ?? '',
			type: 'trustpilotBusinessLinksApi',
			data: { domain: keys.domain, encryptSecretKey: keys.encryptKey, authSecretKey: keys.authKey },
		});
		const { nodeTypes, outbox } = builtInStandIns();

		const result = await runWorkflow({ workflow: example as never, credentials: store, nodeTypes });
		expect(result.error).toBeUndefined();

		expect(outbox).toHaveLength(1);
		const [email] = outbox;
		expect(email).toMatchObject({
			to: 'ana.nunez@example.org',
			subject: 'How was your order ORD-10042?',
			smtpCredential: 'Demo SMTP',
		});
		const htmlLink = /<a href="([^"]+)">Review us on Trustpilot<\/a>/.exec(email.html ?? '')?.[1];
		const textLink = /Review us on Trustpilot: (\S+)/.exec(email.text ?? '')?.[1];
		expect(htmlLink).toMatch(
			new RegExp(
				`^https://www\\.trustpilot\\.com/evaluate-bgl/${keys.domain.replace(/\./g, '\\.')}\\?p=`,
			),
		);
		expect(textLink).toBe(htmlLink);
		expect(`${email.html}${email.text}`).not.toContain(keys.encryptKey);

		const response = await openOnEmulator(htmlLink ?? '');
		expect(response.status).toBe(200);
		expect(response.json).toEqual({
			ok: true,
			domain: keys.domain,
			payload: {
				email: 'ana.nunez@example.org',
				name: 'Ana Núñez',
				ref: 'ORD-10042',
				skus: ['TP-MUG-01', 'TP-TEE-M'],
				tags: ['web-shop', 'post-purchase'],
			},
		});
	});
});
