// The vectors live in JSON: they are published test keys, not secrets, and data reads better as data.
import vectors from './vectors.json';

export const NUGET = vectors.nuget;
export const DERIVED_FULL = {
	...vectors.derivedFull,
	iv: Buffer.from(vectors.derivedFull.ivHex, 'hex'),
};
export const DERIVED_MINIMAL = {
	...vectors.derivedMinimal,
	iv: Buffer.from(vectors.derivedMinimal.ivHex, 'hex'),
};
