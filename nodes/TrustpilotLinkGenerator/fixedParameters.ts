import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';

/** Whether a parameter's value holds an expression anywhere (n8n marks one with a leading "="). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * What one execution reads from parameters without expressions. Such a value is the same for
 * every item, so it is read and checked once, at the first item that needs it, instead of once
 * per item (n8n's getNodeParameter costs about as much as encrypting a link). A check that fails
 * is not remembered: every item then fails on its own, naming its own index. Anything that holds
 * an expression (including $fromAI when used as a tool) is read per item as before.
 */
export class FixedParameters {
	private readonly values = new Map<string, unknown>();

	private readonly fixed = new Map<string, boolean>();

	private readonly raw: INodeParameters;

	constructor(ctx: IExecuteFunctions) {
		this.raw = ctx.getNode().parameters;
	}

	/** `read()` for this item, or its result from an earlier item when none of `names` is an expression. */
	read<T>(key: string, names: string[], read: () => T): T {
		let fixed = this.fixed.get(key);
		if (fixed === undefined) {
			fixed = names.every((name) => !holdsExpression(this.raw[name]));
			this.fixed.set(key, fixed);
		}
		if (!fixed) return read();
		if (this.values.has(key)) return this.values.get(key) as T;
		const value = read();
		this.values.set(key, value);
		return value;
	}
}
