// Every operation of the action node has its test file at the mirrored path, so a new operation
// cannot land without one: nodes/Trustpilot/actions/<resource>/<operation>.operation.ts
// → test/Trustpilot/<resource>/<operation>.test.ts.
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const actions = join(root, 'nodes', 'Trustpilot', 'actions');

const operations = readdirSync(actions, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.flatMap((resource) =>
		readdirSync(join(actions, resource.name))
			.filter((file) => file.endsWith('.operation.ts'))
			.map((file) => `${resource.name}/${file.slice(0, -'.operation.ts'.length)}`),
	);

test('the action node has its 43 operations on disk (the list below is not empty by accident)', () => {
	expect(operations.length).toBeGreaterThanOrEqual(43);
});

test.each(operations)('%s has test/Trustpilot/%s.test.ts', (operation) => {
	expect(existsSync(join(root, 'test', 'Trustpilot', `${operation}.test.ts`))).toBe(true);
});
