import type { INodeProperties, INodePropertyCollection, INodeTypeDescription } from 'n8n-workflow';

import { packageCredentialTypes, packageNodeTypes } from '../harness/packageTypes';

// n8n's UX guidelines: every field explains itself (description or hint); selectors of resource and
// operation, notices, hidden fields and the containers of optional fields are the exceptions.
const EXEMPT_NAMES = new Set(['resource', 'operation']);
const EXEMPT_TYPES = new Set(['notice', 'hidden', 'collection', 'fixedCollection']);

interface Field {
	owner: string;
	path: string;
	property: INodeProperties;
}

function fieldsOf(owner: string, properties: INodeProperties[], prefix = ''): Field[] {
	const fields: Field[] = [];
	for (const property of properties) {
		fields.push({ owner, path: `${prefix}${property.name}`, property });
		if (property.type === 'collection' || property.type === 'fixedCollection') {
			for (const option of property.options ?? []) {
				const values = (option as INodePropertyCollection).values;
				if (values)
					fields.push(...fieldsOf(owner, values, `${prefix}${property.name}.${option.name}.`));
				else if ((option as INodeProperties).type)
					fields.push(
						...fieldsOf(owner, [option as INodeProperties], `${prefix}${property.name}.`),
					);
			}
		}
	}
	return fields;
}

const fields: Field[] = [
	...Object.entries(packageNodeTypes).flatMap(([type, node]) =>
		fieldsOf(type, (node.description as INodeTypeDescription).properties),
	),
	...Object.entries(packageCredentialTypes).flatMap(([type, credential]) =>
		fieldsOf(type, credential.properties),
	),
];

describe('parameters explain themselves in the editor', () => {
	it('has fields to check', () => {
		expect(fields.length).toBeGreaterThan(150);
	});

	it('every field has a description or a hint', () => {
		const missing = fields
			.filter(
				({ property }) => !EXEMPT_NAMES.has(property.name) && !EXEMPT_TYPES.has(property.type),
			)
			.filter(
				({ property }) =>
					!String(property.description ?? '').trim() && !String(property.hint ?? '').trim(),
			)
			.map(({ owner, path, property }) => `${owner} › ${path} (${property.displayName})`);
		expect([...new Set(missing)]).toEqual([]);
	});

	it('placeholders show an example value, not an instruction', () => {
		const generic = fields
			.filter(
				({ property }) => property.type === 'string' && typeof property.placeholder === 'string',
			)
			.filter(({ property }) =>
				/^(enter|type|your|add)\b/i.test(String(property.placeholder).trim()),
			)
			.map(({ owner, path, property }) => `${owner} › ${path}: "${property.placeholder}"`);
		expect(generic).toEqual([]);
	});

	it('the Trustpilot credential asks for Authentication first', () => {
		const [first] = packageCredentialTypes.trustpilotApi.properties;
		expect(first.name).toBe('authentication');
	});
});
