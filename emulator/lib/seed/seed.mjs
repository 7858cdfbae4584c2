// Builds the deterministic demo world: accounts, business users, the account's business units with
// their reviews, a second account, and ~2,500 bulk public business units.
import { createRng } from '../random.mjs';
import { findOrMakeConsumer, makeConsumer, makeReview } from './factory.mjs';
import { seedCategories, seedProductCatalogue, seedTemplates } from './catalog.mjs';
import { seedBulkBusinessUnits } from './lazy.mjs';
import { LANGUAGE_WEIGHTS } from './phrases.mjs';

const HOUR = 3600000;

export function seedState(state) {
	const rng = createRng('trustpilot-emulator-seed-v1');
	const options = state.seedOptions;
	seedCategories(state);

	const demo = addAccount(state, rng, {
		name: 'Example Store ApS',
		apiKey: options.apiKey,
		apiSecret: options.apiSecret,
	});
	const admin = addUser(state, rng, demo, {
		email: options.username,
		password: options.password,
		name: 'Demo Manager',
		role: 'admin',
	});
	const twoFactor = addUser(state, rng, demo, {
		email: '2fa@example.com',
		password: 'demo-password',
		name: 'Two-Factor Tina',
		role: 'manager',
		twoFactor: true,
	});
	const reader = addUser(state, rng, demo, {
		email: 'viewer@example.com',
		password: 'demo-password',
		name: 'Viewer Vic',
		role: 'reader',
	});

	const main = addBusinessUnit(state, rng, demo, {
		domain: options.domain,
		displayName: 'Example Store',
		country: 'US',
		categoryIds: ['clothing_store', 'shoe_store'],
		locationNames: ['Copenhagen Flagship', 'London Soho', 'Berlin Mitte', 'New York Chelsea'],
		replyAuthor: admin,
	});
	seedReviews(state, rng, main, {
		count: 2345,
		start: Date.UTC(2021, 2, 1, 8, 0, 0),
		minGapMin: 60,
		maxGapMin: 1980,
	});
	seedProductCatalogue(state, rng, main);
	seedTemplates(state, rng, main, 'full');
	seedFindReviewerRequests(state, rng, main, admin);

	const second = addBusinessUnit(state, rng, demo, {
		domain: 'shop.example.org',
		displayName: 'Example Shop Org',
		country: 'GB',
		categoryIds: ['electronics_store'],
		locationNames: [],
		replyAuthor: admin,
	});
	seedReviews(state, rng, second, {
		count: 150,
		start: Date.UTC(2023, 0, 2, 9, 0, 0),
		minGapMin: 600,
		maxGapMin: 5400,
	});
	seedTemplates(state, rng, second, 'basic');

	const german = addBusinessUnit(state, rng, demo, {
		domain: 'example.de',
		displayName: 'Example Deutschland',
		country: 'DE',
		categoryIds: ['furniture_store'],
		locationNames: [],
		replyAuthor: admin,
	});
	seedReviews(state, rng, german, {
		count: 30,
		start: Date.UTC(2024, 0, 3, 10, 0, 0),
		minGapMin: 1440,
		maxGapMin: 14400,
		languages: { de: 80, en: 20 },
	});
	seedTemplates(state, rng, german, 'basic');

	const other = addAccount(state, rng, {
		name: 'Other Shop Ltd',
		apiKey: 'other-api-key',
		apiSecret: 'other-api-secret',
	});
	const otherUser = addUser(state, rng, other, {
		email: 'other@example.net',
		password: 'other-password',
		name: 'Other Owner',
		role: 'admin',
	});
	const otherBu = addBusinessUnit(state, rng, other, {
		domain: 'other-shop.example.net',
		displayName: 'Other Shop',
		country: 'SE',
		categoryIds: ['pet_store'],
		locationNames: [],
		replyAuthor: otherUser,
	});
	seedReviews(state, rng, otherBu, {
		count: 20,
		start: Date.UTC(2024, 5, 1, 12, 0, 0),
		minGapMin: 600,
		maxGapMin: 6000,
	});
	seedTemplates(state, rng, otherBu, 'basic');

	seedBulkBusinessUnits(state, rng, 2500, newBusinessUnit);
	state.businessUnitList.sort((a, b) => (a.id < b.id ? -1 : 1));

	state.main = {
		accountId: demo.id,
		businessUnitId: main.id,
		admin,
		twoFactor,
		reader,
		other: { account: other, user: otherUser, businessUnitId: otherBu.id },
	};
	state.bgl = {
		domain: main.identifyingName,
		encryptKey: options.bglEncryptKey,
		authKey: options.bglAuthKey,
	};
}

function addAccount(state, rng, { name, apiKey, apiSecret }) {
	const account = { id: rng.hexId(), name, businessUnitIds: [], userIds: [] };
	state.accounts.set(account.id, account);
	state.applications.set(apiKey, {
		apiKey,
		apiSecret,
		accountId: account.id,
		name: `${name} integration`,
	});
	return account;
}

function addUser(state, rng, account, { email, password, name, role, twoFactor = false }) {
	const user = {
		id: rng.hexId(),
		accountId: account.id,
		email,
		password,
		name,
		role,
		twoFactor,
		businessUnitIds: account.businessUnitIds,
	};
	state.users.set(user.id, user);
	state.usersByEmail.set(email.toLowerCase(), user);
	account.userIds.push(user.id);
	return user;
}

export function newBusinessUnit(
	state,
	rng,
	{ accountId, domain, displayName, country, categoryIds, createdAt },
) {
	const bu = {
		id: rng.hexId(),
		accountId,
		displayName,
		identifyingName: domain,
		referringNames: [domain, `www.${domain}`],
		websiteUrl: `https://www.${domain}`,
		country,
		status: 'active',
		categoryIds,
		locations: [],
		reviews: [],
		lazy: null,
		version: 0,
		statsCache: null,
		queryCache: new Map(),
		productReviews: [],
		productVersion: 0,
		products: new Map(),
		importedReviews: [],
		templates: [],
		replyAuthorId: null,
		createdAt: createdAt ?? Date.UTC(2019, 0, 1),
		isSubscriber: accountId !== null,
	};
	state.businessUnits.set(bu.id, bu);
	state.businessUnitList.push(bu);
	for (const name of bu.referringNames) state.businessUnitsByName.set(name.toLowerCase(), bu);
	return bu;
}

function addBusinessUnit(
	state,
	rng,
	account,
	{ domain, displayName, country, categoryIds, locationNames, replyAuthor },
) {
	const bu = newBusinessUnit(state, rng, {
		accountId: account.id,
		domain,
		displayName,
		country,
		categoryIds,
	});
	bu.replyAuthorId = replyAuthor.id;
	bu.locations = locationNames.map((name, index) => ({
		id: rng.hexId(),
		name,
		externalId: `LOC-${String(index + 1).padStart(3, '0')}`,
		urlFormattedName: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
	}));
	account.businessUnitIds.push(bu.id);
	return bu;
}

/** Reviews with strictly increasing, whole-second createdAt values starting at `start`. */
function seedReviews(state, rng, bu, { count, start, minGapMin, maxGapMin, languages }) {
	let at = start;
	const pool = [];
	for (let i = 0; i < count; i += 1) {
		const language = languages ? rng.weighted(languages) : undefined;
		const reuse = pool.length > 10 && rng.chance(0.12);
		const consumer = reuse
			? rng.pick(pool)
			: makeConsumer(state, rng, { language: language ?? pickLanguageFor(rng), createdAt: at });
		if (!reuse) pool.push(consumer);
		const review = makeReview(state, rng, bu, {
			createdAt: at,
			consumer,
			language: language ?? languageOfConsumer(consumer, rng),
			rich: true,
		});
		bu.reviews.push(review);
		state.reviews.set(review.id, review);
		consumer.reviewIds.push(review.id);
		at += rng.int(minGapMin * 60, maxGapMin * 60) * 1000;
	}
	for (const review of bu.reviews) {
		const likeCount = rng.chance(0.5) ? rng.int(0, 12) : 0;
		for (let i = 0; i < likeCount; i += 1) {
			const liker = rng.pick(pool);
			if (liker.id !== review.consumerId && !review.likes.includes(liker.id))
				review.likes.push(liker.id);
		}
	}
	bu.lastCreatedAt = at;
	return pool;
}

const LANGUAGE_OF_LOCALE = {
	'en-US': 'en',
	'da-DK': 'da',
	'de-DE': 'de',
	'fr-FR': 'fr',
	'es-ES': 'es',
	'sv-SE': 'sv',
	'nl-NL': 'nl',
	'it-IT': 'it',
};

function pickLanguageFor(rng) {
	return rng.weighted(LANGUAGE_WEIGHTS);
}

/** Consumers mostly write in their own language; repeat reviewers keep it. */
function languageOfConsumer(consumer, rng) {
	return rng.chance(0.9) ? (LANGUAGE_OF_LOCALE[consumer.locale] ?? 'en') : 'en';
}

function seedFindReviewerRequests(state, rng, bu, admin) {
	const targets = bu.reviews.filter((review) => review.source === 'trustpilot').slice(0, 3);
	targets.forEach((review, index) => {
		const request = {
			id: rng.hexId(),
			created: new Date(review.createdAt + 2 * 86400000).toISOString(),
			status: index === 0 ? 'consumerResponded' : 'requested',
			businessUserMessage: 'Could you share your order number so we can help?',
			consumerResponse:
				index === 0
					? {
							referenceId: 'ORD-SEEDED',
							name: null,
							submittedAt: new Date(review.createdAt + 3 * 86400000).toISOString(),
							phoneNumber: null,
							address: null,
							message: 'Sure, here it is.',
							email: null,
						}
					: null,
			businessUserId: admin.id,
			skipNotificationEmailToBusinessUser: false,
		};
		review.findReviewer.requests.push(request);
	});
}

export { findOrMakeConsumer };
