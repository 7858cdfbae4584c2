import { resources } from '../../nodes/Trustpilot/actions';
import { packageNodeTypes } from '../harness/packageTypes';
import { readRepoFile } from '../harness/repoFiles.cjs';

const readme = readRepoFile('README.md');

describe('README stays in sync with the nodes', () => {
	const rows = Object.values(resources).flatMap((resource) =>
		Object.values(resource.operations).map((operation) => [
			resource.option.name,
			operation.option.name,
		]),
	);

	it.each(rows)('documents %s › %s in the operations table', (resource, operation) => {
		expect(readme).toContain(`| ${resource} | ${operation} |`);
	});

	it('names every node the package ships', () => {
		for (const type of Object.values(packageNodeTypes)) {
			const { displayName } = type.description;
			expect(readme).toContain(`**${displayName}**`);
		}
	});

	it('keeps the quick start to the two documented commands', () => {
		const quickStart = readme.split('## Quick start')[1].split('\n## ')[0];
		const commands = /```bash\n([\s\S]*?)```/.exec(quickStart)?.[1].trim().split('\n');
		expect(commands).toEqual(['npm install && npm start', 'npm install && npm test']);
	});
});
