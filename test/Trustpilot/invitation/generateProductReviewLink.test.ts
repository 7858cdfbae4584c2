// Invitation › Generate Product Review Link: the POST on the API host with consumer and products, and the link returned.

import { byId, errorOf, runInvitation, useInvitationEmulator } from './support';

const env = useInvitationEmulator();

describe('review links', () => {
	test('Generate Product Review Link: POST on the API host with consumer and products', async () => {
		const run = await runInvitation(env, 'generateProductReviewLink', {
			businessUnit: byId(env.buId),
			email: 'jane.doe@mail.example.net',
			name: 'Jane Doe',
			referenceId: 'ORDER-3003',
			locale: 'en-US',
			productInput: 'details',
			products: {
				product: [{ sku: 'TEE-BLK-M', name: 'T-Shirt', productUrl: 'https://www.example.com/tee' }],
			},
			additionalFields: { redirectUri: 'https://www.example.com/thanks' },
		});

		expect(errorOf(run)).toBeUndefined();
		expect(run.requests).toHaveLength(1);
		expect(run.requests[0]).toMatchObject({
			method: 'POST',
			host: 'api',
			path: `/v1/private/product-reviews/business-units/${env.buId}/invitation-links`,
			status: 200,
		});
		expect(run.requests[0].body).toEqual({
			consumer: { email: 'jane.doe@mail.example.net', name: 'Jane Doe' },
			referenceId: 'ORDER-3003',
			locale: 'en-US',
			products: [{ sku: 'TEE-BLK-M', name: 'T-Shirt', productUrl: 'https://www.example.com/tee' }],
			redirectUri: 'https://www.example.com/thanks',
		});
		expect(run.added.productInvitationLinks).toHaveLength(1);
		const [stored] = run.added.productInvitationLinks;
		expect(run.items).toEqual([{ reviewLinkId: stored.reviewLinkId, reviewUrl: stored.reviewUrl }]);
	});
});
