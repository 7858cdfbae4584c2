// The emulator variants this jest run uses (`npm run test:variants` sets them per run; see
// emulator/lib/variants.mjs). Tests of a behaviour a variant changes read them here.
export function activeVariants(): string[] {
	return String(process.env.TRUSTPILOT_EMULATOR_VARIANTS ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

export const variantActive = (name: string): boolean => activeVariants().includes(name);
