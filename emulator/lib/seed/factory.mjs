// Builders for consumers and service reviews, shared by seeding, lazy generation and the admin API.
import {
	CITIES,
	COUNTRY_BY_LANGUAGE,
	FIRST_NAMES,
	LANGUAGE_WEIGHTS,
	LAST_INITIALS,
	LOCALE_BY_LANGUAGE,
	REPLY_TEXTS,
	SENTENCES,
	STAR_WEIGHTS,
	TAG_CHOICES,
	TITLES,
	sentimentOf,
} from './phrases.mjs';

const DAY = 86400000;

export function makeConsumer(state, rng, { language, email, createdAt }) {
	const lang = FIRST_NAMES[language] ? language : 'en';
	const countryCode = rng.pick(COUNTRY_BY_LANGUAGE[lang]);
	const displayName = `${rng.pick(FIRST_NAMES[lang])} ${rng.pick(LAST_INITIALS.split(''))}.`;
	const id = rng.hexId();
	const consumer = {
		id,
		displayName,
		displayLocation: rng.chance(0.7) ? `${rng.pick(CITIES[countryCode])}, ${countryCode}` : null,
		countryCode,
		locale: LOCALE_BY_LANGUAGE[lang],
		email:
			email ??
			`${displayName
				.toLowerCase()
				.replace(/[^a-z]+/g, '.')
				.replace(/\.+$/, '')}.${id.slice(0, 6)}@mail.example.net`,
		createdAt: createdAt - rng.int(1, 400) * DAY,
		reviewIds: [],
	};
	state.consumers.set(consumer.id, consumer);
	state.consumersByEmail.set(consumer.email.toLowerCase(), consumer);
	return consumer;
}

export function findOrMakeConsumer(state, rng, { language, email, createdAt }) {
	if (email) {
		const known = state.consumersByEmail.get(email.toLowerCase());
		if (known) return known;
	}
	return makeConsumer(state, rng, { language, email, createdAt });
}

export function randomLanguage(rng) {
	return rng.weighted(LANGUAGE_WEIGHTS);
}

export function randomStars(rng) {
	return Number(rng.weighted(STAR_WEIGHTS));
}

export function reviewText(rng, language, stars) {
	const lang = SENTENCES[language] ? language : 'en';
	const mood = sentimentOf(stars);
	const first = rng.pick(SENTENCES[lang][mood]);
	const second = rng.pick(SENTENCES[lang][mood]);
	return first === second ? first : `${first} ${second}`;
}

export function reviewTitle(rng, language, stars) {
	const lang = TITLES[language] ? language : 'en';
	return rng.pick(TITLES[lang][sentimentOf(stars)]);
}

const SOURCE_WEIGHTS = { afs: 45, trustpilot: 35, uniqueLink: 15, kickstart: 5 };

/**
 * Creates (but does not register) a service review. `options.rich` adds the optional extras
 * (tags, replies, locations, reports) used for the demo account's business units.
 */
export function makeReview(state, rng, bu, options) {
	const { createdAt, consumer } = options;
	const stars = options.stars ?? randomStars(rng);
	const language = options.language ?? randomLanguage(rng);
	const rich = options.rich === true;
	const source = options.source ?? (rich ? rng.weighted(SOURCE_WEIGHTS) : 'trustpilot');
	const invited = source === 'afs' || source === 'uniqueLink';
	const location =
		rich && bu.locations.length > 0 && rng.chance(0.6) ? rng.pick(bu.locations) : null;
	const review = {
		id: options.id ?? rng.hexId(),
		businessUnitId: bu.id,
		consumerId: consumer.id,
		stars,
		title: options.title ?? reviewTitle(rng, language, stars),
		text: options.text ?? reviewText(rng, language, stars),
		language,
		createdAt,
		updatedAt: null,
		experiencedAt: rng.chance(0.6)
			? Math.floor((createdAt - rng.int(1, 20) * DAY) / DAY) * DAY
			: null,
		likes: [],
		isVerified: source !== 'trustpilot',
		status: 'active',
		reportData: null,
		source,
		referenceId: options.referenceId ?? (invited ? `ORD-${100000 + state.orderCounter++}` : null),
		referralEmail: options.email ?? (invited ? consumer.email : null),
		locationId: location ? location.id : null,
		tags: options.tags ? options.tags.map((tag) => ({ group: tag.group, value: tag.value })) : [],
		companyReply: null,
		findReviewer: { isEligible: true, requests: [] },
		invitation: invited ? { businessUnitId: bu.id } : null,
	};
	if (rich) decorate(state, rng, bu, review);
	return review;
}

function decorate(state, rng, bu, review) {
	if (rng.chance(0.1)) review.updatedAt = review.createdAt + rng.int(1, 30) * DAY;
	if (!review.tags.length && rng.chance(0.2)) {
		const first = rng.pick(TAG_CHOICES);
		review.tags.push({ ...first });
		const second = rng.pick(TAG_CHOICES);
		if (second.value !== first.value) review.tags.push({ ...second });
	}
	if (rng.chance(0.3)) {
		const author = state.users.get(bu.replyAuthorId);
		const at = review.createdAt + rng.int(1, 72) * 3600000;
		review.companyReply = {
			text: rng.pick(REPLY_TEXTS),
			createdAt: at,
			updatedAt: at,
			authorBusinessUserId: author ? author.id : null,
			authorBusinessUserName: author ? author.name : null,
		};
	}
	if (rng.chance(0.006)) {
		review.reportData = {
			source: 'BusinessUser',
			publicComment: null,
			createdAt: review.createdAt + rng.int(1, 10) * DAY,
			reasons: ['fake'],
			reason: 'fake',
			reviewVisibility: 'visible',
		};
	}
}
