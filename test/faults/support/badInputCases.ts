import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { AuthMode } from '../../harness/fixtures';

/** Ids of real things in the emulator's seeded world that the good items use. */
export interface World {
	mainId: string;
	reviewId: string;
	productReviewId: string;
	conversationId: string;
	commentId: string;
	consumerId: string;
	sku: string;
	/** A Business Generated Link made with plain node:crypto and the seeded keys. */
	bglLink: string;
}

export interface BadValue {
	value: unknown;
	/** The field the error must name (matched case-insensitively in message + details). */
	field: RegExp;
	why: string;
}

/**
 * One parameter of one operation, fed per item through `={{ $json.v }}`: a good value (first and
 * last item) and bad ones in between.
 */
export interface BadInputCase {
	name: string;
	mode: AuthMode;
	parameters(world: World): INodeParameters;
	good(world: World): unknown;
	bad: BadValue[];
}

const V = '={{ $json.v }}';
const LONG = 'x'.repeat(10000);
const main = (world: World) => ({ __rl: true, mode: 'id', value: world.mainId });

const badIds = (field: RegExp): BadValue[] => [
	{ value: 'not-an-id', field, why: 'malformed id' },
	{ value: '', field, why: 'empty string' },
	{ value: '5f3b2c1a9d8e7f6a5b4c3d2', field, why: '23 hex characters' },
	{ value: '山田太郎山田太郎山田太郎山田太郎山田太郎山田太郎', field, why: 'non-Latin characters' },
	{ value: LONG, field, why: '10,000 characters' },
];

const badEmails = (field: RegExp): BadValue[] => [
	{ value: 'bob', field, why: 'no @' },
	{ value: 'bob@example', field, why: 'no dot in the domain' },
	{ value: 'bob smith@example.com', field, why: 'a space' },
	{ value: '', field, why: 'empty string' },
	{ value: `${LONG}@example.com`, field, why: '10,000 characters' },
];

export const TRUSTPILOT_CASES: BadInputCase[] = [
	{
		name: 'Service Review › Get: Review ID',
		mode: 'apiKey',
		parameters: () => ({
			resource: 'serviceReview',
			operation: 'get',
			source: 'public',
			reviewId: V,
		}),
		good: (world) => world.reviewId,
		bad: badIds(/Review ID/i),
	},
	{
		name: 'Service Review › Reply: Message',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'serviceReview',
			operation: 'reply',
			reviewId: world.reviewId,
			message: V,
		}),
		good: () => 'Спасибо за отзыв! 谢谢 — ありがとう',
		bad: [
			{ value: '', field: /Message/i, why: 'empty string' },
			{ value: '   ', field: /Message/i, why: 'only spaces' },
			{ value: LONG, field: /Message/i, why: '10,000 characters (Trustpilot allows 5,000)' },
		],
	},
	{
		name: 'Service Review › Reply: Author Business User ID',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'serviceReview',
			operation: 'reply',
			reviewId: world.reviewId,
			message: 'Thanks',
			authorBusinessUserId: V,
		}),
		good: () => '',
		bad: [
			{
				value: 'demo@example.com',
				field: /Author Business User ID/i,
				why: 'an email instead of an id',
			},
			{ value: 'Ærøskøbing', field: /Author Business User ID/i, why: 'non-Latin text' },
		],
	},
	{
		name: 'Service Review › Add Tags: tag value',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'serviceReview',
			operation: 'addTags',
			reviewId: world.reviewId,
			tags: { tag: [{ group: 'generic', value: V }] },
		}),
		// Review tags may contain spaces (Trustpilot's own examples: "Tag value"); only invitation and
		// link tags refuse them, so the accepted value here has one.
		good: () => 'refund requested',
		bad: [{ value: '', field: /Tags?/i, why: 'empty tag' }],
	},
	{
		name: 'Service Review › Get Many: Start Date filter',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'serviceReview',
			operation: 'getAll',
			businessUnit: main(world),
			source: 'private',
			returnAll: false,
			limit: 1,
			filters: { startDateTime: V },
		}),
		good: () => '2024-05-01T00:00:00Z',
		bad: [
			{ value: 'next tuesday', field: /Created After/i, why: 'not a date' },
			{ value: '2024-13-45', field: /Created After/i, why: 'impossible date' },
		],
	},
	{
		name: 'Service Review › Get Many: Referral Email filter',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'serviceReview',
			operation: 'getAll',
			businessUnit: main(world),
			source: 'private',
			returnAll: false,
			limit: 1,
			filters: { referralEmail: V },
		}),
		good: () => 'someone@mail.example.net',
		bad: badEmails(/Referral Email/i).slice(0, 3),
	},
	{
		name: 'Business Unit › Get: Business Unit',
		mode: 'apiKey',
		parameters: () => ({
			resource: 'businessUnit',
			operation: 'get',
			businessUnit: { __rl: true, mode: 'id', value: V },
		}),
		good: (world) => world.mainId,
		bad: badIds(/Business Unit/i),
	},
	{
		name: 'Business Unit › Find: Name or Domain',
		mode: 'apiKey',
		parameters: () => ({ resource: 'businessUnit', operation: 'find', name: V }),
		good: () => 'example.com',
		bad: [{ value: '', field: /Name or Domain/i, why: 'empty string' }],
	},
	{
		name: 'Business Unit › Get Many: Country filter',
		mode: 'apiKey',
		parameters: () => ({
			resource: 'businessUnit',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: { country: V },
		}),
		good: () => 'DK',
		bad: [
			{ value: 'Denmark', field: /Country/i, why: 'a name, not a code' },
			{ value: 'Д', field: /Country/i, why: 'non-Latin letter' },
		],
	},
	{
		name: 'Consumer › Get: Consumer ID',
		mode: 'apiKey',
		parameters: () => ({ resource: 'consumer', operation: 'get', consumerId: V }),
		good: (world) => world.consumerId,
		bad: badIds(/Consumer ID/i).slice(0, 4),
	},
	{
		name: 'Category › Get: Category ID',
		mode: 'apiKey',
		parameters: () => ({ resource: 'category', operation: 'get', categoryId: V }),
		good: () => 'clothing_store',
		bad: [
			{ value: 'Clothing Store', field: /Category ID/i, why: 'a display name with a space' },
			{ value: '', field: /Category ID/i, why: 'empty string' },
		],
	},
	{
		name: 'Invitation › Send Email: Customer Email',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit: main(world),
			consumerEmail: V,
			consumerName: 'Åsa Øberg',
			referenceNumber: 'ORDER-1',
			invitationType: 'service',
		}),
		good: () => 'asa.oberg@mail.example.net',
		bad: badEmails(/Customer Email/i),
	},
	{
		name: 'Invitation › Send Email: Customer Name',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit: main(world),
			consumerEmail: 'a@mail.example.net',
			consumerName: V,
			referenceNumber: 'ORDER-2',
			invitationType: 'service',
		}),
		good: () => '山田 太郎',
		bad: [
			{ value: '', field: /Customer Name/i, why: 'empty string' },
			{ value: '  ', field: /Customer Name/i, why: 'only spaces' },
		],
	},
	{
		name: 'Invitation › Send Email: Tags',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit: main(world),
			consumerEmail: 'a@mail.example.net',
			consumerName: 'Ольга',
			referenceNumber: 'ORDER-3',
			invitationType: 'service',
			serviceOptions: { tags: V },
		}),
		good: () => 'vip,order-2024',
		bad: [{ value: 'vip customer', field: /Tags/i, why: 'tag with a space' }],
	},
	{
		name: 'Invitation › Send Email: Preferred Send Time',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit: main(world),
			consumerEmail: 'a@mail.example.net',
			consumerName: 'Zoë',
			referenceNumber: 'ORDER-4',
			invitationType: 'service',
			serviceOptions: { preferredSendTime: V },
		}),
		good: () => '2030-01-02T10:00:00Z',
		bad: [{ value: 'tomorrow morning', field: /Preferred Send Time/i, why: 'not a date' }],
	},
	{
		name: 'Invitation › Send Email: Sender Email and Locale',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'invitation',
			operation: 'sendEmail',
			businessUnit: main(world),
			consumerEmail: 'a@mail.example.net',
			consumerName: 'Zoë',
			referenceNumber: 'ORDER-5',
			invitationType: 'service',
			additionalFields: { locale: V },
		}),
		good: () => 'da-DK',
		bad: [
			{ value: 'danish', field: /Locale/i, why: 'not a locale' },
			{ value: 'xx_YY_ZZ', field: /Locale/i, why: 'malformed locale' },
		],
	},
	{
		name: 'Invitation › Generate Service Review Link: Customer Email',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'invitation',
			operation: 'generateServiceReviewLink',
			businessUnit: main(world),
			email: V,
			name: 'Ângela',
			referenceId: 'ORDER-6',
			locale: 'en-US',
		}),
		good: () => 'angela@mail.example.net',
		bad: badEmails(/Customer Email/i).slice(0, 3),
	},
	{
		name: 'Invitation › Generate Service Review Link: Redirect URI',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'invitation',
			operation: 'generateServiceReviewLink',
			businessUnit: main(world),
			email: 'a@mail.example.net',
			name: 'A',
			referenceId: 'ORDER-7',
			locale: 'en-US',
			additionalFields: { redirectUri: V },
		}),
		good: () => 'https://shop.example.com/thanks',
		bad: [{ value: 'shop.example.com thanks', field: /Redirect URI/i, why: 'not a web address' }],
	},
	{
		name: 'Invitation › Delete Invitation Data: Delete Older Than',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'invitation',
			operation: 'deleteInvitationData',
			businessUnit: main(world),
			deleteBy: 'olderThan',
			deleteOlderThan: V,
		}),
		good: () => '2020-01-01T00:00:00Z',
		bad: [{ value: 'last year', field: /Delete Older Than/i, why: 'not a date' }],
	},
	{
		name: 'Product › Upsert: SKU',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'product',
			operation: 'upsert',
			businessUnit: main(world),
			sku: V,
			title: 'Mug — ceramic, 日本製',
		}),
		good: () => 'MUG-JP-01',
		bad: [{ value: '', field: /SKU/i, why: 'empty string' }],
	},
	{
		name: 'Product › Upsert: Product URL',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'product',
			operation: 'upsert',
			businessUnit: main(world),
			sku: 'MUG-JP-02',
			title: 'Mug',
			additionalFields: { link: V },
		}),
		good: () => 'https://shop.example.com/mug',
		bad: [{ value: 'shop/mug', field: /Product URL/i, why: 'not a web address' }],
	},
	{
		name: 'Product Review › Get: Product Review ID',
		mode: 'clientCredentials',
		parameters: () => ({ resource: 'productReview', operation: 'get', reviewId: V }),
		good: (world) => world.productReviewId,
		bad: badIds(/Review ID/i).slice(0, 4),
	},
	{
		name: 'Product Review › Reply: Comment',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'productReview',
			operation: 'reply',
			reviewId: world.productReviewId,
			content: V,
			options: { conversationId: world.conversationId },
		}),
		good: () => 'Merci beaucoup ! Ευχαριστούμε',
		bad: [
			{ value: '', field: /Comment/i, why: 'empty string' },
			{ value: LONG, field: /Comment|content/i, why: '10,000 characters' },
		],
	},
	{
		name: 'Product Review › Update Comment: Conversation ID',
		mode: 'clientCredentials',
		parameters: (world) => ({
			resource: 'productReview',
			operation: 'updateComment',
			conversationId: V,
			commentId: world.commentId,
			content: 'Updated',
		}),
		good: (world) => world.conversationId,
		// Conversation ids are checked for path safety only; Trustpilot's 404 names the conversation.
		bad: badIds(/Conversation/i).slice(0, 3),
	},
];

export const linkGeneratorCases: BadInputCase[] = [
	{
		name: 'Link Generator › Generate: Customer Email',
		mode: 'apiKey',
		parameters: () => ({
			operation: 'generate',
			email: V,
			name: 'Åsa',
			referenceNumber: 'ORDER-9',
		}),
		good: () => 'asa@mail.example.net',
		bad: badEmails(/Customer Email/i),
	},
	{
		name: 'Link Generator › Generate: Customer Name',
		mode: 'apiKey',
		parameters: () => ({
			operation: 'generate',
			email: 'a@mail.example.net',
			name: V,
			referenceNumber: 'ORDER-10',
		}),
		good: () => 'Ольга Петрова 山田',
		bad: [{ value: '', field: /Customer Name/i, why: 'empty string' }],
	},
	{
		name: 'Link Generator › Generate: Tags',
		mode: 'apiKey',
		parameters: () => ({
			operation: 'generate',
			email: 'a@mail.example.net',
			name: 'A',
			referenceNumber: 'ORDER-11',
			additionalFields: { tags: V },
		}),
		good: () => 'vip,spring-sale',
		bad: [{ value: 'vip, spring sale', field: /Tags/i, why: 'tag with a space' }],
	},
	{
		name: 'Link Generator › Decode: Link',
		mode: 'apiKey',
		parameters: () => ({ operation: 'decode', link: V }),
		good: (world) => world.bglLink,
		bad: [
			{
				value: 'https://www.trustpilot.com/evaluate-bgl/example.com?p=not-base64!!',
				field: /payload|link/i,
				why: 'garbled link',
			},
			{ value: '', field: /Link/i, why: 'empty string' },
		],
	},
];

/** `{ v }` items: good, each bad value, good. */
export function inputsOf(testCase: BadInputCase, world: World): IDataObject[] {
	const good = testCase.good(world) as IDataObject[string];
	return [
		{ v: good },
		...testCase.bad.map((bad) => ({ v: bad.value as IDataObject[string] })),
		{ v: good },
	];
}
