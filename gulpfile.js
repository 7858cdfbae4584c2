// Build helpers around `tsc`: clean dist first, then copy the files tsc does not emit.
const { src, dest, series } = require('gulp');
const fs = require('node:fs');

function clean(done) {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
}

// Icons (shared light/dark SVGs) and codex files (`*.node.json`) must sit next to the compiled nodes.
function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports.clean = clean;
exports['build:assets'] = series(copyIcons, copyCodex);
exports.default = series(copyIcons, copyCodex);
