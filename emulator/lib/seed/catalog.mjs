// Categories, invitation templates, the product catalogue and product reviews.
import { makeConsumer, randomLanguage, randomStars } from './factory.mjs';
import { LOCALE_BY_LANGUAGE } from './phrases.mjs';

const DAY = 86400000;

const CATEGORY_TREE = [
	[
		'shopping_fashion',
		'Shopping & Fashion',
		[
			['clothing_store', 'Clothing Store'],
			['shoe_store', 'Shoe Store'],
			['jewelry_store', 'Jewelry Store'],
		],
	],
	[
		'electronics_technology',
		'Electronics & Technology',
		[
			['electronics_store', 'Electronics Store'],
			['computer_store', 'Computer Store'],
			['mobile_phone_store', 'Mobile Phone Store'],
		],
	],
	[
		'home_garden',
		'Home & Garden',
		[
			['furniture_store', 'Furniture Store'],
			['garden_center', 'Garden Center'],
		],
	],
	['animals_pets', 'Animals & Pets', [['pet_store', 'Pet Store']]],
	[
		'travel_vacation',
		'Travel & Vacation',
		[
			['travel_agency', 'Travel Agency'],
			['hotel', 'Hotel'],
		],
	],
	[
		'money_insurance',
		'Money & Insurance',
		[
			['insurance_agency', 'Insurance Agency'],
			['bank', 'Bank'],
		],
	],
];

export const LEAF_CATEGORY_IDS = CATEGORY_TREE.flatMap(([, , children]) =>
	children.map(([id]) => id),
);

export function seedCategories(state) {
	for (const [rootId, rootName, children] of CATEGORY_TREE) {
		state.categories.push({
			categoryId: rootId,
			name: rootId,
			displayName: rootName,
			parentId: null,
		});
		for (const [childId, childName] of children) {
			state.categories.push({
				categoryId: childId,
				name: childId,
				displayName: childName,
				parentId: rootId,
			});
		}
	}
}

const FULL_TEMPLATES = [
	['Default service review invitation', 'en-US', 'Standard', true],
	['Standard invitation (Danish)', 'da-DK', 'Standard', false],
	['Standard invitation (German)', 'de-DE', 'Standard', false],
	['Standard invitation (French)', 'fr-FR', 'Standard', false],
	['Post-purchase follow-up', 'en-GB', 'Custom', false],
	['Product review request', 'en-US', 'Custom', false],
	['Opfølgning efter køb', 'da-DK', 'Custom', false],
];
const BASIC_TEMPLATES = [
	['Default service review invitation', 'en-US', 'Standard', true],
	['Standard invitation (German)', 'de-DE', 'Standard', false],
];

export function seedTemplates(state, rng, bu, kind) {
	const rows = kind === 'full' ? FULL_TEMPLATES : BASIC_TEMPLATES;
	bu.templates = rows.map(([name, locale, type, isDefaultTemplate]) => ({
		id: rng.hexId(),
		name,
		isDefaultTemplate,
		locale,
		type,
	}));
}

const PRODUCTS = [
	['TEE-BLK-M', 'Organic Cotton T-Shirt (Black, M)', '24.95', 'apparel', 30],
	['HOOD-GRY-L', 'Recycled Hoodie (Grey, L)', '59.00', 'apparel', 28],
	['SNEAK-WHT-42', 'Canvas Sneakers (White, 42)', '79.50', 'shoes', 34],
	['MUG-CER-01', 'Ceramic Coffee Mug', '14.00', 'home', 22],
	['BAG-TOTE-01', 'Canvas Tote Bag', '19.90', 'accessories', 26],
	['CAP-NVY-01', 'Baseball Cap (Navy)', '22.00', 'accessories', 18],
	['SOCK-3PK-01', 'Bamboo Socks 3-pack', '12.50', 'apparel', 24],
	['SCARF-WOL-01', 'Wool Scarf', '39.00', 'accessories', 0],
];

export const IMPORTED_SKU = 'MUG-CER-01';
const PRODUCT_STATE_WEIGHTS = { published: 80, unpublished: 8, underModeration: 7, archived: 5 };

const PRODUCT_TEXT = {
	positive: [
		'Fits perfectly and feels great.',
		'Excellent quality for the price.',
		'Exactly as pictured, love it.',
	],
	neutral: ['Okay product, nothing special.', 'Does the job.'],
	negative: ['Fell apart after two washes.', 'Colour is not as shown.'],
};

export function makeProduct(rng, bu, fields) {
	return {
		id: fields.id ?? rng.hexId(),
		sku: fields.sku,
		googleMerchantCenterProductId: fields.googleMerchantCenterProductId ?? null,
		title: fields.title ?? null,
		link: fields.link ?? null,
		imageLink: fields.imageLink ?? null,
		processedImages: [],
		businessUnitId: bu.id,
		price: fields.price ?? null,
		currency: fields.currency ?? null,
		gtin: fields.gtin ?? null,
		mpn: fields.mpn ?? null,
		brand: fields.brand ?? null,
		description: fields.description ?? null,
		productCategoryGoogleId: fields.productCategoryGoogleId ?? null,
		groupId: fields.groupId ?? null,
		variationAttributes: fields.variationAttributes ?? null,
	};
}

export function makeProductReview(
	state,
	rng,
	bu,
	{ sku, createdAt, stars, state: reviewState, language, content, consumer },
) {
	const starsValue = stars ?? randomStars(rng);
	const lang = language ?? randomLanguage(rng);
	const mood = starsValue >= 4 ? 'positive' : starsValue === 3 ? 'neutral' : 'negative';
	const author = consumer ?? makeConsumer(state, rng, { language: lang, createdAt });
	return {
		id: rng.hexId(),
		businessUnitId: bu.id,
		sku,
		consumerId: author.id,
		stars: starsValue,
		content: content ?? rng.pick(PRODUCT_TEXT[mood]),
		language: lang,
		locale: LOCALE_BY_LANGUAGE[lang] ?? 'en-US',
		state: reviewState ?? 'published',
		referenceId: `ORD-${200000 + state.orderCounter++}`,
		conversationId: null,
		attachments: [],
		attributeRatings: rng.chance(0.4)
			? [
					{
						attributeId: 'quality',
						attributeName: 'Quality',
						rating: Math.max(1, Math.min(5, starsValue + rng.int(-1, 1))),
					},
				]
			: [],
		createdAt,
		updatedAt: null,
	};
}

export function seedProductCatalogue(state, rng, bu) {
	const domain = bu.identifyingName;
	for (const [sku, title, price, group] of PRODUCTS) {
		const slug = title
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/-$/, '');
		bu.products.set(
			sku,
			makeProduct(rng, bu, {
				sku,
				title,
				price,
				currency: 'USD',
				groupId: group,
				brand: 'Example Basics',
				link: `https://www.${domain}/products/${slug}`,
				imageLink: `https://www.${domain}/images/${slug}.jpg`,
				gtin: String(5700000000000 + rng.int(0, 999999)),
				mpn: `MPN-${sku}`,
				description: `${title} from Example Basics.`,
				googleMerchantCenterProductId: `online:en:US:${sku}`,
				productCategoryGoogleId: '1604',
			}),
		);
	}
	const skuPlan = PRODUCTS.flatMap(([sku, , , , count]) =>
		Array.from({ length: count }, () => sku),
	);
	let at = Date.UTC(2023, 5, 1, 7, 30, 0);
	for (const sku of rng.shuffle(skuPlan)) {
		const reviewState = rng.weighted(PRODUCT_STATE_WEIGHTS);
		const review = makeProductReview(state, rng, bu, { sku, createdAt: at, state: reviewState });
		bu.productReviews.push(review);
		state.productReviews.set(review.id, review);
		at += rng.int(6 * 3600, 4 * 86400) * 1000;
	}
	seedConversations(state, rng, bu);
	let importedAt = Date.UTC(2019, 3, 1, 12, 0, 0);
	for (let i = 0; i < 25; i += 1) {
		const stars = randomStars(rng);
		bu.importedReviews.push({
			id: rng.hexId(),
			sku: IMPORTED_SKU,
			createdAt: importedAt,
			stars,
			content: rng.pick(
				PRODUCT_TEXT[stars >= 4 ? 'positive' : stars === 3 ? 'neutral' : 'negative'],
			),
			language: 'en',
			consumer: { displayName: `Imported customer ${i + 1}` },
			source: { name: 'Legacy shop reviews' },
		});
		importedAt += rng.int(1, 30) * DAY;
	}
}

function seedConversations(state, rng, bu) {
	const published = bu.productReviews.filter((review) => review.state === 'published').slice(0, 3);
	for (const review of published) {
		const conversation = {
			id: rng.hexId(),
			businessUnitId: bu.id,
			consumerId: review.consumerId,
			source: 'Product reviews',
			sourceId: review.id,
			state: 'public',
			comments: [
				{
					id: rng.hexId(),
					createdAt: review.createdAt + DAY,
					updatedAt: null,
					author: { id: bu.replyAuthorId, type: 'businessUser' },
					content: 'Thanks for your review!',
					integrationId: null,
				},
			],
		};
		review.conversationId = conversation.id;
		state.conversations.set(conversation.id, conversation);
	}
}
