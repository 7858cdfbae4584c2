// Every operation of the action node has its test file at the mirrored path, so a new operation
// cannot land without one: nodes/Trustpilot/actions/<resource>/<operation>.operation.ts
// → test/Trustpilot/<resource>/<operation>.test.ts.
import { listRepoFolder, repoFileExists } from '../harness/repoFiles.cjs';

const actions = 'nodes/Trustpilot/actions';

const operations = listRepoFolder(actions)
	.filter((entry) => entry.isFolder)
	.flatMap((resource) =>
		listRepoFolder(`${actions}/${resource.name}`)
			.map((entry) => entry.name)
			.filter((file) => file.endsWith('.operation.ts'))
			.map((file) => `${resource.name}/${file.slice(0, -'.operation.ts'.length)}`),
	);

test('the action node has its 43 operations on disk (the list below is not empty by accident)', () => {
	expect(operations.length).toBeGreaterThanOrEqual(43);
});

test.each(operations)('%s has test/Trustpilot/%s.test.ts', (operation) => {
	expect(repoFileExists(`test/Trustpilot/${operation}.test.ts`)).toBe(true);
});
