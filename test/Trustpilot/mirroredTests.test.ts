// Every operation of the action node is three files named alike, so none can land half-made:
//   nodes/Trustpilot/actions/<resource>/<operation>.description.ts  its parameters (<operation>Description)
//   nodes/Trustpilot/actions/<resource>/<operation>.operation.ts    its request
//   test/Trustpilot/<resource>/<operation>.test.ts                  its test
import { listRepoFolder, readRepoFile, repoFileExists } from '../harness/repoFiles.cjs';

const actions = 'nodes/Trustpilot/actions';

/** `<resource>/<name>` of every file in a resource folder that ends with `suffix`. */
function filesNamed(suffix: string): string[] {
	return listRepoFolder(actions)
		.filter((entry) => entry.isFolder)
		.flatMap((resource) =>
			listRepoFolder(`${actions}/${resource.name}`)
				.map((entry) => entry.name)
				.filter((file) => file.endsWith(suffix))
				.map((file) => `${resource.name}/${file.slice(0, -suffix.length)}`),
		);
}

const operations = filesNamed('.operation.ts');
const descriptions = filesNamed('.description.ts');

test('the action node has its 43 operations on disk (the lists below are not empty by accident)', () => {
	expect(operations.length).toBeGreaterThanOrEqual(43);
	expect(descriptions.length).toBeGreaterThanOrEqual(43);
});

test.each(operations)('%s has test/Trustpilot/%s.test.ts', (operation) => {
	expect(repoFileExists(`test/Trustpilot/${operation}.test.ts`)).toBe(true);
});

test.each(operations)('%s has its parameters in a .description.ts named alike', (operation) => {
	expect(repoFileExists(`${actions}/${operation}.description.ts`)).toBe(true);
});

test.each(descriptions)('%s.description.ts has its .operation.ts named alike', (operation) => {
	expect(repoFileExists(`${actions}/${operation}.operation.ts`)).toBe(true);
});

test.each(operations)('%s.operation.ts declares no parameters of its own', (operation) => {
	expect(readRepoFile(`${actions}/${operation}.operation.ts`)).not.toContain('INodeProperties');
});

test.each(operations)(
	'%s is registered with the parameters its description file exports',
	async (operation) => {
		const [resource, name] = operation.split('/');
		// Loaded here, so a missing file fails the tests above by name instead of the whole file.
		const { resources } = await import('../../nodes/Trustpilot/actions');
		const descriptionFile = (await import(`../../${actions}/${operation}.description`)) as Record<
			string,
			unknown
		>;
		const registered = resources[resource]?.operations[name];
		expect(registered).toBeDefined();
		expect(descriptionFile[`${name}Description`]).toBeInstanceOf(Array);
		expect(registered.description).toBe(descriptionFile[`${name}Description`]);
	},
);
