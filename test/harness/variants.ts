// The emulator variants this jest run uses (`npm run test:variants` sets them per run; see
// emulator/lib/variants.mjs). Tests of a behaviour a variant changes read them here; the
// environment is read in emulator.cjs because the package's lint forbids `process` in .ts files.
import { activeVariants } from './emulator.cjs';

export { activeVariants };

export const variantActive = (name: string): boolean => activeVariants().includes(name);
