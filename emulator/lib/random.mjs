// Deterministic pseudo-random helpers. Every emulator instance owns its own generators, so
// seeded data is identical across runs and instances never influence each other.

/** Hashes a string into a 32-bit seed (FNV-1a). */
export function hashSeed(text) {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i += 1) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

// Cumulative tables per weights object (weights are constant objects, so this is computed once).
const WEIGHT_TABLES = new WeakMap();
function weightTable(weights) {
	let table = WEIGHT_TABLES.get(weights);
	if (!table) {
		const values = Object.keys(weights);
		let total = 0;
		const bounds = values.map((value) => (total += weights[value]));
		table = { values, bounds, total };
		WEIGHT_TABLES.set(weights, table);
	}
	return table;
}

/** Small, fast generator (mulberry32); good enough for fake data, not for secrets. */
export function createRng(seed) {
	let stateValue = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
	const next = () => {
		stateValue = (stateValue + 0x6d2b79f5) >>> 0;
		let t = stateValue;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const pick = (list) => list[Math.floor(next() * list.length)];
	const chance = (probability) => next() < probability;
	/** Picks a key of `weights` ({value: weight}) proportionally to its weight. */
	const weighted = (weights) => {
		const table = weightTable(weights);
		const roll = next() * table.total;
		for (let i = 0; i < table.values.length; i += 1) {
			if (roll < table.bounds[i]) return table.values[i];
		}
		return table.values[table.values.length - 1];
	};
	/** 24 lowercase hex characters, the shape of Trustpilot ids. */
	const hexId = () => {
		let id = '';
		for (let i = 0; i < 3; i += 1) {
			const word = Math.floor(next() * 0x100000000);
			id +=
				HEX_BYTES[word >>> 24] +
				HEX_BYTES[(word >>> 16) & 0xff] +
				HEX_BYTES[(word >>> 8) & 0xff] +
				HEX_BYTES[word & 0xff];
		}
		return id;
	};
	const shuffle = (list) => {
		const copy = [...list];
		for (let i = copy.length - 1; i > 0; i -= 1) {
			const j = Math.floor(next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy;
	};
	return { next, int, pick, chance, weighted, hexId, shuffle };
}
