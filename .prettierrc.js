// Formatting follows n8n's own style: tabs, single quotes, trailing commas, 100 columns.
module.exports = {
	semi: true,
	singleQuote: true,
	useTabs: true,
	tabWidth: 2,
	trailingComma: 'all',
	arrowParens: 'always',
	printWidth: 100,
	endOfLine: 'lf',
};
