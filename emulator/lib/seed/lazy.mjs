// ~2,500 public business units of other companies. Their star counts are fixed at seed time;
// the reviews themselves are generated deterministically on first access to keep startup fast.
import { createRng } from '../random.mjs';
import { makeConsumer, makeReview } from './factory.mjs';
import { COMPANY_NOUNS, COMPANY_WORDS, STAR_WEIGHTS, TLD_BY_COUNTRY } from './phrases.mjs';
import { LEAF_CATEGORY_IDS } from './catalog.mjs';

const COUNTRY_WEIGHTS = {
	US: 24,
	GB: 16,
	DK: 10,
	DE: 10,
	FR: 7,
	ES: 5,
	SE: 5,
	NL: 4,
	IT: 4,
	AU: 3,
	IE: 2,
	AT: 2,
	CH: 2,
	BE: 2,
	NO: 1,
	FI: 1,
	PL: 1,
	CA: 1,
};
const LANGUAGE_OF_COUNTRY = {
	US: 'en',
	GB: 'en',
	AU: 'en',
	IE: 'en',
	CA: 'en',
	DK: 'da',
	DE: 'de',
	AT: 'de',
	CH: 'de',
	FR: 'fr',
	BE: 'fr',
	ES: 'es',
	SE: 'sv',
	NL: 'nl',
	IT: 'it',
	NO: 'en',
	FI: 'en',
	PL: 'en',
};

/**
 * Adds `count` bulk business units whose reviews are generated on first use. `newBusinessUnit`
 * is seed.mjs's constructor, passed in so this module does not import seed.mjs back (seed.mjs
 * imports this one).
 */
export function seedBulkBusinessUnits(state, rng, count, newBusinessUnit) {
	for (let i = 0; i < count; i += 1) {
		const country = rng.weighted(COUNTRY_WEIGHTS);
		const word = rng.pick(COMPANY_WORDS);
		const noun = rng.pick(COMPANY_NOUNS);
		const domain = `${word}${noun}${i + 1}.${TLD_BY_COUNTRY[country]}`.toLowerCase();
		const categoryIds = [rng.pick(LEAF_CATEGORY_IDS)];
		if (rng.chance(0.3)) {
			const second = rng.pick(LEAF_CATEGORY_IDS);
			if (second !== categoryIds[0]) categoryIds.push(second);
		}
		const bu = newBusinessUnit(state, rng, {
			accountId: null,
			domain,
			displayName: `${word} ${noun} ${i + 1}`,
			country,
			categoryIds,
			createdAt: Date.UTC(2015, 0, 1) + rng.int(0, 3000) * 86400000,
		});
		const total = rng.chance(0.1) ? 0 : rng.int(1, 40);
		const starCounts = [0, 0, 0, 0, 0];
		for (let r = 0; r < total; r += 1) starCounts[Number(rng.weighted(STAR_WEIGHTS)) - 1] += 1;
		bu.reviews = null;
		bu.lazy = {
			seed: `bulk-${bu.id}`,
			starCounts,
			language: LANGUAGE_OF_COUNTRY[country] ?? 'en',
			start: bu.createdAt + 86400000,
		};
	}
}

/** Materialises a bulk business unit's reviews exactly matching its pre-computed star counts. */
export function generateLazyReviews(state, bu) {
	const rng = createRng(bu.lazy.seed);
	const starsList = rng.shuffle(
		bu.lazy.starCounts.flatMap((n, index) => Array.from({ length: n }, () => index + 1)),
	);
	bu.reviews = [];
	let at = bu.lazy.start;
	for (const stars of starsList) {
		const language = rng.chance(0.85) ? bu.lazy.language : 'en';
		const consumer = makeConsumer(state, rng, { language, createdAt: at });
		const review = makeReview(state, rng, bu, {
			createdAt: at,
			consumer,
			stars,
			language,
			rich: false,
		});
		bu.reviews.push(review);
		state.reviews.set(review.id, review);
		consumer.reviewIds.push(review.id);
		at += rng.int(3600, 30 * 86400) * 1000;
	}
	bu.lastCreatedAt = at;
	bu.lazy = null;
}
