// Small text banks for generated demo content (all invented).

export const LANGUAGE_WEIGHTS = { en: 45, da: 15, de: 12, fr: 10, es: 8, sv: 6, nl: 2, it: 2 };
export const STAR_WEIGHTS = { 5: 45, 4: 22, 3: 10, 2: 8, 1: 15 };

export const LOCALE_BY_LANGUAGE = {
	en: 'en-US',
	da: 'da-DK',
	de: 'de-DE',
	fr: 'fr-FR',
	es: 'es-ES',
	sv: 'sv-SE',
	nl: 'nl-NL',
	it: 'it-IT',
};
export const COUNTRY_BY_LANGUAGE = {
	en: ['US', 'GB', 'IE', 'AU'],
	da: ['DK'],
	de: ['DE', 'AT', 'CH'],
	fr: ['FR', 'BE'],
	es: ['ES'],
	sv: ['SE'],
	nl: ['NL'],
	it: ['IT'],
};

export const CITIES = {
	US: ['New York', 'Austin', 'Denver', 'Seattle'],
	GB: ['London', 'Leeds', 'Bristol'],
	IE: ['Dublin', 'Cork'],
	AU: ['Sydney', 'Perth'],
	DK: ['Copenhagen', 'Aarhus', 'Odense', 'Frederiksberg'],
	DE: ['Berlin', 'Hamburg', 'Munich'],
	AT: ['Vienna', 'Graz'],
	CH: ['Zurich', 'Basel'],
	FR: ['Paris', 'Lyon', 'Nantes'],
	BE: ['Brussels', 'Ghent'],
	ES: ['Madrid', 'Valencia', 'Seville'],
	SE: ['Stockholm', 'Malmö', 'Uppsala'],
	NL: ['Amsterdam', 'Utrecht'],
	IT: ['Rome', 'Milan', 'Turin'],
};

export const FIRST_NAMES = {
	en: [
		'Emma',
		'Liam',
		'Olivia',
		'Noah',
		'Ava',
		'James',
		'Mia',
		'Lucas',
		'Grace',
		'Henry',
		'Chloe',
		'Jack',
	],
	da: ['Freja', 'William', 'Ida', 'Oscar', 'Clara', 'Magnus', 'Karla', 'Emil'],
	de: ['Lena', 'Paul', 'Hannah', 'Felix', 'Marie', 'Jonas', 'Lea', 'Maximilian'],
	fr: ['Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Jules', 'Camille', 'Arthur'],
	es: ['Lucía', 'Mateo', 'Sofía', 'Hugo', 'Martina', 'Pablo', 'Valeria', 'Álvaro'],
	sv: ['Alice', 'Elias', 'Maja', 'Hugo', 'Ebba', 'Oliver', 'Saga', 'Axel'],
	nl: ['Sanne', 'Daan', 'Tess', 'Sem', 'Fleur', 'Bram'],
	it: ['Giulia', 'Lorenzo', 'Sofia', 'Matteo', 'Aurora', 'Leonardo'],
};
export const LAST_INITIALS = 'ABCDEFGHIJKLMNOPRSTVW';

const bank = (positive, neutral, negative) => ({ positive, neutral, negative });

export const TITLES = {
	en: bank(
		['Great service', 'Fast delivery', 'Highly recommended', 'Lovely shop', 'Will buy again'],
		['Okay overall', 'Decent but slow', 'Average experience'],
		['Disappointed', 'Parcel never arrived', 'Poor customer service', 'Not as described'],
	),
	da: bank(
		['Super service', 'Hurtig levering', 'Kan varmt anbefales'],
		['Helt okay', 'Middel oplevelse'],
		['Skuffet', 'Pakken kom aldrig'],
	),
	de: bank(
		['Toller Service', 'Schnelle Lieferung', 'Sehr empfehlenswert'],
		['Ganz okay', 'Durchschnittlich'],
		['Enttäuscht', 'Paket nie angekommen'],
	),
	fr: bank(
		['Service excellent', 'Livraison rapide', 'Je recommande'],
		['Correct', 'Expérience moyenne'],
		['Déçu', 'Colis jamais reçu'],
	),
	es: bank(
		['Excelente servicio', 'Envío rápido', 'Muy recomendable'],
		['Correcto', 'Experiencia normal'],
		['Decepcionado', 'El paquete no llegó'],
	),
	sv: bank(
		['Toppenservice', 'Snabb leverans', 'Rekommenderas'],
		['Helt okej', 'Medelmåttigt'],
		['Besviken', 'Paketet kom aldrig'],
	),
	nl: bank(
		['Geweldige service', 'Snelle levering'],
		['Prima', 'Gemiddeld'],
		['Teleurgesteld', 'Nooit ontvangen'],
	),
	it: bank(
		['Servizio ottimo', 'Consegna veloce'],
		['Nella media', 'Discreto'],
		['Deluso', 'Pacco mai arrivato'],
	),
};

export const SENTENCES = {
	en: bank(
		[
			'Everything arrived on time and well packed.',
			'The support team answered within minutes.',
			'Prices are fair and the quality is excellent.',
			'Ordering was simple and checkout was quick.',
		],
		['The product is fine but delivery took a while.', 'Nothing special, nothing bad either.'],
		[
			'I waited three weeks and nobody replied to my emails.',
			'The item was damaged and the refund is still pending.',
		],
	),
	da: bank(
		['Alt kom til tiden og var godt pakket.', 'Kundeservice svarede hurtigt.'],
		['Produktet er fint, men leveringen tog tid.'],
		['Jeg har ventet i tre uger uden svar.'],
	),
	de: bank(
		['Alles kam pünktlich und gut verpackt an.', 'Der Kundenservice hat sofort geantwortet.'],
		['Das Produkt ist in Ordnung, die Lieferung dauerte.'],
		['Ich warte seit drei Wochen auf eine Antwort.'],
	),
	fr: bank(
		['Tout est arrivé à temps et bien emballé.', 'Le service client a répondu très vite.'],
		['Le produit est correct mais la livraison était lente.'],
		['J’attends depuis trois semaines sans réponse.'],
	),
	es: bank(
		['Todo llegó a tiempo y bien embalado.', 'El servicio al cliente respondió enseguida.'],
		['El producto está bien, pero el envío tardó.'],
		['Llevo tres semanas esperando una respuesta.'],
	),
	sv: bank(
		['Allt kom i tid och var välpackat.', 'Kundtjänst svarade direkt.'],
		['Produkten är okej men leveransen tog tid.'],
		['Jag har väntat i tre veckor utan svar.'],
	),
	nl: bank(
		['Alles kwam op tijd en goed verpakt aan.'],
		['Het product is prima, de levering duurde lang.'],
		['Al drie weken geen antwoord.'],
	),
	it: bank(
		['Tutto è arrivato in tempo e ben imballato.'],
		['Il prodotto va bene ma la consegna è stata lenta.'],
		['Aspetto una risposta da tre settimane.'],
	),
};

export const REPLY_TEXTS = [
	'Thank you for your feedback! We are glad you enjoyed shopping with us.',
	'We are sorry to hear this. Our support team will contact you shortly.',
	'Thanks for taking the time to review us - see you again soon!',
];

export const TAG_CHOICES = [
	{ group: 'generic', value: 'vip' },
	{ group: 'generic', value: 'returning-customer' },
	{ group: 'generic', value: 'black-friday' },
	{ group: 'channel', value: 'webshop' },
	{ group: 'channel', value: 'pos' },
];

export const COMPANY_WORDS = [
	'Nordic',
	'Blue',
	'Green',
	'Urban',
	'Royal',
	'Sunny',
	'Happy',
	'Smart',
	'Swift',
	'Golden',
	'Prime',
	'Bright',
	'Cozy',
	'Fresh',
	'Wild',
	'Silver',
	'Little',
	'Grand',
	'Pure',
	'Bold',
];
export const COMPANY_NOUNS = [
	'Bikes',
	'Books',
	'Coffee',
	'Travel',
	'Shoes',
	'Garden',
	'Pets',
	'Tech',
	'Toys',
	'Fashion',
	'Bakery',
	'Insurance',
	'Energy',
	'Furniture',
	'Optics',
	'Outdoor',
	'Music',
	'Wine',
	'Tools',
	'Health',
];
export const TLD_BY_COUNTRY = {
	US: 'com',
	GB: 'co.uk',
	DK: 'dk',
	DE: 'de',
	FR: 'fr',
	ES: 'es',
	SE: 'se',
	NL: 'nl',
	IT: 'it',
	AU: 'com.au',
	IE: 'ie',
	AT: 'at',
	CH: 'ch',
	BE: 'be',
	NO: 'no',
	FI: 'fi',
	PL: 'pl',
	CA: 'ca',
};

export function sentimentOf(stars) {
	if (stars >= 4) return 'positive';
	if (stars === 3) return 'neutral';
	return 'negative';
}
