// Named variants: behaviours the sources leave open. The default emulator picks one reading; a
// variant switches to another plausible one, so the node's tests can run under each. Set them with
// `--variant a,b` on the CLI or `{config: {variants: [...]}}` through the admin API.
export const VARIANTS = {
	'links-without-filters':
		"next-page / prev-page links carry only page and perPage, not the request's filters",
	'reported-flag-ignored':
		'private review lists ignore includeReportedReviews: reported reviews come only with reported=true',
	'conversation-exists-400': 'create-conversation on a review that has one answers 400',
	'conversation-exists-201':
		'create-conversation on a review that has one answers 201 with the existing conversationId',
	'apikey-not-required': 'Bearer (private) calls work without the apikey header',
	'cursor-absent': '/business-units/all omits `cursor` on the last page instead of sending null',
	'start-exclusive': 'startDateTime is exclusive (createdAt > startDateTime) instead of inclusive',
	'created-whole-seconds':
		'reviews added through the admin API are stamped to the whole second, so a burst shares one createdAt',
	'public-list-filtered-after-paging':
		'the public review list cuts its page first and then leaves reported reviews out (includeReportedReviews or not), so a page can hold fewer than asked while next-page links count them',
	'webhook-no-basic': 'webhook deliveries do not send Basic credentials from the subscription URL',
};

export function parseVariants(value) {
	const names = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((name) => String(name).trim())
		.filter(Boolean);
	for (const name of names) {
		if (!Object.hasOwn(VARIANTS, name)) {
			throw new Error(`unknown variant "${name}" (known: ${Object.keys(VARIANTS).join(', ')})`);
		}
	}
	return [...new Set(names)];
}

export const hasVariant = (state, name) =>
	Array.isArray(state.config.variants) && state.config.variants.includes(name);
